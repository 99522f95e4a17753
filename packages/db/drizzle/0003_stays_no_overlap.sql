-- Two stays of one person never overlap in time, whichever facilities they are in. A stay covers
-- [admitted_on, discharged_on): a transfer closes one stay and opens the next on the same day.
-- btree_gist lets the exclusion constraint compare resident ids with = next to the range overlap.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE "stays" ADD CONSTRAINT "stays_no_overlap" EXCLUDE USING gist (
  "resident_id" WITH =,
  daterange("admitted_on", "discharged_on", '[)') WITH &&
);
