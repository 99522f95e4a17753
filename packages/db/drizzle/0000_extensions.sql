-- Search must ignore Vietnamese diacritics ("trung tam bao tro" finds "Trung tâm Bảo trợ").
-- unaccent() is only STABLE (its dictionary could change), so wrap it with an explicit dictionary
-- in an IMMUTABLE function that generated columns and indexes may use.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;
