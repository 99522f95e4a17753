import { normalizeText } from '@ansinh/domain/text';
import { z } from 'zod';

/**
 * Free text as people type it: trimmed, whitespace collapsed and stored in NFC so that the same
 * Vietnamese word is always the same bytes (the database re-checks NFC with a constraint).
 */
export const text = (min: number, max: number) =>
  z.string().transform(normalizeText).pipe(z.string().min(min).max(max));

/** Free text that may be left blank: an empty answer is stored as NULL. */
export const nullableText = (max: number) =>
  z
    .string()
    .transform(normalizeText)
    .pipe(z.string().max(max))
    .transform((v) => (v === '' ? null : v))
    .nullable();

/** What a person typed in a search box, in the same normal form as the stored text it is matched against. */
export const searchText = z.string().transform(normalizeText).pipe(z.string().max(100)).optional();

/** Calendar dates travel as ISO strings so no time zone can shift a birth or decision date. */
export const isoDate = z.iso.date();

export const pageInput = {
  page: z.int().min(1).default(1),
  pageSize: z.int().min(1).max(100).default(20),
};
export const MAX_PAGE_SIZE = 100;

export const sortDirection = z.enum(['asc', 'desc']);

export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.int() });

/** Spreadsheet download produced server-side; the client turns it into a file. */
export const excelFile = z.object({ filename: z.string(), base64: z.string() });
export type ExcelFile = z.infer<typeof excelFile>;
