import { defineConfig } from 'vitest/config';

/**
 * One runner for the whole repo. `npm test` runs every project; CI runs the `api` project a second
 * time with TEST_DATABASE_URL so the same suite proves itself on a real PostgreSQL.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/domain/test/**/*.test.ts', 'packages/schemas/test/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'api',
          include: [
            'packages/db/test/**/*.test.ts',
            'packages/api/test/**/*.test.ts',
            'apps/api/test/**/*.test.ts',
          ],
          // Each file migrates its own database; argon2 and PGlite start-up make the first call slow.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['apps/web/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
