/**
 * The equipment dashboard: value by facility and category (cost and book value today), maintenance due
 * and overdue, items past their useful life, and shortfalls against the models' minimum quantities.
 * Everything counts active (not disposed) items only. Values are summed by the database in one pass over
 * the items (grouping sets), with the depreciation rule translated to SQL (see depreciationSql).
 */
import type { Db, Queryable } from '@ansinh/db/client';
import { addDays } from '@ansinh/domain/entitlements/dates';
import { minimumShortfall } from '@ansinh/domain/equipment/depreciation';
import type { FacilityScope } from '@ansinh/domain/roles';
import {
  type dashboardInput,
  type EquipmentCategory,
  type EquipmentDashboard,
  equipmentCategories,
} from '@ansinh/schemas/equipment';
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { cachedByRevision } from '../revision-cache.ts';
import { assertFacilityInScope, depreciationSql, scopeSql } from './equipment-common.ts';
import { DUE_SOON_DAYS } from './equipment-maintenance.ts';

type Sums = [items: number, costVnd: number, bookValueVnd: number];

interface DashboardRow extends Record<string, unknown> {
  /** [facility id, facility name, items, cost, book value] */
  by_facility: [string, string, ...Sums][] | null;
  /** [category, items, cost, book value] */
  by_category: [EquipmentCategory, ...Sums][] | null;
  /** [past-life items, their cost] */
  totals: [number, number] | null;
  /** Facility × model pairs at or below the model's minimum, for the domain rule to judge. */
  candidates: [string, string, number, string, string, number | null, number | null, number][] | null;
}

type RollUp = Omit<EquipmentDashboard, 'maintenanceDue' | 'maintenanceOverdue'>;

const collator = new Intl.Collator('vi');
const byName = <T extends { facilityName: string }>(a: T, b: T) =>
  collator.compare(a.facilityName, b.facilityName);
const n = (v: unknown) => Number(v ?? 0);

/**
 * Values, useful life and minimums: one pass over the active items in scope computes each item's book
 * value and useful-life flag, sums them per (facility, category, model), and rolls those cells up in SQL
 * — by facility, by category, in total, and into the facility × model quantities the minimums are
 * checked against. Sums are float8: exact for whole numbers below 2^53, far above any province's
 * equipment value (and the most the output's integers can carry); numeric sums cost twice the time on
 * 250,000 items. Everything comes back as JSON in one row (cheap to transfer from the embedded database).
 */
async function rollUp(db: Queryable, itemsWhere: SQL, facilitiesWhere: SQL, today: string): Promise<RollUp> {
  const dep = depreciationSql(today, 'i');
  const result = await db.execute<DashboardRow>(sql`
    with cells as (
      select c.facility_id, c.category, c.model_id, sum(c.quantity::float8) as items,
        sum(c.cost_vnd::float8) as cost_vnd, sum(c.book_value_vnd) as book_value_vnd,
        coalesce(sum(c.quantity::float8) filter (where c.past), 0) as past_items,
        coalesce(sum(c.cost_vnd::float8) filter (where c.past), 0) as past_cost_vnd
      from (
        select i.facility_id, i.category, i.model_id, i.quantity, i.cost_vnd,
          ((i.cost_vnd * (i.life - least(i.elapsed, i.life)) * 2 + i.life) / (i.life * 2))::float8
            as book_value_vnd,
          i.past
        from (
          select i.facility_id, i.category, i.model_id, i.quantity, i.cost_vnd,
            ${dep.months} as elapsed, i.useful_life_years * 12 as life, ${dep.pastUsefulLife} as past
          from equipment_items i where ${itemsWhere}
        ) i
      ) c
      group by c.facility_id, c.category, c.model_id
    )
    select
      (select json_agg(json_build_array(x.facility_id, f.name, x.items, x.cost_vnd, x.book_value_vnd))
        from (select facility_id, sum(items) as items, sum(cost_vnd) as cost_vnd,
                sum(book_value_vnd) as book_value_vnd
              from cells group by facility_id) x
        join facilities f on f.id = x.facility_id) as by_facility,
      (select json_agg(json_build_array(category, items, cost_vnd, book_value_vnd))
        from (select category, sum(items) as items, sum(cost_vnd) as cost_vnd,
                sum(book_value_vnd) as book_value_vnd
              from cells group by category) x) as by_category,
      (select json_build_array(coalesce(sum(past_items), 0), coalesce(sum(past_cost_vnd), 0))
        from cells) as totals,
      (select json_agg(json_build_array(f.id, f.name, f.licensed_capacity, m.id, m.name, m.min_per_facility,
          m.min_per_bed, coalesce(a.items, 0)))
        from facilities f
        cross join equipment_models m
        left join (select facility_id, model_id, sum(items) as items from cells
                   where model_id is not null group by facility_id, model_id) a
          on a.facility_id = f.id and a.model_id = m.id
        where ${facilitiesWhere}
          and (coalesce(m.min_per_facility, 0) > 0 or coalesce(m.min_per_bed, 0) > 0)
          -- "at or below" in exact arithmetic; the domain rule below decides who lacks what.
          and coalesce(a.items, 0) <= greatest(coalesce(m.min_per_facility, 0),
                                               ceil(coalesce(m.min_per_bed, 0) * f.licensed_capacity))
      ) as candidates`);
  const row = result.rows[0];

  const shortfalls: EquipmentDashboard['shortfalls'] = [];
  for (const [
    facilityId,
    facilityName,
    beds,
    modelId,
    modelName,
    perFacility,
    perBed,
    active,
  ] of row?.candidates ?? []) {
    // Beds are the licensed capacity until rooms and beds are registered.
    const lacking = minimumShortfall(
      {
        perFacility: perFacility === null ? null : n(perFacility),
        perBed: perBed === null ? null : n(perBed),
      },
      n(beds),
      n(active),
    );
    if (lacking > 0) {
      shortfalls.push({
        facilityId,
        facilityName,
        modelId,
        modelName,
        required: n(active) + lacking,
        active: n(active),
        lacking,
      });
    }
  }
  shortfalls.sort((a, b) => byName(a, b) || collator.compare(a.modelName, b.modelName));
  const [pastItems, pastCost] = row?.totals ?? [0, 0];
  return {
    valueByFacility: (row?.by_facility ?? [])
      .map(([facilityId, facilityName, items, costVnd, bookValueVnd]) => ({
        facilityId,
        facilityName,
        items: n(items),
        costVnd: n(costVnd),
        bookValueVnd: n(bookValueVnd),
      }))
      .sort(byName),
    valueByCategory: (row?.by_category ?? [])
      .map(([category, items, costVnd, bookValueVnd]) => ({
        category,
        items: n(items),
        costVnd: n(costVnd),
        bookValueVnd: n(bookValueVnd),
      }))
      .sort((a, b) => equipmentCategories.indexOf(a.category) - equipmentCategories.indexOf(b.category)),
    pastUsefulLife: { items: n(pastItems), replacementCostVnd: n(pastCost) },
    shortfalls,
  };
}

/**
 * The province-wide roll-up reads every active item (250,000 in the benchmark), so it is kept while
 * nothing it reads has changed: database triggers bump the 'equipment' revision on every write to the
 * items', models' and facilities' columns it reads (migration 0011). Book values move with the day, so
 * a roll-up is kept for the day it was computed on.
 */
function provinceRollUp(db: Db, itemsWhere: SQL, facilitiesWhere: SQL, today: string) {
  return cachedByRevision(db, 'equipment', `province|${today}`, 4, () =>
    rollUp(db, itemsWhere, facilitiesWhere, today),
  );
}

/**
 * The dashboard. Two parts, run side by side (on PostgreSQL each gets its own connection): the values
 * roll-up (kept province-wide, see provinceRollUp) and the maintenance counts — each item's earliest due
 * date (`next_maintenance_on`, kept by triggers) counted as due (within DUE_SOON_DAYS) or overdue, one
 * range of a partial index, always read fresh.
 */
export async function equipmentDashboard(
  db: Db,
  scope: FacilityScope,
  input: z.infer<typeof dashboardInput>,
  today: string,
): Promise<EquipmentDashboard> {
  if (input.facilityId) assertFacilityInScope(scope, input.facilityId);
  const itemConditions: SQL[] = [sql`i.status <> 'disposed'`];
  const facilityConditions: SQL[] = [sql`f.status = 'operating'`];
  for (const [list, column] of [
    [itemConditions, sql`i.facility_id`],
    [facilityConditions, sql`f.id`],
  ] as const) {
    const inScope = scopeSql(scope, column);
    if (inScope) list.push(inScope);
    if (input.facilityId) list.push(sql`${column} = ${input.facilityId}`);
  }
  const itemsWhere = sql.join(itemConditions, sql` and `);
  const facilitiesWhere = sql.join(facilityConditions, sql` and `);
  const provinceWide = scope.kind === 'province' && !input.facilityId;
  const [values, maintenance] = await Promise.all([
    provinceWide
      ? provinceRollUp(db, itemsWhere, facilitiesWhere, today)
      : rollUp(db, itemsWhere, facilitiesWhere, today),
    db.execute<{ due: number; overdue: number }>(sql`
      select count(*) filter (where i.next_maintenance_on >= ${today})::int as due,
        count(*) filter (where i.next_maintenance_on < ${today})::int as overdue
      from equipment_items i
      where ${itemsWhere} and i.next_maintenance_on <= ${addDays(today, DUE_SOON_DAYS)}`),
  ]);
  const { due, overdue } = maintenance.rows[0] ?? { due: 0, overdue: 0 };
  return { ...values, maintenanceDue: n(due), maintenanceOverdue: n(overdue) };
}
