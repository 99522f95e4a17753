CREATE INDEX "equipment_schedules_item_due_idx" ON "equipment_maintenance_schedules" USING btree ("item_id","next_due_on") WHERE "equipment_maintenance_schedules"."active";--> statement-breakpoint
CREATE INDEX "equipment_stocktake_lines_stocktake_idx" ON "equipment_stocktake_lines" USING btree ("stocktake_id");--> statement-breakpoint
-- Equipment revision: the API keeps the province-wide equipment dashboard roll-up (value by facility and
-- category, past useful life, facility × model quantities for the minimums) while nothing it reads has
-- changed. Any write to those columns bumps this counter in the same transaction, so one cheap read tells
-- whether the kept roll-up is still exact (same pattern as 'population', migration 0008).
--
-- Only the columns the roll-up reads fire the triggers: the maintained next_maintenance_on (migration
-- 0009, updated by triggers on every maintenance write) and edits of names, notes, locations or custom
-- values do not throw the roll-up away. UPDATE OF fires when the column is in the SET list (the API's
-- item edits set every column, so they always bump; that is only conservative).
INSERT INTO "data_revisions" ("name") VALUES ('equipment') ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION bump_equipment_revision() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  UPDATE data_revisions SET value = value + 1 WHERE name = 'equipment';
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER equipment_items_equipment_revision
  AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF facility_id, category, model_id, quantity, cost_vnd,
    acquired_on, useful_life_years, status
  ON "equipment_items" FOR EACH STATEMENT EXECUTE FUNCTION bump_equipment_revision();
--> statement-breakpoint
CREATE TRIGGER equipment_models_equipment_revision
  AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF name, min_per_facility, min_per_bed
  ON "equipment_models" FOR EACH STATEMENT EXECUTE FUNCTION bump_equipment_revision();
--> statement-breakpoint
CREATE TRIGGER facilities_equipment_revision
  AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF name, status, licensed_capacity
  ON "facilities" FOR EACH STATEMENT EXECUTE FUNCTION bump_equipment_revision();
