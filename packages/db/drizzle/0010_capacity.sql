CREATE TABLE "assessment_ratings" (
	"assessment_id" uuid NOT NULL,
	"system" text NOT NULL,
	"score" smallint NOT NULL,
	"notes" text,
	CONSTRAINT "assessment_ratings_assessment_id_system_pk" PRIMARY KEY("assessment_id","system"),
	CONSTRAINT "assessment_ratings_system_valid" CHECK ("assessment_ratings"."system" in ('roof', 'water', 'electricity', 'fire_safety', 'accessibility', 'kitchen')),
	CONSTRAINT "assessment_ratings_score_range" CHECK ("assessment_ratings"."score" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "bed_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bed_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"stay_id" uuid NOT NULL,
	"from_on" date NOT NULL,
	"until_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bed_assignments_period" CHECK ("bed_assignments"."until_on" >= "bed_assignments"."from_on")
);
--> statement-breakpoint
CREATE TABLE "bed_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"bed_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"offered_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"decided_on" date,
	"reason" text,
	"offered_by" uuid,
	"decided_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bed_offers_status_valid" CHECK ("bed_offers"."status" in ('open', 'accepted', 'declined', 'withdrawn')),
	CONSTRAINT "bed_offers_decided" CHECK (("bed_offers"."status" = 'open') = ("bed_offers"."decided_on" is null)),
	CONSTRAINT "bed_offers_declined_reason" CHECK ("bed_offers"."status" <> 'declined' or length(trim("bed_offers"."reason")) > 0),
	CONSTRAINT "bed_offers_decided_after_offered" CHECK ("bed_offers"."decided_on" >= "bed_offers"."offered_on")
);
--> statement-breakpoint
CREATE TABLE "beds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"facility_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"code" text NOT NULL,
	"status" text DEFAULT 'available' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "beds_id_facility_key" UNIQUE("id","facility_id"),
	CONSTRAINT "beds_status_valid" CHECK ("beds"."status" in ('available', 'reserved', 'out_of_service')),
	CONSTRAINT "beds_code_format" CHECK (length(trim("beds"."code")) between 1 and 40 and "beds"."code" is nfc normalized),
	CONSTRAINT "beds_version_positive" CHECK ("beds"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "facility_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"facility_id" uuid NOT NULL,
	"assessed_on" date NOT NULL,
	"assessed_by" uuid,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "facility_staff" (
	"facility_id" uuid NOT NULL,
	"role" text NOT NULL,
	"headcount" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "facility_staff_facility_id_role_pk" PRIMARY KEY("facility_id","role"),
	CONSTRAINT "facility_staff_role_valid" CHECK ("facility_staff"."role" in ('carer', 'social_worker', 'psychologist', 'medical', 'nutrition', 'rehabilitation', 'teacher', 'indirect')),
	CONSTRAINT "facility_staff_headcount_range" CHECK ("facility_staff"."headcount" between 0 and 10000)
);
--> statement-breakpoint
CREATE TABLE "investment_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"facility_id" uuid NOT NULL,
	"item" text NOT NULL,
	"category" text NOT NULL,
	"estimated_cost_vnd" bigint NOT NULL,
	"priority" text NOT NULL,
	"requested_year" integer NOT NULL,
	"funding_source" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"origin" jsonb,
	"justification" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "investment_proposals_category_valid" CHECK ("investment_proposals"."category" in ('construction', 'repair', 'equipment', 'it')),
	CONSTRAINT "investment_proposals_funding_valid" CHECK ("investment_proposals"."funding_source" in ('provincial_budget', 'central', 'socialised', 'other')),
	CONSTRAINT "investment_proposals_status_valid" CHECK ("investment_proposals"."status" in ('draft', 'submitted', 'under_review', 'approved', 'rejected', 'funded', 'completed')),
	CONSTRAINT "investment_proposals_priority_valid" CHECK ("investment_proposals"."priority" in ('high', 'medium', 'low')),
	CONSTRAINT "investment_proposals_cost_positive" CHECK ("investment_proposals"."estimated_cost_vnd" > 0),
	CONSTRAINT "investment_proposals_year_range" CHECK ("investment_proposals"."requested_year" between 2000 and 2100),
	CONSTRAINT "investment_proposals_text_nfc" CHECK ("investment_proposals"."item" is nfc normalized and length(trim("investment_proposals"."item")) > 0 and coalesce("investment_proposals"."justification", '') is nfc normalized),
	CONSTRAINT "investment_proposals_version_positive" CHECK ("investment_proposals"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "proposal_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text,
	"comment" text,
	"actor_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposal_events_something" CHECK ("proposal_events"."to_status" is not null or length(trim(coalesce("proposal_events"."comment", ''))) > 0)
);
--> statement-breakpoint
CREATE TABLE "rooms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"facility_id" uuid NOT NULL,
	"name" text NOT NULL,
	"floor_area_m2" numeric(8, 2) NOT NULL,
	"care_level" text DEFAULT 'ordinary' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rooms_id_facility_key" UNIQUE("id","facility_id"),
	CONSTRAINT "rooms_area_positive" CHECK ("rooms"."floor_area_m2" > 0),
	CONSTRAINT "rooms_care_level_valid" CHECK ("rooms"."care_level" in ('ordinary', 'intensive_24h')),
	CONSTRAINT "rooms_name_nfc" CHECK ("rooms"."name" is nfc normalized and length(trim("rooms"."name")) > 0),
	CONSTRAINT "rooms_version_positive" CHECK ("rooms"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "setting_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"valid_from" date NOT NULL,
	"document" jsonb NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "setting_versions_kind_valid" CHECK ("setting_versions"."kind" in ('care_standards', 'waitlist_priority')),
	CONSTRAINT "setting_versions_document_object" CHECK (jsonb_typeof("setting_versions"."document") = 'object')
);
--> statement-breakpoint
CREATE TABLE "waitlist_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"full_name" text NOT NULL,
	"birth_date" date,
	"sex" text NOT NULL,
	"id_number" text,
	"home_commune_code" text NOT NULL,
	"group" text NOT NULL,
	"urgency" text NOT NULL,
	"vulnerability" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"requested_facility_id" uuid,
	"requested_facility_type" text,
	"applied_on" date NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"closed_on" date,
	"close_reason" text,
	"resident_id" uuid,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_text" text GENERATED ALWAYS AS (search_fold(full_name || ' ' || coalesce(id_number, ''))) STORED,
	CONSTRAINT "waitlist_id_number_format" CHECK ("waitlist_applications"."id_number" ~ '^([0-9]{9}|[0-9]{12})$'),
	CONSTRAINT "waitlist_sex_valid" CHECK ("waitlist_applications"."sex" in ('male', 'female')),
	CONSTRAINT "waitlist_group_valid" CHECK ("waitlist_applications"."group" in ('k1_child_no_support', 'k1_poor_child_hiv', 'k1_elderly', 'k1_disability', 'k2_emergency', 'k3_administrative', 'k5_voluntary')),
	CONSTRAINT "waitlist_urgency_valid" CHECK ("waitlist_applications"."urgency" in ('emergency', 'high', 'normal')),
	CONSTRAINT "waitlist_status_valid" CHECK ("waitlist_applications"."status" in ('waiting', 'offered', 'admitted', 'withdrawn')),
	CONSTRAINT "waitlist_requested_type_valid" CHECK ("waitlist_applications"."requested_facility_type" in ('elderly', 'children', 'disability', 'mental_health', 'general', 'social_work', 'other')),
	CONSTRAINT "waitlist_requested_something" CHECK ("waitlist_applications"."requested_facility_id" is not null or "waitlist_applications"."requested_facility_type" is not null),
	CONSTRAINT "waitlist_closed_when_done" CHECK (("waitlist_applications"."status" in ('admitted', 'withdrawn')) = ("waitlist_applications"."closed_on" is not null)),
	CONSTRAINT "waitlist_admitted_resident" CHECK (("waitlist_applications"."status" = 'admitted') = ("waitlist_applications"."resident_id" is not null)),
	CONSTRAINT "waitlist_closed_after_applied" CHECK ("waitlist_applications"."closed_on" >= "waitlist_applications"."applied_on"),
	CONSTRAINT "waitlist_vulnerability_object" CHECK (jsonb_typeof("waitlist_applications"."vulnerability") = 'object'),
	CONSTRAINT "waitlist_version_positive" CHECK ("waitlist_applications"."version" >= 1),
	CONSTRAINT "waitlist_text_nfc" CHECK ("waitlist_applications"."full_name" is nfc normalized and length(trim("waitlist_applications"."full_name")) > 0 and coalesce("waitlist_applications"."notes", '') is nfc normalized)
);
--> statement-breakpoint
ALTER TABLE "stays" ADD CONSTRAINT "stays_id_facility_key" UNIQUE("id","facility_id");--> statement-breakpoint
ALTER TABLE "facilities" ADD COLUMN "area_type" text;--> statement-breakpoint
ALTER TABLE "residents" ADD COLUMN "mental_illness_severity" text;--> statement-breakpoint
ALTER TABLE "residents" ADD COLUMN "self_care" boolean;--> statement-breakpoint
ALTER TABLE "residents" ADD COLUMN "found_homeless" boolean;--> statement-breakpoint
ALTER TABLE "assessment_ratings" ADD CONSTRAINT "assessment_ratings_assessment_id_facility_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."facility_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bed_assignments" ADD CONSTRAINT "bed_assignments_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bed_assignments" ADD CONSTRAINT "bed_assignments_bed_in_facility_fk" FOREIGN KEY ("bed_id","facility_id") REFERENCES "public"."beds"("id","facility_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bed_assignments" ADD CONSTRAINT "bed_assignments_stay_in_facility_fk" FOREIGN KEY ("stay_id","facility_id") REFERENCES "public"."stays"("id","facility_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bed_offers" ADD CONSTRAINT "bed_offers_application_id_waitlist_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."waitlist_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bed_offers" ADD CONSTRAINT "bed_offers_offered_by_users_id_fk" FOREIGN KEY ("offered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bed_offers" ADD CONSTRAINT "bed_offers_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bed_offers" ADD CONSTRAINT "bed_offers_bed_in_facility_fk" FOREIGN KEY ("bed_id","facility_id") REFERENCES "public"."beds"("id","facility_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beds" ADD CONSTRAINT "beds_room_in_facility_fk" FOREIGN KEY ("room_id","facility_id") REFERENCES "public"."rooms"("id","facility_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "facility_assessments" ADD CONSTRAINT "facility_assessments_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_assessments" ADD CONSTRAINT "facility_assessments_assessed_by_users_id_fk" FOREIGN KEY ("assessed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_staff" ADD CONSTRAINT "facility_staff_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investment_proposals" ADD CONSTRAINT "investment_proposals_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investment_proposals" ADD CONSTRAINT "investment_proposals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_events" ADD CONSTRAINT "proposal_events_proposal_id_investment_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."investment_proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_events" ADD CONSTRAINT "proposal_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "setting_versions" ADD CONSTRAINT "setting_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_applications" ADD CONSTRAINT "waitlist_applications_home_commune_code_communes_code_fk" FOREIGN KEY ("home_commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_applications" ADD CONSTRAINT "waitlist_applications_requested_facility_id_facilities_id_fk" FOREIGN KEY ("requested_facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_applications" ADD CONSTRAINT "waitlist_applications_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_applications" ADD CONSTRAINT "waitlist_applications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bed_assignments_one_current_per_resident" ON "bed_assignments" USING btree ("resident_id") WHERE "bed_assignments"."until_on" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "bed_assignments_one_current_per_bed" ON "bed_assignments" USING btree ("bed_id") WHERE "bed_assignments"."until_on" is null;--> statement-breakpoint
CREATE INDEX "bed_assignments_facility_idx" ON "bed_assignments" USING btree ("facility_id","from_on");--> statement-breakpoint
CREATE INDEX "bed_assignments_stay_idx" ON "bed_assignments" USING btree ("stay_id");--> statement-breakpoint
CREATE UNIQUE INDEX "bed_offers_one_open_per_bed" ON "bed_offers" USING btree ("bed_id") WHERE "bed_offers"."status" = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "bed_offers_one_open_per_application" ON "bed_offers" USING btree ("application_id") WHERE "bed_offers"."status" = 'open';--> statement-breakpoint
CREATE INDEX "bed_offers_application_idx" ON "bed_offers" USING btree ("application_id","offered_on");--> statement-breakpoint
CREATE UNIQUE INDEX "beds_facility_code_key" ON "beds" USING btree ("facility_id","code");--> statement-breakpoint
CREATE INDEX "beds_room_idx" ON "beds" USING btree ("room_id");--> statement-breakpoint
CREATE INDEX "facility_assessments_facility_idx" ON "facility_assessments" USING btree ("facility_id","assessed_on");--> statement-breakpoint
CREATE INDEX "investment_proposals_facility_idx" ON "investment_proposals" USING btree ("facility_id","status");--> statement-breakpoint
CREATE INDEX "investment_proposals_status_idx" ON "investment_proposals" USING btree ("status","requested_year");--> statement-breakpoint
CREATE INDEX "proposal_events_proposal_idx" ON "proposal_events" USING btree ("proposal_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "rooms_facility_name_key" ON "rooms" USING btree ("facility_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "setting_versions_kind_from_key" ON "setting_versions" USING btree ("kind","valid_from");--> statement-breakpoint
CREATE INDEX "waitlist_open_idx" ON "waitlist_applications" USING btree ("status","applied_on");--> statement-breakpoint
CREATE INDEX "waitlist_facility_idx" ON "waitlist_applications" USING btree ("requested_facility_id");--> statement-breakpoint
CREATE UNIQUE INDEX "waitlist_one_open_per_id_number" ON "waitlist_applications" USING btree ("id_number") WHERE "waitlist_applications"."id_number" is not null and "waitlist_applications"."status" in ('waiting', 'offered');--> statement-breakpoint
ALTER TABLE "facilities" ADD CONSTRAINT "facilities_area_type_valid" CHECK ("facilities"."area_type" in ('urban', 'rural', 'mountainous'));--> statement-breakpoint
ALTER TABLE "residents" ADD CONSTRAINT "residents_mental_illness_severity_valid" CHECK ("residents"."mental_illness_severity" in ('especially_severe', 'severe', 'stabilised'));--> statement-breakpoint
-- One person per bed at a time, one bed per person at a time. Periods are [from_on, until_on): a move
-- closes one bed and opens the next on the same day.
ALTER TABLE "bed_assignments" ADD CONSTRAINT "bed_assignments_bed_no_overlap" EXCLUDE USING gist (
  "bed_id" WITH =,
  daterange("from_on", "until_on", '[)') WITH &&
);--> statement-breakpoint
ALTER TABLE "bed_assignments" ADD CONSTRAINT "bed_assignments_resident_no_overlap" EXCLUDE USING gist (
  "resident_id" WITH =,
  daterange("from_on", "until_on", '[)') WITH &&
);--> statement-breakpoint
-- An assignment lies inside its stay, and a bed out of service takes no one. Named like a constraint so
-- the API maps the refusal to a field message like any other constraint.
CREATE OR REPLACE FUNCTION check_bed_assignment() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  stay stays%ROWTYPE;
BEGIN
  SELECT * INTO stay FROM stays WHERE id = NEW.stay_id;
  IF NEW.resident_id <> stay.resident_id OR NEW.from_on < stay.admitted_on
    OR (stay.discharged_on IS NOT NULL AND (NEW.until_on IS NULL OR NEW.until_on > stay.discharged_on)) THEN
    RAISE EXCEPTION 'bed assignment outside its stay'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'bed_assignments_within_stay', TABLE = 'bed_assignments';
  END IF;
  IF TG_OP = 'INSERT' AND EXISTS (SELECT 1 FROM beds WHERE id = NEW.bed_id AND status = 'out_of_service') THEN
    RAISE EXCEPTION 'bed out of service'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'bed_assignments_bed_in_service', TABLE = 'bed_assignments';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER bed_assignments_check BEFORE INSERT OR UPDATE ON "bed_assignments"
  FOR EACH ROW EXECUTE FUNCTION check_bed_assignment();
--> statement-breakpoint
-- Closing a stay (discharge, transfer) frees the bed on the same day, whichever code path closed it.
CREATE OR REPLACE FUNCTION close_bed_with_stay() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF NEW.discharged_on IS NOT NULL THEN
    UPDATE bed_assignments SET until_on = NEW.discharged_on
      WHERE stay_id = NEW.id AND (until_on IS NULL OR until_on > NEW.discharged_on);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER stays_close_bed AFTER UPDATE OF discharged_on ON "stays"
  FOR EACH ROW EXECUTE FUNCTION close_bed_with_stay();
--> statement-breakpoint
-- A bed in use cannot be taken out of service; move the resident first.
CREATE OR REPLACE FUNCTION check_bed_status() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF NEW.status = 'out_of_service' AND OLD.status <> 'out_of_service'
    AND EXISTS (SELECT 1 FROM bed_assignments WHERE bed_id = NEW.id AND until_on IS NULL) THEN
    RAISE EXCEPTION 'bed is occupied'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'beds_occupied_in_service', TABLE = 'beds';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER beds_status_check BEFORE UPDATE OF status ON "beds"
  FOR EACH ROW EXECUTE FUNCTION check_bed_status();
--> statement-breakpoint
-- The proposal workflow (domain: capacity/proposals.ts). Any other move is refused here too.
CREATE OR REPLACE FUNCTION check_proposal_move() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF NEW.status IS DISTINCT FROM OLD.status AND (OLD.status, NEW.status) NOT IN (
    ('draft', 'submitted'), ('submitted', 'draft'), ('submitted', 'under_review'),
    ('under_review', 'approved'), ('under_review', 'rejected'), ('rejected', 'draft'),
    ('approved', 'funded'), ('funded', 'completed')
  ) THEN
    RAISE EXCEPTION 'proposal cannot move from % to %', OLD.status, NEW.status
      USING ERRCODE = 'check_violation', CONSTRAINT = 'investment_proposals_workflow', TABLE = 'investment_proposals';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER investment_proposals_workflow BEFORE UPDATE OF status ON "investment_proposals"
  FOR EACH ROW EXECUTE FUNCTION check_proposal_move();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION refuse_proposal_not_draft() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  RAISE EXCEPTION 'a proposal starts as a draft'
    USING ERRCODE = 'check_violation', CONSTRAINT = 'investment_proposals_workflow', TABLE = 'investment_proposals';
END
$$;
--> statement-breakpoint
CREATE TRIGGER investment_proposals_start_draft BEFORE INSERT ON "investment_proposals"
  FOR EACH ROW WHEN (NEW.status <> 'draft') EXECUTE FUNCTION refuse_proposal_not_draft();
--> statement-breakpoint
-- Occupancy figures are cached by the API while no bed, assignment, room or facility changes.
INSERT INTO "data_revisions" ("name") VALUES ('occupancy') ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION bump_occupancy_revision() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  UPDATE data_revisions SET value = value + 1 WHERE name = 'occupancy';
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER bed_assignments_occupancy_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "bed_assignments"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_occupancy_revision();
--> statement-breakpoint
CREATE TRIGGER beds_occupancy_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "beds"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_occupancy_revision();
--> statement-breakpoint
CREATE TRIGGER facilities_occupancy_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "facilities"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_occupancy_revision();
--> statement-breakpoint
CREATE TRIGGER rooms_occupancy_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "rooms"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_occupancy_revision();
--> statement-breakpoint
-- The staffing figures read the staff counts beside the residents: they are part of the population.
CREATE TRIGGER facility_staff_population_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "facility_staff"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_population_revision();
