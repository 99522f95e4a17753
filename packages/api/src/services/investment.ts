/**
 * Investment proposals: the centre drafts and submits, the department reviews, decides and follows the
 * funding through. The moves are the domain's transition table (capacity/proposals.ts), which the
 * database trigger `investment_proposals_workflow` repeats, so a move is refused whichever path writes
 * it. Every step writes a proposal event and an audit record in the same transaction.
 */
import type { Db, Queryable } from '@ansinh/db/client';
import { investmentProposals, proposalEvents } from '@ansinh/db/schema/capacity';
import { facilities } from '@ansinh/db/schema/facilities';
import { users } from '@ansinh/db/schema/users';
import {
  canEditProposal,
  canMoveProposal,
  type ProposalSide,
  type ProposalStatus,
  proposalTransitions,
} from '@ansinh/domain/capacity/proposals';
import { DomainError } from '@ansinh/domain/errors';
import { can, canReachFacility, type FacilityScope, type Role } from '@ansinh/domain/roles';
import {
  type Proposal,
  type ProposalDetail,
  type ProposalEvent,
  type ProposalFilter,
  type ProposalInput,
  type ProposalMoveInput,
  type ProposalTotals,
  type ProposalUpdateInput,
  proposalCategoryLabels,
  proposalFundingLabels,
  proposalFundingSources,
  proposalPriorityLabels,
  proposalStatuses,
  proposalStatusLabels,
} from '@ansinh/schemas/investment';
import { and, asc, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { recordAudit } from '../audit.ts';
import type { RequestMeta, SessionUser } from '../context.ts';
import type { SheetColumn } from '../excel.ts';
import { assertFacilityInScope, scopeSql } from '../scope.ts';
import { containsFolded } from '../sql.ts';

// ---- who acts on which side ---------------------------------------------------------------------

/** The centre drafts (proposal.draft), the department reviews (proposal.review); an admin is both. */
export function sidesOf(role: Role): ProposalSide[] {
  const sides: ProposalSide[] = [];
  if (can(role, 'proposal.draft')) sides.push('centre');
  if (can(role, 'proposal.review')) sides.push('department');
  return sides;
}

function allowedMoves(status: ProposalStatus, sides: readonly ProposalSide[]): ProposalStatus[] {
  return proposalTransitions.filter((t) => t.from === status && sides.includes(t.side)).map((t) => t.to);
}

// ---- reading ----------------------------------------------------------------------------------

const createdBy = alias(users, 'created_by_user');

const columns = {
  id: investmentProposals.id,
  facilityId: investmentProposals.facilityId,
  facilityCode: facilities.code,
  facilityName: facilities.name,
  item: investmentProposals.item,
  category: investmentProposals.category,
  estimatedCostVnd: investmentProposals.estimatedCostVnd,
  priority: investmentProposals.priority,
  requestedYear: investmentProposals.requestedYear,
  fundingSource: investmentProposals.fundingSource,
  status: investmentProposals.status,
  origin: investmentProposals.origin,
  justification: investmentProposals.justification,
  version: investmentProposals.version,
  createdByName: createdBy.fullName,
  createdAt: investmentProposals.createdAt,
  updatedAt: investmentProposals.updatedAt,
};

function selectProposals(db: Queryable) {
  return db
    .select(columns)
    .from(investmentProposals)
    .innerJoin(facilities, eq(facilities.id, investmentProposals.facilityId))
    .leftJoin(createdBy, eq(createdBy.id, investmentProposals.createdBy));
}

function toProposal(row: Awaited<ReturnType<typeof selectProposals>>[number]): Proposal {
  return {
    ...row,
    estimatedCostVnd: Number(row.estimatedCostVnd),
    origin: (row.origin ?? null) as Proposal['origin'],
  };
}

function scopeCondition(scope: FacilityScope): SQL | undefined {
  return scopeSql(scope, sql`${investmentProposals.facilityId}`);
}

const priorityRank = sql`case ${investmentProposals.priority} when 'high' then 1 when 'medium' then 2 else 3 end`;
/** Workflow order, not alphabetical. */
const statusRank = sql`array_position(array[${sql.join(
  proposalStatuses.map((s) => sql`${s}`),
  sql`, `,
)}]::text[], ${investmentProposals.status}::text)`;

const sortColumns = {
  item: sql`search_fold(${investmentProposals.item})`,
  facilityName: sql`${facilities.name}`,
  estimatedCostVnd: sql`${investmentProposals.estimatedCostVnd}`,
  requestedYear: sql`${investmentProposals.requestedYear}`,
  priority: priorityRank,
  status: statusRank,
  createdAt: sql`${investmentProposals.createdAt}`,
  updatedAt: sql`${investmentProposals.updatedAt}`,
} as const;

function filterConditions(scope: FacilityScope, filter: ProposalFilter): SQL | undefined {
  const search = filter.search?.trim();
  return and(
    scopeCondition(scope),
    search ? containsFolded(sql`search_fold(${investmentProposals.item})`, search) : undefined,
    filter.facilityId ? eq(investmentProposals.facilityId, filter.facilityId) : undefined,
    filter.status ? eq(investmentProposals.status, filter.status) : undefined,
    filter.category ? eq(investmentProposals.category, filter.category) : undefined,
    filter.fundingSource ? eq(investmentProposals.fundingSource, filter.fundingSource) : undefined,
    filter.requestedYear ? eq(investmentProposals.requestedYear, filter.requestedYear) : undefined,
  );
}

function ordering(filter: ProposalFilter) {
  const direction = filter.sort.direction === 'asc' ? asc : desc;
  // The id tiebreak keeps pages stable when many rows share the sorted value.
  return [direction(sortColumns[filter.sort.field]), asc(investmentProposals.id)];
}

export async function listProposals(
  db: Db,
  scope: FacilityScope,
  input: ProposalFilter & { page: number; pageSize: number },
): Promise<{ items: Proposal[]; total: number }> {
  const where = filterConditions(scope, input);
  const [rows, [totalRow]] = await Promise.all([
    selectProposals(db)
      .where(where)
      .orderBy(...ordering(input))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(investmentProposals).where(where),
  ]);
  return { items: rows.map(toProposal), total: totalRow?.n ?? 0 };
}

export const EXPORT_ROW_LIMIT = 20_000;
export async function proposalsForExport(
  db: Db,
  scope: FacilityScope,
  filter: ProposalFilter,
): Promise<Proposal[]> {
  const rows = await selectProposals(db)
    .where(filterConditions(scope, filter))
    .orderBy(...ordering(filter))
    .limit(EXPORT_ROW_LIMIT);
  return rows.map(toProposal);
}

/** Vietnamese column set of the proposal list export. */
export const proposalExportColumns: SheetColumn<Proposal>[] = [
  { header: 'Mã cơ sở', width: 16, value: (p) => p.facilityCode },
  { header: 'Tên cơ sở', width: 40, value: (p) => p.facilityName },
  { header: 'Hạng mục đề xuất', width: 50, value: (p) => p.item },
  { header: 'Loại đầu tư', width: 20, value: (p) => proposalCategoryLabels.vi[p.category] },
  { header: 'Kinh phí dự kiến (đồng)', width: 18, value: (p) => p.estimatedCostVnd, numFmt: '#,##0' },
  { header: 'Mức ưu tiên', width: 12, value: (p) => proposalPriorityLabels.vi[p.priority] },
  { header: 'Năm đề nghị', width: 10, value: (p) => p.requestedYear },
  { header: 'Nguồn vốn', width: 20, value: (p) => proposalFundingLabels.vi[p.fundingSource] },
  { header: 'Trạng thái', width: 18, value: (p) => proposalStatusLabels.vi[p.status] },
  { header: 'Thuyết minh', width: 50, value: (p) => p.justification },
  { header: 'Người lập', width: 24, value: (p) => p.createdByName },
  { header: 'Ngày lập', width: 12, value: (p) => p.createdAt, numFmt: 'dd/mm/yyyy' },
  { header: 'Cập nhật lần cuối', width: 12, value: (p) => p.updatedAt, numFmt: 'dd/mm/yyyy' },
];

async function findProposal(db: Queryable, id: string): Promise<Proposal | null> {
  const [row] = await selectProposals(db).where(eq(investmentProposals.id, id));
  return row ? toProposal(row) : null;
}

/** A proposal outside the caller's facilities reads as not found, so its existence is not revealed. */
async function visibleProposal(db: Queryable, scope: FacilityScope, id: string): Promise<Proposal> {
  const proposal = await findProposal(db, id);
  if (!proposal || !canReachFacility(scope, proposal.facilityId)) throw new DomainError('PROPOSAL_NOT_FOUND');
  return proposal;
}

async function eventsOf(db: Queryable, proposalId: string): Promise<ProposalEvent[]> {
  return db
    .select({
      id: proposalEvents.id,
      fromStatus: proposalEvents.fromStatus,
      toStatus: proposalEvents.toStatus,
      comment: proposalEvents.comment,
      actorName: users.fullName,
      at: proposalEvents.at,
    })
    .from(proposalEvents)
    .innerJoin(users, eq(users.id, proposalEvents.actorId))
    .where(eq(proposalEvents.proposalId, proposalId))
    .orderBy(asc(proposalEvents.at), asc(proposalEvents.id));
}

async function detailOf(db: Queryable, actor: SessionUser, proposal: Proposal): Promise<ProposalDetail> {
  const sides = sidesOf(actor.role);
  return {
    ...proposal,
    events: await eventsOf(db, proposal.id),
    allowedMoves: allowedMoves(proposal.status, sides),
    canEdit: sides.some((side) => canEditProposal(proposal.status, side)),
  };
}

export async function getProposal(db: Db, actor: SessionUser, id: string): Promise<ProposalDetail> {
  return detailOf(db, actor, await visibleProposal(db, actor.scope, id));
}

// ---- writing ----------------------------------------------------------------------------------

/** Locks the row for the change; out of scope reads as not found. */
async function lockProposal(tx: Queryable, scope: FacilityScope, id: string) {
  const [row] = await tx
    .select({
      facilityId: investmentProposals.facilityId,
      status: investmentProposals.status,
      version: investmentProposals.version,
    })
    .from(investmentProposals)
    .where(eq(investmentProposals.id, id))
    .for('update');
  if (!row || !canReachFacility(scope, row.facilityId)) throw new DomainError('PROPOSAL_NOT_FOUND');
  return row;
}

/** A new draft. `origin` says where a suggested need came from (createFromSuggestion). */
export async function createProposal(
  db: Db,
  actor: SessionUser,
  meta: RequestMeta,
  input: ProposalInput,
  origin: Record<string, unknown> | null = null,
): Promise<ProposalDetail> {
  assertFacilityInScope(actor.scope, input.facilityId);
  return db.transaction(async (tx) => {
    const [facility] = await tx
      .select({ id: facilities.id })
      .from(facilities)
      .where(eq(facilities.id, input.facilityId));
    if (!facility) throw new DomainError('FACILITY_NOT_FOUND');
    const [created] = await tx
      .insert(investmentProposals)
      .values({ ...input, status: 'draft', origin, createdBy: actor.id })
      .returning({ id: investmentProposals.id });
    if (!created) throw new Error('insert returned no row');
    await tx
      .insert(proposalEvents)
      .values({ proposalId: created.id, fromStatus: null, toStatus: 'draft', actorId: actor.id });
    const proposal = await findProposal(tx, created.id);
    if (!proposal) throw new Error('created proposal not found');
    await recordAudit(tx, meta, {
      actorId: actor.id,
      action: 'proposal.create',
      entityType: 'investment_proposal',
      entityId: created.id,
      after: proposal,
    });
    return detailOf(tx, actor, proposal);
  });
}

function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** Changes a draft (the centre's only); the version the editor loaded must still be current. */
export async function updateProposal(
  db: Db,
  actor: SessionUser,
  meta: RequestMeta,
  input: ProposalUpdateInput,
): Promise<ProposalDetail> {
  const { id, version, ...changes } = input;
  return db.transaction(async (tx) => {
    const locked = await lockProposal(tx, actor.scope, id);
    if (locked.version !== version)
      throw new DomainError('STALE_VERSION', { currentVersion: locked.version });
    if (!sidesOf(actor.role).some((side) => canEditProposal(locked.status, side))) {
      throw new DomainError('PROPOSAL_NOT_EDITABLE', { status: locked.status });
    }
    const before = await findProposal(tx, id);
    await tx
      .update(investmentProposals)
      .set({
        ...definedOnly(changes),
        version: sql`${investmentProposals.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(investmentProposals.id, id), eq(investmentProposals.version, version)));
    const after = await findProposal(tx, id);
    if (!after) throw new Error('updated proposal not found');
    await recordAudit(tx, meta, {
      actorId: actor.id,
      action: 'proposal.update',
      entityType: 'investment_proposal',
      entityId: id,
      before,
      after,
    });
    return detailOf(tx, actor, after);
  });
}

/**
 * One step of the workflow. Refused as FORBIDDEN when the move exists but belongs to the other side
 * (a centre approving), as PROPOSAL_MOVE_NOT_ALLOWED when it is not in the workflow at all.
 */
export async function moveProposal(
  db: Db,
  actor: SessionUser,
  meta: RequestMeta,
  input: ProposalMoveInput,
): Promise<ProposalDetail> {
  const sides = sidesOf(actor.role);
  if (sides.length === 0) throw new DomainError('FORBIDDEN', { action: 'proposal.move' });
  return db.transaction(async (tx) => {
    const locked = await lockProposal(tx, actor.scope, input.id);
    if (locked.version !== input.version) {
      throw new DomainError('STALE_VERSION', { currentVersion: locked.version });
    }
    const from = locked.status;
    const to = input.to;
    if (!sides.some((side) => canMoveProposal(from, to, side))) {
      const inWorkflow = proposalTransitions.some((t) => t.from === from && t.to === to);
      throw inWorkflow
        ? new DomainError('FORBIDDEN', { action: 'proposal.move', from, to })
        : new DomainError('PROPOSAL_MOVE_NOT_ALLOWED', { from, to });
    }
    const before = await findProposal(tx, input.id);
    await tx
      .update(investmentProposals)
      .set({ status: to, version: sql`${investmentProposals.version} + 1`, updatedAt: sql`now()` })
      .where(eq(investmentProposals.id, input.id));
    const [event] = await tx
      .insert(proposalEvents)
      .values({
        proposalId: input.id,
        fromStatus: from,
        toStatus: to,
        comment: input.comment,
        actorId: actor.id,
      })
      .returning({ id: proposalEvents.id });
    const after = await findProposal(tx, input.id);
    if (!after) throw new Error('moved proposal not found');
    await recordAudit(tx, meta, {
      actorId: actor.id,
      action: 'proposal.move',
      entityType: 'investment_proposal',
      entityId: input.id,
      before,
      after: { ...after, eventId: event?.id ?? null, comment: input.comment },
    });
    return detailOf(tx, actor, after);
  });
}

/** A remark in the proposal's conversation, by anyone who can read it. */
export async function commentOnProposal(
  db: Db,
  actor: SessionUser,
  meta: RequestMeta,
  input: { id: string; text: string },
): Promise<ProposalEvent> {
  return db.transaction(async (tx) => {
    await visibleProposal(tx, actor.scope, input.id);
    const [created] = await tx
      .insert(proposalEvents)
      .values({ proposalId: input.id, comment: input.text, actorId: actor.id })
      .returning({ id: proposalEvents.id });
    if (!created) throw new Error('insert returned no row');
    await recordAudit(tx, meta, {
      actorId: actor.id,
      action: 'proposal.comment',
      entityType: 'investment_proposal',
      entityId: input.id,
      after: { eventId: created.id, comment: input.text },
    });
    const event = (await eventsOf(tx, input.id)).find((e) => e.id === created.id);
    if (!event) throw new Error('comment not found');
    return event;
  });
}

// ---- totals for the dashboard --------------------------------------------------------------------

/** Sent to the department and not rejected: what the province is being asked to fund. */
const inPlay = sql`p.status in ('submitted', 'under_review', 'approved', 'funded', 'completed')`;
const approvedOrLater = sql`p.status in ('approved', 'funded', 'completed')`;

export async function proposalTotals(
  db: Db,
  scope: FacilityScope,
  input: { facilityId?: string | undefined },
): Promise<ProposalTotals> {
  if (input.facilityId) assertFacilityInScope(scope, input.facilityId);
  const where = sql.join(
    [
      scopeSql(scope, sql`p.facility_id`) ?? sql`true`,
      input.facilityId ? sql`p.facility_id = ${input.facilityId}` : sql`true`,
    ],
    sql` and `,
  );
  // float8 sums are exact for whole numbers below 2^53, far above any province's investment total.
  const [byStatus, byYear, byFunding] = await Promise.all([
    db.execute<{ status: ProposalStatus; n: number; cost: number }>(sql`
      select p.status, count(*)::int as n, coalesce(sum(p.estimated_cost_vnd::float8), 0) as cost
      from investment_proposals p where ${where} group by p.status`),
    db.execute<{ year: number; n: number; cost: number; approved: number }>(sql`
      select p.requested_year as year, count(*)::int as n, coalesce(sum(p.estimated_cost_vnd::float8), 0) as cost,
        coalesce(sum(p.estimated_cost_vnd::float8) filter (where ${approvedOrLater}), 0) as approved
      from investment_proposals p where ${where} and ${inPlay}
      group by p.requested_year order by p.requested_year`),
    db.execute<{
      funding: ProposalTotals['byFundingSource'][number]['fundingSource'];
      n: number;
      cost: number;
      approved: number;
    }>(sql`
      select p.funding_source as funding, count(*)::int as n,
        coalesce(sum(p.estimated_cost_vnd::float8), 0) as cost,
        coalesce(sum(p.estimated_cost_vnd::float8) filter (where ${approvedOrLater}), 0) as approved
      from investment_proposals p where ${where} and ${inPlay}
      group by p.funding_source`),
  ]);
  const statusRows = new Map(byStatus.rows.map((r) => [r.status, r]));
  return {
    // Every status, in workflow order, zero when none.
    byStatus: proposalStatuses.map((status) => ({
      status,
      count: Number(statusRows.get(status)?.n ?? 0),
      costVnd: Number(statusRows.get(status)?.cost ?? 0),
    })),
    byYear: byYear.rows.map((r) => ({
      year: Number(r.year),
      count: Number(r.n),
      costVnd: Number(r.cost),
      approvedVnd: Number(r.approved),
    })),
    byFundingSource: byFunding.rows
      .map((r) => ({
        fundingSource: r.funding,
        count: Number(r.n),
        costVnd: Number(r.cost),
        approvedVnd: Number(r.approved),
      }))
      .sort(
        (a, b) =>
          proposalFundingSources.indexOf(a.fundingSource) - proposalFundingSources.indexOf(b.fundingSource),
      ),
  };
}
