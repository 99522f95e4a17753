/**
 * The waitlist as lists and numbers: the page a screen shows (in the configured priority order by
 * default, every row with its rank and why), the Excel export, the priority in force and the
 * planner's metrics. Every read is limited to what the caller may see (services/waitlist.ts).
 */
import type { Db } from '@ansinh/db/client';
import { orderWaitlist, waitingMetrics } from '@ansinh/domain/capacity/waitlist';
import type { FacilityScope } from '@ansinh/domain/roles';
import { foldDiacritics } from '@ansinh/domain/text';
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
  isOpen,
  type LeanApplication,
  leanApplications,
  priorityInForce,
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

/** Details of the given applications, in the given order. */
async function rowsInOrder(db: Db, ids: readonly string[]): Promise<ApplicationRow[]> {
  if (!ids.length) return [];
  const result = await db.execute<ApplicationRow>(sql`${detailFrom} where ${sqlIn(sql`w.id`, ids)}`);
  const byId = new Map(result.rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Vietnamese lists are ordered by given name (the last word), then by the whole name, as residents are. */
function nameKey(fullName: string): string {
  const folded = foldDiacritics(fullName);
  return `${folded.slice(folded.lastIndexOf(' ') + 1)} ${folded}`;
}

type SortField = Exclude<ApplicationFilter['sort']['field'], 'priority'>;

/** A sort key per row; missing values (an unknown birth date) go last in either direction. */
const sortKeys: Record<SortField, (row: LeanApplication) => string | null> = {
  appliedOn: (r) => r.appliedOn,
  birthDate: (r) => r.birthDate,
  fullName: (r) => nameKey(r.fullName),
};

function byKey(rows: LeanApplication[], field: SortField, direction: 'asc' | 'desc'): string[] {
  const key = sortKeys[field];
  const sign = direction === 'asc' ? 1 : -1;
  return rows
    .map((row) => ({ id: row.id, key: key(row) }))
    .sort((a, b) => {
      if (a.key !== b.key) {
        if (a.key === null) return 1;
        if (b.key === null) return -1;
        return a.key < b.key ? -sign : sign;
      }
      return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    })
    .map((r) => r.id);
}

/**
 * The whole filtered list is read as a lean projection and put in order here: the open applications
 * ranked in the configured order (the rank is the place among the open applications the filter
 * lists), and the list sorted by the chosen field. The default, 'priority', lists the open ones by
 * rank, then the closed ones, latest closed first; 'desc' turns the list round. Only the page's rows
 * are then read in full.
 */
export async function listApplications(
  db: Db,
  scope: FacilityScope,
  input: ApplicationListInput,
  onDate: string,
): Promise<{ items: ApplicationListItem[]; total: number }> {
  const { open, closed } = statusesOf(input.status);
  const where = filterSql(scope, input);
  const [priority, rows] = await Promise.all([
    priorityInForce(db, onDate),
    leanApplications(
      db,
      sql`${sqlIn(sql`w.status`, [...open, ...closed])} ${andWhere(where)}`,
      input.sort.field === 'fullName',
    ),
  ]);
  const queue = orderWaitlist(rows.filter((r) => isOpen(r.status)).map(toDomain), priority.document, onDate);
  let ids: string[];
  if (input.sort.field === 'priority') {
    const closedRows = rows
      .filter((r) => !isOpen(r.status))
      .sort((a, b) =>
        a.closedOn !== b.closedOn ? ((a.closedOn ?? '') < (b.closedOn ?? '') ? 1 : -1) : a.id < b.id ? -1 : 1,
      );
    ids = [...queue.map((e) => e.applicationId), ...closedRows.map((r) => r.id)];
    if (input.sort.direction === 'desc') ids.reverse();
  } else {
    ids = byKey(rows, input.sort.field, input.sort.direction);
  }
  const ranks = new Map(queue.map((e) => [e.applicationId, e]));
  const offset = (input.page - 1) * input.pageSize;
  const page = await rowsInOrder(db, ids.slice(offset, offset + input.pageSize));
  return { items: page.map((r) => toListItem(r, ranks.get(r.id), onDate)), total: ids.length };
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
    leanApplications(db, where),
    db.execute<{ facility_type: WaitlistMetrics['byFacilityType'][number]['facilityType']; n: number }>(sql`
      select coalesce(w.requested_facility_type, rf.type) as facility_type, count(*)::int as n
      from waitlist_applications w left join facilities rf on rf.id = w.requested_facility_id
      where ${where} group by 1 order by 2 desc, 1`),
    db.execute<{ code: string; name: string; province_code: string; n: number }>(sql`
      select c.code, c.name, c.province_code, n from (
        select w.home_commune_code as code, count(*)::int as n from waitlist_applications w where ${where} group by 1
      ) t join communes c using (code) order by n desc, c.code`),
  ]);
  const stats = waitingMetrics(waits, onDate);
  return {
    onDate,
    waiting: stats.count,
    offered: waits.filter((r) => r.status === 'offered').length,
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
