CREATE TABLE "communes" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"province_code" text NOT NULL,
	CONSTRAINT "communes_code_format" CHECK ("communes"."code" ~ '^[0-9]{5}$'),
	CONSTRAINT "communes_kind_valid" CHECK ("communes"."kind" in ('xa', 'phuong', 'dac_khu'))
);
--> statement-breakpoint
CREATE TABLE "provinces" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "provinces_code_format" CHECK ("provinces"."code" ~ '^[0-9]{2}$'),
	CONSTRAINT "provinces_kind_valid" CHECK ("provinces"."kind" in ('tinh', 'thanh_pho'))
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"request_id" text,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "facilities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"ownership" text NOT NULL,
	"commune_code" text NOT NULL,
	"address" text,
	"phone" text,
	"licensed_capacity" integer NOT NULL,
	"land_area_m2" numeric(12, 2),
	"bedroom_area_m2" numeric(12, 2),
	"status" text NOT NULL,
	"decision_number" text,
	"decision_date" date,
	"operator_organisation" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_text" text GENERATED ALWAYS AS (search_fold(code || ' ' || name || ' ' || coalesce(address, '') || ' ' || coalesce(operator_organisation, ''))) STORED,
	CONSTRAINT "facilities_type_valid" CHECK ("facilities"."type" in ('elderly', 'children', 'disability', 'mental_health', 'general', 'social_work', 'other')),
	CONSTRAINT "facilities_ownership_valid" CHECK ("facilities"."ownership" in ('public', 'non_public')),
	CONSTRAINT "facilities_status_valid" CHECK ("facilities"."status" in ('planned', 'operating', 'suspended', 'closed')),
	CONSTRAINT "facilities_capacity_non_negative" CHECK ("facilities"."licensed_capacity" >= 0),
	CONSTRAINT "facilities_land_area_non_negative" CHECK ("facilities"."land_area_m2" >= 0),
	CONSTRAINT "facilities_bedroom_area_non_negative" CHECK ("facilities"."bedroom_area_m2" >= 0),
	CONSTRAINT "facilities_version_positive" CHECK ("facilities"."version" >= 1),
	CONSTRAINT "facilities_operator_only_non_public" CHECK (("facilities"."ownership" = 'non_public') = ("facilities"."operator_organisation" is not null)),
	CONSTRAINT "facilities_text_nfc" CHECK ("facilities"."name" is nfc normalized and coalesce("facilities"."address", '') is nfc normalized and coalesce("facilities"."operator_organisation", '') is nfc normalized and coalesce("facilities"."decision_number", '') is nfc normalized)
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"ip" text NOT NULL,
	"succeeded" boolean NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "operator_facilities" (
	"user_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	CONSTRAINT "operator_facilities_user_id_facility_id_pk" PRIMARY KEY("user_id","facility_id")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"full_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"facility_id" uuid,
	"is_active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_lowercase" CHECK ("users"."username" = lower("users"."username")),
	CONSTRAINT "users_role_valid" CHECK ("users"."role" in ('admin', 'planner', 'facility_manager', 'facility_staff', 'operator')),
	CONSTRAINT "users_centre_roles_have_facility" CHECK (("users"."role" in ('facility_manager', 'facility_staff')) = ("users"."facility_id" is not null)),
	CONSTRAINT "users_full_name_nfc" CHECK ("users"."full_name" is nfc normalized)
);
--> statement-breakpoint
ALTER TABLE "communes" ADD CONSTRAINT "communes_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facilities" ADD CONSTRAINT "facilities_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operator_facilities" ADD CONSTRAINT "operator_facilities_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operator_facilities" ADD CONSTRAINT "operator_facilities_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "communes_province_idx" ON "communes" USING btree ("province_code");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "facilities_code_key" ON "facilities" USING btree ("code");--> statement-breakpoint
CREATE INDEX "facilities_commune_idx" ON "facilities" USING btree ("commune_code");--> statement-breakpoint
CREATE INDEX "facilities_name_idx" ON "facilities" USING btree ("name");--> statement-breakpoint
CREATE INDEX "facilities_search_trgm_idx" ON "facilities" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "login_attempts_username_at_idx" ON "login_attempts" USING btree ("username","at");--> statement-breakpoint
CREATE INDEX "login_attempts_ip_at_idx" ON "login_attempts" USING btree ("ip","at");--> statement-breakpoint
CREATE INDEX "operator_facilities_facility_idx" ON "operator_facilities" USING btree ("facility_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_key" ON "users" USING btree ("username");