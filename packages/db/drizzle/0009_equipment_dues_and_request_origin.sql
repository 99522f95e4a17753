ALTER TABLE "equipment_items" ADD COLUMN "next_maintenance_on" date;--> statement-breakpoint
ALTER TABLE "equipment_requests" ADD COLUMN "from_facility_id" uuid;--> statement-breakpoint
-- Until now the origin lived only in the request's audit record; pending requests' items have not moved.
UPDATE "equipment_requests" r SET "from_facility_id" = coalesce(
  (SELECT (a.after->>'fromFacilityId')::uuid FROM audit_log a
    WHERE a.entity_type = 'equipment_request' AND a.entity_id = r.id::text
      AND a.action = 'equipment.request.create'
    ORDER BY a.at LIMIT 1),
  (SELECT i.facility_id FROM equipment_items i WHERE i.id = r.item_id));--> statement-breakpoint
ALTER TABLE "equipment_requests" ALTER COLUMN "from_facility_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "equipment_stocktake_lines" ADD COLUMN "expected_location" text;--> statement-breakpoint
ALTER TABLE "equipment_stocktake_lines" ADD COLUMN "expected_condition" text;--> statement-breakpoint
ALTER TABLE "equipment_stocktake_lines" ADD CONSTRAINT "equipment_stocktake_lines_expected_condition_valid" CHECK ("expected_condition" in ('good', 'fair', 'poor', 'broken'));--> statement-breakpoint
-- Applied stock-takes kept the register's view in the audit record of the apply.
UPDATE "equipment_stocktake_lines" l SET
  "expected_location" = e.value->>'location',
  "expected_condition" = e.value->>'condition'
FROM "equipment_stocktakes" s
JOIN LATERAL (
  SELECT a.before FROM audit_log a
  WHERE a.entity_type = 'equipment_stocktake' AND a.entity_id = s.id::text
    AND a.action = 'equipment.stocktake.apply'
  ORDER BY a.at DESC LIMIT 1
) applied ON true
JOIN LATERAL jsonb_each(applied.before->'expected') e ON true
WHERE l.stocktake_id = s.id AND s.status = 'applied' AND e.key = l.item_id::text;--> statement-breakpoint
ALTER TABLE "equipment_requests" ADD CONSTRAINT "equipment_requests_from_facility_id_facilities_id_fk" FOREIGN KEY ("from_facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "equipment_items_next_maintenance_idx" ON "equipment_items" USING btree ("next_maintenance_on","facility_id") WHERE "equipment_items"."status" <> 'disposed' and "equipment_items"."next_maintenance_on" is not null;--> statement-breakpoint
CREATE INDEX "equipment_requests_from_idx" ON "equipment_requests" USING btree ("from_facility_id","status");--> statement-breakpoint
-- An item's next maintenance is the earliest of its active schedules and its latest record's next date.
CREATE OR REPLACE FUNCTION equipment_next_maintenance(item uuid) RETURNS date
  LANGUAGE sql STABLE
  AS $$
  SELECT least(
    (SELECT min(s.next_due_on) FROM equipment_maintenance_schedules s WHERE s.item_id = item AND s.active),
    (SELECT r.next_due_on FROM equipment_maintenance r WHERE r.item_id = item
      ORDER BY r.performed_on DESC, r.created_at DESC LIMIT 1))
$$;
--> statement-breakpoint
-- Statement-level with transition tables, so a bulk insert refreshes each item once.
CREATE OR REPLACE FUNCTION refresh_equipment_next_maintenance() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE equipment_items i SET next_maintenance_on = equipment_next_maintenance(i.id)
      WHERE i.id IN (SELECT item_id FROM new_rows);
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE equipment_items i SET next_maintenance_on = equipment_next_maintenance(i.id)
      WHERE i.id IN (SELECT item_id FROM new_rows UNION SELECT item_id FROM old_rows);
  ELSE
    UPDATE equipment_items i SET next_maintenance_on = equipment_next_maintenance(i.id)
      WHERE i.id IN (SELECT item_id FROM old_rows);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER equipment_maintenance_dues_insert AFTER INSERT ON "equipment_maintenance"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION refresh_equipment_next_maintenance();
--> statement-breakpoint
CREATE TRIGGER equipment_maintenance_dues_update AFTER UPDATE ON "equipment_maintenance"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION refresh_equipment_next_maintenance();
--> statement-breakpoint
CREATE TRIGGER equipment_maintenance_dues_delete AFTER DELETE ON "equipment_maintenance"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION refresh_equipment_next_maintenance();
--> statement-breakpoint
CREATE TRIGGER equipment_schedules_dues_insert AFTER INSERT ON "equipment_maintenance_schedules"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION refresh_equipment_next_maintenance();
--> statement-breakpoint
CREATE TRIGGER equipment_schedules_dues_update AFTER UPDATE ON "equipment_maintenance_schedules"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION refresh_equipment_next_maintenance();
--> statement-breakpoint
CREATE TRIGGER equipment_schedules_dues_delete AFTER DELETE ON "equipment_maintenance_schedules"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION refresh_equipment_next_maintenance();
--> statement-breakpoint
UPDATE equipment_items i SET next_maintenance_on = equipment_next_maintenance(i.id)
  WHERE i.id IN (SELECT item_id FROM equipment_maintenance UNION SELECT item_id FROM equipment_maintenance_schedules);
