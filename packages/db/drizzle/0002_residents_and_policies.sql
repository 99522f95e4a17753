CREATE TABLE "base_levels" (
	"effective_from" date PRIMARY KEY NOT NULL,
	"vnd" integer NOT NULL,
	"legal_basis" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "base_levels_positive" CHECK ("base_levels"."vnd" > 0)
);
--> statement-breakpoint
CREATE TABLE "import_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"facility_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"status" text DEFAULT 'staged' NOT NULL,
	"total_rows" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_batches_status_valid" CHECK ("import_batches"."status" in ('staged', 'committed'))
);
--> statement-breakpoint
CREATE TABLE "import_rows" (
	"batch_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"data" jsonb NOT NULL,
	"errors" jsonb
);
--> statement-breakpoint
CREATE TABLE "policy_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"definition" jsonb NOT NULL,
	"code" text GENERATED ALWAYS AS (definition ->> 'code') STORED,
	"status" text GENERATED ALWAYS AS (definition ->> 'status') STORED,
	"effective_from" text GENERATED ALWAYS AS (definition ->> 'effectiveFrom') STORED,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"adopted_by" uuid,
	"adopted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policy_rules_status_valid" CHECK ("policy_rules"."status" in ('in_force', 'proposed', 'archived')),
	CONSTRAINT "policy_rules_has_code" CHECK ("policy_rules"."code" ~ '^[A-Z][A-Z0-9_]*$'),
	CONSTRAINT "policy_rules_version_positive" CHECK ("policy_rules"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "residents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"full_name" text NOT NULL,
	"birth_date" date NOT NULL,
	"birth_date_precision" text DEFAULT 'day' NOT NULL,
	"sex" text NOT NULL,
	"id_number" text,
	"ethnicity" text,
	"home_commune_code" text,
	"group" text NOT NULL,
	"disability_type" text,
	"disability_level" text,
	"disability_certificate" text,
	"orphan_or_abandoned" boolean,
	"both_parents_disabled" boolean,
	"parent_left_not_missing" boolean,
	"lonely_elderly" boolean,
	"especially_difficult" boolean,
	"no_means_of_support" boolean,
	"pension_vnd" integer,
	"labour_capacity_loss_vnd" integer,
	"meritorious_allowance_vnd" integer,
	"studying_until" date,
	"emergency_extended_until" date,
	"health_insurance_number" text,
	"guardian_contacts" text,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name_fold" text GENERATED ALWAYS AS (search_fold(full_name)) STORED,
	"search_text" text GENERATED ALWAYS AS (search_fold(full_name || ' ' || coalesce(id_number, ''))) STORED,
	CONSTRAINT "residents_id_number_format" CHECK ("residents"."id_number" ~ '^([0-9]{9}|[0-9]{12})$'),
	CONSTRAINT "residents_group_valid" CHECK ("residents"."group" in ('k1_child_no_support', 'k1_poor_child_hiv', 'k1_elderly', 'k1_disability', 'k2_emergency', 'k3_administrative', 'k5_voluntary')),
	CONSTRAINT "residents_sex_valid" CHECK ("residents"."sex" in ('male', 'female')),
	CONSTRAINT "residents_birth_precision_valid" CHECK ("residents"."birth_date_precision" in ('day', 'year')),
	CONSTRAINT "residents_disability_type_valid" CHECK ("residents"."disability_type" in ('mobility', 'hearing_speech', 'vision', 'neurological_mental', 'intellectual', 'other')),
	CONSTRAINT "residents_disability_level_valid" CHECK ("residents"."disability_level" in ('especially_severe', 'severe', 'mild')),
	CONSTRAINT "residents_incomes_non_negative" CHECK (coalesce("residents"."pension_vnd", 0) >= 0 and coalesce("residents"."labour_capacity_loss_vnd", 0) >= 0 and coalesce("residents"."meritorious_allowance_vnd", 0) >= 0),
	CONSTRAINT "residents_version_positive" CHECK ("residents"."version" >= 1),
	CONSTRAINT "residents_text_nfc" CHECK ("residents"."full_name" is nfc normalized and coalesce("residents"."ethnicity", '') is nfc normalized and coalesce("residents"."guardian_contacts", '') is nfc normalized and coalesce("residents"."notes", '') is nfc normalized)
);
--> statement-breakpoint
CREATE TABLE "stays" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resident_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"admitted_on" date NOT NULL,
	"admission_decision_number" text,
	"discharged_on" date,
	"discharge_reason" text,
	"discharge_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stays_discharge_after_admission" CHECK ("stays"."discharged_on" >= "stays"."admitted_on"),
	CONSTRAINT "stays_discharge_reason_with_date" CHECK (("stays"."discharged_on" is null) = ("stays"."discharge_reason" is null)),
	CONSTRAINT "stays_discharge_reason_valid" CHECK ("stays"."discharge_reason" in ('returned_to_family', 'adopted', 'aged_out', 'lost_contact', 'deceased', 'contract_ended', 'transferred', 'other'))
);
--> statement-breakpoint
ALTER TABLE "facilities" ADD COLUMN "care_cost_vnd" integer;--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_rows" ADD CONSTRAINT "import_rows_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_rules" ADD CONSTRAINT "policy_rules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_rules" ADD CONSTRAINT "policy_rules_adopted_by_users_id_fk" FOREIGN KEY ("adopted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residents" ADD CONSTRAINT "residents_home_commune_code_communes_code_fk" FOREIGN KEY ("home_commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stays" ADD CONSTRAINT "stays_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stays" ADD CONSTRAINT "stays_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "import_rows_pk" ON "import_rows" USING btree ("batch_id","row_number");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_rules_code_from_key" ON "policy_rules" USING btree ("code","effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "residents_id_number_key" ON "residents" USING btree ("id_number") WHERE "residents"."id_number" is not null;--> statement-breakpoint
CREATE INDEX "residents_duplicate_idx" ON "residents" USING btree ("name_fold","birth_date");--> statement-breakpoint
CREATE INDEX "residents_search_trgm_idx" ON "residents" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "stays_one_open_per_resident" ON "stays" USING btree ("resident_id") WHERE "stays"."discharged_on" is null;--> statement-breakpoint
CREATE INDEX "stays_facility_idx" ON "stays" USING btree ("facility_id","discharged_on");--> statement-breakpoint
CREATE INDEX "stays_resident_idx" ON "stays" USING btree ("resident_id","admitted_on");--> statement-breakpoint
ALTER TABLE "facilities" ADD CONSTRAINT "facilities_care_cost_non_negative" CHECK ("facilities"."care_cost_vnd" >= 0);