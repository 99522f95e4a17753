import { escapeLikePattern } from '@ansinh/domain/text';
import { type SQL, sql } from 'drizzle-orm';

/**
 * `expr` (already folded by the database's search_fold) contains what the person typed, ignoring
 * diacritics and case; % and _ in the input are taken literally.
 */
export function containsFolded(expr: SQL | SQL.Aliased | { getSQL(): SQL }, text: string): SQL {
  return sql`${expr} like '%' || search_fold(${escapeLikePattern(text)}) || '%' escape '\\'`;
}

/** `expr in (…)` for raw SQL; an empty list matches nothing rather than being a syntax error. */
export function sqlIn(expr: SQL, values: readonly string[]): SQL {
  return values.length
    ? sql`${expr} in (${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )})`
    : sql`false`;
}
