/**
 * The waitlist as lists and numbers: the page a screen shows (in the configured priority order by
 * default, every row with its rank and why), the Excel export, the priority in force and the
 * planner's metrics. Every read is limited to what the caller may see (services/waitlist.ts).
 */
import type { Db } from '@ansinh/db/client';
import { orderWaitlist, type WaitlistEntry, waitingMetrics } from '@ansinh/domain/capacity/waitlist';
import type { FacilityScope } from '@ansinh/domain/roles';
import {
  type ApplicationFilter,
  type ApplicationListInput,
  type ApplicationListItem,
  criterionDescriptions,
  explanationKeys,
  type WaitlistMetrics,
  type WaitlistPriorityView,
} from '@ansinh/schemas/waitlist';
import { type SQL, sql } from 'drizzle-orm';
import { containsFolded, sqlIn } from '../sql.ts';
import {
  type ApplicationRow,
  applicationScopeSql,
  detailFrom,
  forFacilitiesSql,
  type LeanRow,
  leanSelect,
  priorityInForce,
  rankedQueue,
  toDomain,
  toListItem,
} from './waitlist.ts';

export const WAITLIST_EXPORT_LIMIT = 20_000;

type Status = ApplicationListItem['status'];

function statusesOf(filter: ApplicationFilter['status']): { open: Status[]; closed: Status[] } {
  switch (filter) {
    case 'open':
      return { open: ['waiting', 'offered'], closed: [] };
    case 'all':
      return { open: ['waiting', 'offered'], closed: ['admitted', 'withdrawn'] };
    case 'waiting':
    case 'offered':
      return { open: [filter], closed: [] };
    default:
      return { open: [], closed: [filter] };
  }
}

/** Every filter but the status, on `w` (applications) and `rf` (the requested facility). */
function filterSql(scope: FacilityScope, filter: ApplicationFilter): SQL | undefined {
  const conditions: SQL[] = [];
  const scoped = applicationScopeSql(scope);
  if (scoped) conditions.push(scoped);
  if (filter.facilityId) conditions.push(forFacilitiesSql([filter.facilityId]));
  if (filter.facilityType)
    conditions.push(sql`coalesce(w.requested_facility_type, rf.type) = ${filter.facilityType}`);
  if (filter.homeCommuneCode) conditions.push(sql`w.home_commune_code = ${filter.homeCommuneCode}`);
  if (filter.group) conditions.push(sql`w."group" = ${filter.group}`);
  if (filter.urgency) conditions.push(sql`w.urgency = ${filter.urgency}`);
  if (filter.search) conditions.push(containsFolded(sql`w.search_text`, filter.search));
  return conditions.length ? sql.join(conditions, sql` and `) : undefined;
}

const andWhere = (where: SQL | undefined) => (where ? sql`and ${where}` : sql``);

const sortExpressions: Record<Exclude<ApplicationFilter['sort']['field'], 'priority'>, SQL[]> = {
  appliedOn: [sql`w.applied_on`],
  // Vietnamese lists are ordered by given name (the last word), then by the whole name, as residents are.
  fullName: [
    sql`reverse(split_part(reverse(search_fold(w.full_name)), ' ', 1))`,
    sql`search_fold(w.full_name)`,
  ],
  birthDate: [sql`w.birth_date`],
};

/** Details of the given applications, in the given order. */
async function rowsInOrder(db: Db, ids: readonly string[]): Promise<ApplicationRow[]> {
  if (!ids.length) return [];
  const result = await db.execute<ApplicationRow>(sql`${detailFrom} where ${sqlIn(sql`w.id`, ids)}`);
  const byId = new Map(result.rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

interface Ordered {
  /** Every matching id in list order. */
  ids: string[];
  ranks: Map<string, WaitlistEntry>;
}

/**
 * The matching applications in the configured order: the open ones ranked (rank 1 = offered the next
 * bed), then the closed ones, latest closed first. `desc` turns the whole list round.
 */
async function priorityOrder(db: Db, scope: FacilityScope, filter: ApplicationFilter, onDate: string) {
  const { open, closed } = statusesOf(filter.status);
  const where = filterSql(scope, filter);
  const from = sql`from waitlist_applications w left join facilities rf on rf.id = w.requested_facility_id`;
  const [priority, openRows, closedRows] = await Promise.all([
    priorityInForce(db, onDate),
    open.length
      ? db.execute<LeanRow>(sql`${leanSelect} ${from} where ${sqlIn(sql`w.status`, open)} ${andWhere(where)}`)
      : null,
    closed.length
      ? db.execute<{ id: string }>(
          sql`select w.id ${from} where ${sqlIn(sql`w.status`, closed)} ${andWhere(where)}
              order by w.closed_on desc, w.id`,
        )
      : null,
  ]);
  const queue = openRows ? orderWaitlist(openRows.rows.map(toDomain), priority.document, onDate) : [];
  const ids = [...queue.map((e) => e.applicationId), ...(closedRows?.rows.map((r) => r.id) ?? [])];
  if (filter.sort.direction === 'desc') ids.reverse();
  return { ids, ranks: new Map(queue.map((e) => [e.applicationId, e])) } satisfies Ordered;
}

export async function listApplications(
  db: Db,
  scope: FacilityScope,
  input: ApplicationListInput,
  onDate: string,
): Promise<{ items: ApplicationListItem[]; total: number }> {
  const offset = (input.page - 1) * input.pageSize;
  if (input.sort.field === 'priority') {
    const { ids, ranks } = await priorityOrder(db, scope, input, onDate);
    const rows = await rowsInOrder(db, ids.slice(offset, offset + input.pageSize));
    return { items: rows.map((r) => toListItem(r, ranks.get(r.id), onDate)), total: ids.length };
  }
  const { open, closed } = statusesOf(input.status);
  const where = filterSql(scope, input);
  const statusWhere = sqlIn(sql`w.status`, [...open, ...closed]);
  const direction = sql.raw(input.sort.direction);
  const order = sql.join(
    sortExpressions[input.sort.field].map((e) => sql`${e} ${direction} nulls last`),
    sql`, `,
  );
  const [page, count, priority] = await Promise.all([
    db.execute<ApplicationRow>(
      sql`${detailFrom} where ${statusWhere} ${andWhere(where)} order by ${order}, w.id
          limit ${input.pageSize} offset ${offset}`,
    ),
    db.execute<{ n: number }>(sql`select count(*)::int as n from waitlist_applications w
      left join facilities rf on rf.id = w.requested_facility_id where ${statusWhere} ${andWhere(where)}`),
    priorityInForce(db, onDate),
  ]);
  // The rank is the place in the configured order among the open applications this filter lists.
  const queue = open.length
    ? await rankedQueue(db, sql`${sqlIn(sql`w.status`, open)} ${andWhere(where)}`, priority.document, onDate)
    : [];
  const ranks = new Map(queue.map((e) => [e.applicationId, e]));
  return {
    items: page.rows.map((r) => toListItem(r, ranks.get(r.id), onDate)),
    total: count.rows[0]?.n ?? 0,
  };
}

/** Every matching application (up to the export limit) in the list's order, for the spreadsheet. */
export async function applicationsForExport(
  db: Db,
  scope: FacilityScope,
  filter: ApplicationFilter,
  onDate: string,
): Promise<ApplicationListItem[]> {
  const { items } = await listApplications(
    db,
    scope,
    { ...filter, page: 1, pageSize: WAITLIST_EXPORT_LIMIT },
    onDate,
  );
  return items;
}

/** The priority in force today, with the keys and words that explain each criterion. */
export async function priorityView(db: Db, onDate: string): Promise<WaitlistPriorityView> {
  const priority = await priorityInForce(db, onDate);
  return {
    versionId: priority.versionId,
    validFrom: priority.validFrom,
    document: priority.document,
    criteria: priority.document.criteria.map((c) => ({
      kind: c.kind,
      key: explanationKeys.criterion[c.kind],
      text: criterionDescriptions.vi[c.kind],
    })),
    tieBreaks: (['applied_on', 'id'] as const).map((kind) => ({
      kind,
      key: explanationKeys.tieBreak[kind],
      text: criterionDescriptions.vi[kind],
    })),
  };
}

/**
 * How long people wait, and for what: over the open applications the caller may see. Counting is
 * done by the database; the median and longest wait by the domain over a two-column projection.
 */
export async function metrics(db: Db, scope: FacilityScope, onDate: string): Promise<WaitlistMetrics> {
  const where = sql`w.status in ('waiting', 'offered') ${andWhere(applicationScopeSql(scope))}`;
  const [waits, byType, byCommune] = await Promise.all([
    db.execute<{ id: string; applied_on: string; status: string }>(
      sql`select w.id, w.applied_on::text as applied_on, w.status from waitlist_applications w where ${where}`,
    ),
    db.execute<{ facility_type: WaitlistMetrics['byFacilityType'][number]['facilityType']; n: number }>(sql`
      select coalesce(w.requested_facility_type, rf.type) as facility_type, count(*)::int as n
      from waitlist_applications w left join facilities rf on rf.id = w.requested_facility_id
      where ${where} group by 1 order by 2 desc, 1`),
    db.execute<{ code: string; name: string; province_code: string; n: number }>(sql`
      select c.code, c.name, c.province_code, n from (
        select w.home_commune_code as code, count(*)::int as n from waitlist_applications w where ${where} group by 1
      ) t join communes c using (code) order by n desc, c.code`),
  ]);
  const stats = waitingMetrics(
    waits.rows.map((r) => ({ id: r.id, appliedOn: r.applied_on })),
    onDate,
  );
  return {
    onDate,
    waiting: stats.count,
    offered: waits.rows.filter((r) => r.status === 'offered').length,
    medianWaitingDays: stats.medianDays,
    longestWaitingDays: stats.longestDays,
    longestApplicationId: stats.longestApplicationId,
    byFacilityType: byType.rows.map((r) => ({ facilityType: r.facility_type, count: r.n })),
    byCommune: byCommune.rows.map((r) => ({
      communeCode: r.code,
      communeName: r.name,
      provinceCode: r.province_code,
      count: r.n,
    })),
  };
}
