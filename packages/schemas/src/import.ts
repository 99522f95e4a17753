import { z } from 'zod';

export const importUploadInput = z.object({
  facilityId: z.uuid(),
  /** The .xlsx file as base64; 5,000 rows weigh well under the 5 MB body limit. */
  fileBase64: z.string().min(1).max(7_000_000),
});
export const importUpload = z.object({ batchId: z.uuid(), totalRows: z.int() });

/** Validation runs in slices so the screen can show progress and stay responsive. */
export const importValidateInput = z.object({
  batchId: z.uuid(),
  fromRow: z.int().min(0),
  count: z.int().min(1).max(1000),
});
export const importProblem = z.object({ row: z.int(), column: z.string(), message: z.string() });
export type ImportProblem = z.infer<typeof importProblem>;
export const importValidate = z.object({ validatedRows: z.int(), problems: z.array(importProblem) });

export const importCommitInput = z.object({ batchId: z.uuid() });
export const importCommit = z.object({ imported: z.int() });
