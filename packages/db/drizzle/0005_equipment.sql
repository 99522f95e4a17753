CREATE TABLE "equipment_category_fields" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"category" text NOT NULL,
	"key" text NOT NULL,
	"label_vi" text NOT NULL,
	"label_en" text NOT NULL,
	"type" text NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "equipment_category_fields_key_format" CHECK ("equipment_category_fields"."key" ~ '^[a-z][a-z0-9_]{0,39}$'),
	CONSTRAINT "equipment_category_fields_category_valid" CHECK ("equipment_category_fields"."category" in ('medical', 'rehabilitation', 'beds_furniture', 'kitchen', 'laundry', 'it', 'vehicles', 'other')),
	CONSTRAINT "equipment_category_fields_type_valid" CHECK ("equipment_category_fields"."type" in ('text', 'number', 'date', 'boolean'))
);
--> statement-breakpoint
CREATE TABLE "equipment_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"asset_code" text NOT NULL,
	"name" text NOT NULL,
	"model_id" uuid,
	"category" text NOT NULL,
	"facility_id" uuid NOT NULL,
	"location" text,
	"serial_number" text,
	"tracking" text NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"acquired_on" date NOT NULL,
	"cost_vnd" bigint NOT NULL,
	"useful_life_years" integer NOT NULL,
	"funding_source" text NOT NULL,
	"condition" text NOT NULL,
	"status" text NOT NULL,
	"warranty_until" date,
	"disposed_on" date,
	"notes" text,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_text" text GENERATED ALWAYS AS (search_fold(asset_code || ' ' || name || ' ' || coalesce(serial_number, '') || ' ' || coalesce(location, ''))) STORED,
	CONSTRAINT "equipment_items_asset_code_format" CHECK ("equipment_items"."asset_code" ~ '^[A-Z0-9][A-Z0-9._/-]{1,39}$'),
	CONSTRAINT "equipment_items_category_valid" CHECK ("equipment_items"."category" in ('medical', 'rehabilitation', 'beds_furniture', 'kitchen', 'laundry', 'it', 'vehicles', 'other')),
	CONSTRAINT "equipment_items_funding_valid" CHECK ("equipment_items"."funding_source" in ('provincial_budget', 'central_budget', 'socialised', 'donation', 'other')),
	CONSTRAINT "equipment_items_condition_valid" CHECK ("equipment_items"."condition" in ('good', 'fair', 'poor', 'broken')),
	CONSTRAINT "equipment_items_status_valid" CHECK ("equipment_items"."status" in ('in_use', 'in_storage', 'under_repair', 'disposed')),
	CONSTRAINT "equipment_items_tracking_valid" CHECK ("equipment_items"."tracking" in ('individual', 'stock')),
	CONSTRAINT "equipment_items_quantity_matches_tracking" CHECK ("equipment_items"."quantity" >= 1 and ("equipment_items"."tracking" = 'stock' or "equipment_items"."quantity" = 1)),
	CONSTRAINT "equipment_items_cost_non_negative" CHECK ("equipment_items"."cost_vnd" >= 0),
	CONSTRAINT "equipment_items_life_positive" CHECK ("equipment_items"."useful_life_years" between 1 and 100),
	CONSTRAINT "equipment_items_disposed_date" CHECK (("equipment_items"."status" = 'disposed') = ("equipment_items"."disposed_on" is not null)),
	CONSTRAINT "equipment_items_text_nfc" CHECK ("equipment_items"."name" is nfc normalized and coalesce("equipment_items"."location", '') is nfc normalized)
);
--> statement-breakpoint
CREATE TABLE "equipment_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"to_facility_id" uuid,
	"reason" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"decided_by" uuid,
	"decision_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "equipment_requests_kind_valid" CHECK ("equipment_requests"."kind" in ('transfer', 'disposal')),
	CONSTRAINT "equipment_requests_status_valid" CHECK ("equipment_requests"."status" in ('requested', 'approved', 'rejected')),
	CONSTRAINT "equipment_requests_transfer_target" CHECK (("equipment_requests"."kind" = 'transfer') = ("equipment_requests"."to_facility_id" is not null)),
	CONSTRAINT "equipment_requests_decision" CHECK (("equipment_requests"."status" = 'requested') = ("equipment_requests"."decided_by" is null))
);
--> statement-breakpoint
CREATE TABLE "equipment_models" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"useful_life_years" integer NOT NULL,
	"min_per_facility" integer,
	"min_per_bed" numeric(6, 3),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "equipment_models_category_valid" CHECK ("equipment_models"."category" in ('medical', 'rehabilitation', 'beds_furniture', 'kitchen', 'laundry', 'it', 'vehicles', 'other')),
	CONSTRAINT "equipment_models_life_positive" CHECK ("equipment_models"."useful_life_years" between 1 and 100),
	CONSTRAINT "equipment_models_minimums_non_negative" CHECK (coalesce("equipment_models"."min_per_facility", 0) >= 0 and coalesce("equipment_models"."min_per_bed", 0) >= 0),
	CONSTRAINT "equipment_models_name_nfc" CHECK ("equipment_models"."name" is nfc normalized)
);
--> statement-breakpoint
CREATE TABLE "equipment_maintenance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"performed_on" date NOT NULL,
	"kind" text NOT NULL,
	"cost_vnd" bigint DEFAULT 0 NOT NULL,
	"supplier" text,
	"notes" text,
	"next_due_on" date,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "equipment_maintenance_cost_non_negative" CHECK ("equipment_maintenance"."cost_vnd" >= 0),
	CONSTRAINT "equipment_maintenance_kind_valid" CHECK ("equipment_maintenance"."kind" in ('preventive', 'corrective', 'inspection', 'calibration')),
	CONSTRAINT "equipment_maintenance_next_after" CHECK ("equipment_maintenance"."next_due_on" > "equipment_maintenance"."performed_on")
);
--> statement-breakpoint
CREATE TABLE "equipment_maintenance_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"name" text NOT NULL,
	"interval_months" integer NOT NULL,
	"next_due_on" date NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "equipment_schedules_interval_positive" CHECK ("equipment_maintenance_schedules"."interval_months" between 1 and 120)
);
--> statement-breakpoint
CREATE TABLE "equipment_stocktake_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stocktake_id" uuid NOT NULL,
	"item_id" uuid,
	"outcome" text NOT NULL,
	"observed_location" text,
	"observed_condition" text,
	"description" text,
	"note" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "equipment_stocktake_lines_outcome_valid" CHECK ("equipment_stocktake_lines"."outcome" in ('found', 'missing', 'wrong_location', 'condition_changed', 'unexpected')),
	CONSTRAINT "equipment_stocktake_lines_unexpected" CHECK (("equipment_stocktake_lines"."outcome" = 'unexpected') = ("equipment_stocktake_lines"."item_id" is null))
);
--> statement-breakpoint
CREATE TABLE "equipment_stocktakes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"facility_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"started_by" uuid NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_at" timestamp with time zone,
	CONSTRAINT "equipment_stocktakes_status_valid" CHECK ("equipment_stocktakes"."status" in ('open', 'applied'))
);
--> statement-breakpoint
ALTER TABLE "equipment_items" ADD CONSTRAINT "equipment_items_model_id_equipment_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."equipment_models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_items" ADD CONSTRAINT "equipment_items_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_requests" ADD CONSTRAINT "equipment_requests_item_id_equipment_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."equipment_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_requests" ADD CONSTRAINT "equipment_requests_to_facility_id_facilities_id_fk" FOREIGN KEY ("to_facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_requests" ADD CONSTRAINT "equipment_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_requests" ADD CONSTRAINT "equipment_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_maintenance" ADD CONSTRAINT "equipment_maintenance_item_id_equipment_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."equipment_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_maintenance" ADD CONSTRAINT "equipment_maintenance_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_maintenance_schedules" ADD CONSTRAINT "equipment_maintenance_schedules_item_id_equipment_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."equipment_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_stocktake_lines" ADD CONSTRAINT "equipment_stocktake_lines_stocktake_id_equipment_stocktakes_id_fk" FOREIGN KEY ("stocktake_id") REFERENCES "public"."equipment_stocktakes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_stocktake_lines" ADD CONSTRAINT "equipment_stocktake_lines_item_id_equipment_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."equipment_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_stocktakes" ADD CONSTRAINT "equipment_stocktakes_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_stocktakes" ADD CONSTRAINT "equipment_stocktakes_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "equipment_category_fields_key" ON "equipment_category_fields" USING btree ("category","key");--> statement-breakpoint
CREATE UNIQUE INDEX "equipment_items_asset_code_key" ON "equipment_items" USING btree ("asset_code");--> statement-breakpoint
CREATE INDEX "equipment_items_facility_idx" ON "equipment_items" USING btree ("facility_id","status","category");--> statement-breakpoint
CREATE INDEX "equipment_items_model_idx" ON "equipment_items" USING btree ("model_id");--> statement-breakpoint
CREATE INDEX "equipment_items_search_trgm_idx" ON "equipment_items" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "equipment_requests_one_pending" ON "equipment_requests" USING btree ("item_id") WHERE "equipment_requests"."status" = 'requested';--> statement-breakpoint
CREATE INDEX "equipment_requests_status_idx" ON "equipment_requests" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "equipment_models_name_key" ON "equipment_models" USING btree ("category","name");--> statement-breakpoint
CREATE INDEX "equipment_maintenance_item_idx" ON "equipment_maintenance" USING btree ("item_id","performed_on");--> statement-breakpoint
CREATE INDEX "equipment_schedules_due_idx" ON "equipment_maintenance_schedules" USING btree ("next_due_on") WHERE "equipment_maintenance_schedules"."active";--> statement-breakpoint
CREATE UNIQUE INDEX "equipment_stocktake_lines_item" ON "equipment_stocktake_lines" USING btree ("stocktake_id","item_id") WHERE "equipment_stocktake_lines"."item_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "equipment_stocktakes_one_open" ON "equipment_stocktakes" USING btree ("facility_id") WHERE "equipment_stocktakes"."status" = 'open';