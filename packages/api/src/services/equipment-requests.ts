/**
 * Moves between facilities and disposals (thanh lý): the centre asks, the department decides. Approval
 * changes the item in the same transaction as the decision, and both are audited.
 */
import type { Db, Queryable } from '@ansinh/db/client';
import { equipmentItems, equipmentRequests } from '@ansinh/db/schema/equipment';
import { facilities } from '@ansinh/db/schema/facilities';
import { DomainError } from '@ansinh/domain/errors';
import type { FacilityScope } from '@ansinh/domain/roles';
import type {
  decisionInput,
  disposalRequestInput,
  equipmentRequest,
  requestFilter,
  requestListInput,
  transferRequestInput,
} from '@ansinh/schemas/equipment';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../audit.ts';
import type { SheetColumn } from '../excel.ts';
import {
  assertActive,
  type EquipmentWork,
  findItem,
  invalidInput,
  itemSnapshot,
  lockItem,
  scopeSql,
  withConstraintErrors,
} from './equipment-common.ts';
import { requestKindLabels, requestStatusLabels } from './equipment-labels.ts';

type EquipmentRequest = z.infer<typeof equipmentRequest>;

interface RequestRow extends Record<string, unknown> {
  id: string;
  kind: EquipmentRequest['kind'];
  status: EquipmentRequest['status'];
  item_id: string;
  asset_code: string;
  item_name: string;
  from_facility_name: string;
  to_facility_name: string | null;
  reason: string;
  requested_by_username: string;
  decided_by_username: string | null;
  decision_note: string | null;
  created_ms: number;
  decided_ms: number | null;
}

/** Requests with their item; `r.from_facility_id` is where the item was when asked. */
const requestFrom = sql`
  from equipment_requests r
  join equipment_items i on i.id = r.item_id`;

async function queryRequests(db: Queryable, where: SQL, limit: number, offset = 0) {
  const result = await db.execute<RequestRow>(sql`
    select r.id, r.kind, r.status, r.item_id, i.asset_code, i.name as item_name,
      ff.name as from_facility_name, tf.name as to_facility_name, r.reason,
      ru.username as requested_by_username, du.username as decided_by_username, r.decision_note,
      (extract(epoch from r.created_at) * 1000)::float8 as created_ms,
      (extract(epoch from r.decided_at) * 1000)::float8 as decided_ms
    ${requestFrom}
    join facilities ff on ff.id = r.from_facility_id
    left join facilities tf on tf.id = r.to_facility_id
    join users ru on ru.id = r.requested_by
    left join users du on du.id = r.decided_by
    where ${where}
    order by r.created_at desc, r.id
    limit ${limit} offset ${offset}`);
  return result.rows.map(
    (r): EquipmentRequest => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      itemId: r.item_id,
      assetCode: r.asset_code,
      itemName: r.item_name,
      fromFacilityName: r.from_facility_name,
      toFacilityName: r.to_facility_name,
      reason: r.reason,
      requestedByUsername: r.requested_by_username,
      decidedByUsername: r.decided_by_username,
      decisionNote: r.decision_note,
      createdAt: new Date(Number(r.created_ms)),
      decidedAt: r.decided_ms === null ? null : new Date(Number(r.decided_ms)),
    }),
  );
}

async function findRequest(db: Queryable, id: string): Promise<EquipmentRequest> {
  const [request] = await queryRequests(db, sql`r.id = ${id}`, 1);
  if (!request) throw new DomainError('REQUEST_NOT_FOUND');
  return request;
}

/** Staff see the requests about items of their facilities (then or now) and transfers to them. */
function requestScope(scope: FacilityScope): SQL | undefined {
  const from = scopeSql(scope, sql`r.from_facility_id`);
  const current = scopeSql(scope, sql`i.facility_id`);
  const to = scopeSql(scope, sql`r.to_facility_id`);
  return from && current && to ? sql`(${from} or ${current} or ${to})` : undefined;
}

function requestConditions(scope: FacilityScope, filter: z.infer<typeof requestFilter>): SQL {
  const conditions = [
    requestScope(scope),
    filter.status ? sql`r.status = ${filter.status}` : undefined,
    filter.kind ? sql`r.kind = ${filter.kind}` : undefined,
  ].filter((c): c is SQL => c !== undefined);
  return conditions.length ? sql.join(conditions, sql` and `) : sql`true`;
}

export async function listRequests(
  db: Db,
  scope: FacilityScope,
  input: z.infer<typeof requestListInput>,
): Promise<{ items: EquipmentRequest[]; total: number }> {
  const where = requestConditions(scope, input);
  const [items, count] = await Promise.all([
    queryRequests(db, where, input.pageSize, (input.page - 1) * input.pageSize),
    db.execute<{ n: number }>(sql`select count(*)::int as n ${requestFrom} where ${where}`),
  ]);
  return { items, total: count.rows[0]?.n ?? 0 };
}

/** Every request of the list, newest first, for the spreadsheet (capped to keep memory bounded). */
export const REQUEST_EXPORT_LIMIT = 50_000;
export function requestsForExport(db: Db, scope: FacilityScope, filter: z.infer<typeof requestFilter>) {
  return queryRequests(db, requestConditions(scope, filter), REQUEST_EXPORT_LIMIT);
}

/**
 * The request list's spreadsheet columns, headed in Vietnamese like every export. Dates are the calendar
 * days in `timeZone` (a request sent at 06:00 in Hà Nội is on that day, not the UTC one before).
 */
export function requestExportColumns(timeZone: string): SheetColumn<EquipmentRequest>[] {
  const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone });
  const day = (at: Date | null) => (at ? new Date(`${dayFormat.format(at)}T00:00:00Z`) : null);
  return [
    { header: 'Ngày đề nghị', width: 14, value: (r) => day(r.createdAt), numFmt: 'dd/mm/yyyy' },
    { header: 'Loại đề nghị', width: 14, value: (r) => requestKindLabels[r.kind] },
    { header: 'Mã tài sản', width: 18, value: (r) => r.assetCode },
    { header: 'Tên tài sản', width: 36, value: (r) => r.itemName },
    { header: 'Cơ sở đề nghị', width: 40, value: (r) => r.fromFacilityName },
    { header: 'Cơ sở nhận', width: 40, value: (r) => r.toFacilityName },
    { header: 'Lý do', width: 40, value: (r) => r.reason },
    { header: 'Người đề nghị', width: 16, value: (r) => r.requestedByUsername },
    { header: 'Trạng thái', width: 16, value: (r) => requestStatusLabels[r.status] },
    { header: 'Ngày quyết định', width: 14, value: (r) => day(r.decidedAt), numFmt: 'dd/mm/yyyy' },
    { header: 'Người quyết định', width: 16, value: (r) => r.decidedByUsername },
    { header: 'Ý kiến của Sở', width: 40, value: (r) => r.decisionNote },
  ];
}

async function createRequest(
  work: EquipmentWork,
  itemId: string,
  values: { kind: 'transfer' | 'disposal'; reason: string; toFacilityId: string | null },
): Promise<EquipmentRequest> {
  return withConstraintErrors(() =>
    work.db.transaction(async (tx) => {
      const item = await lockItem(tx, work.actor.scope, itemId, work.today);
      assertActive(item);
      if (values.toFacilityId !== null) {
        if (values.toFacilityId === item.facilityId)
          throw invalidInput('toFacilityId', 'Tài sản đang ở cơ sở này');
        const [target] = await tx
          .select({ id: facilities.id })
          .from(facilities)
          .where(eq(facilities.id, values.toFacilityId));
        if (!target) throw new DomainError('FACILITY_NOT_FOUND', { field: 'toFacilityId' });
      }
      const [pending] = await tx
        .select({ id: equipmentRequests.id })
        .from(equipmentRequests)
        .where(and(eq(equipmentRequests.itemId, itemId), eq(equipmentRequests.status, 'requested')));
      if (pending) throw new DomainError('REQUEST_PENDING', { requestId: pending.id });
      const [created] = await tx
        .insert(equipmentRequests)
        .values({ itemId, fromFacilityId: item.facilityId, requestedBy: work.actor.id, ...values })
        .returning({ id: equipmentRequests.id });
      if (!created) throw new Error('insert returned no row');
      await recordAudit(tx, work.meta, {
        actorId: work.actor.id,
        action: 'equipment.request.create',
        entityType: 'equipment_request',
        entityId: created.id,
        after: { ...values, itemId, fromFacilityId: item.facilityId, status: 'requested' },
      });
      return findRequest(tx, created.id);
    }),
  );
}

export function requestTransfer(work: EquipmentWork, input: z.infer<typeof transferRequestInput>) {
  return createRequest(work, input.itemId, {
    kind: 'transfer',
    reason: input.reason,
    toFacilityId: input.toFacilityId,
  });
}

export function requestDisposal(work: EquipmentWork, input: z.infer<typeof disposalRequestInput>) {
  return createRequest(work, input.itemId, { kind: 'disposal', reason: input.reason, toFacilityId: null });
}

/**
 * The department's decision. Approving a transfer moves the item to the target facility (its room there
 * is not known yet); approving a disposal marks it disposed today: it leaves active counts and values
 * but keeps its record and history.
 */
export function decideRequest(
  work: EquipmentWork,
  input: z.infer<typeof decisionInput>,
): Promise<EquipmentRequest> {
  return work.db.transaction(async (tx) => {
    const [request] = await tx
      .select()
      .from(equipmentRequests)
      .where(eq(equipmentRequests.id, input.requestId))
      .for('update');
    if (!request) throw new DomainError('REQUEST_NOT_FOUND');
    if (request.status !== 'requested') throw new DomainError('REQUEST_DECIDED', { status: request.status });
    const before = await findRequest(tx, request.id);

    if (input.approve) {
      const item = await lockItem(tx, work.actor.scope, request.itemId, work.today);
      assertActive(item);
      const change =
        request.kind === 'transfer'
          ? { facilityId: request.toFacilityId ?? item.facilityId, location: null }
          : { status: 'disposed' as const, disposedOn: work.today };
      await tx
        .update(equipmentItems)
        .set({ ...change, version: sql`${equipmentItems.version} + 1`, updatedAt: sql`now()` })
        .where(eq(equipmentItems.id, item.id));
      await recordAudit(tx, work.meta, {
        actorId: work.actor.id,
        action: request.kind === 'transfer' ? 'equipment.item.transfer' : 'equipment.item.dispose',
        entityType: 'equipment_item',
        entityId: item.id,
        before: itemSnapshot(item),
        after: itemSnapshot(await findItem(tx, item.id, work.today)),
      });
    }

    await tx
      .update(equipmentRequests)
      .set({
        status: input.approve ? 'approved' : 'rejected',
        decidedBy: work.actor.id,
        decisionNote: input.note,
        decidedAt: sql`now()`,
      })
      .where(eq(equipmentRequests.id, request.id));
    const after = await findRequest(tx, request.id);
    await recordAudit(tx, work.meta, {
      actorId: work.actor.id,
      action: input.approve ? 'equipment.request.approve' : 'equipment.request.reject',
      entityType: 'equipment_request',
      entityId: request.id,
      before,
      after,
    });
    return after;
  });
}
