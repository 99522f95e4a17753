import { bigint, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * Counters that database triggers bump on every write to the tables a cached result is computed from,
 * so a cache can tell, with one cheap read, whether it is still exact (see migration 0008).
 */
export const dataRevisions = pgTable('data_revisions', {
  name: text('name').primaryKey(),
  value: bigint('value', { mode: 'number' }).notNull().default(0),
});
