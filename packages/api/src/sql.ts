import { escapeLikePattern } from '@ansinh/domain/text';
import { type SQL, sql } from 'drizzle-orm';

/**
 * `expr` (already folded by the database's search_fold) contains what the person typed, ignoring
 * diacritics and case; % and _ in the input are taken literally.
 */
export function containsFolded(expr: SQL | SQL.Aliased | { getSQL(): SQL }, text: string): SQL {
  return sql`${expr} like '%' || search_fold(${escapeLikePattern(text)}) || '%' escape '\\'`;
}
