-- The month population (residents, their stays, facility care costs) is cached by the API; any write to
-- those tables bumps this counter in the same transaction, so the cache is never used past a change.
INSERT INTO "data_revisions" ("name") VALUES ('population') ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION bump_population_revision() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  UPDATE data_revisions SET value = value + 1 WHERE name = 'population';
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER residents_population_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "residents"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_population_revision();
--> statement-breakpoint
CREATE TRIGGER stays_population_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "stays"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_population_revision();
--> statement-breakpoint
CREATE TRIGGER facilities_population_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "facilities"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_population_revision();
