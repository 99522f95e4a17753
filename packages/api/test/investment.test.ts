/**
 * Investment proposals: who may do what (a matrix), every move of the workflow allowed or refused
 * (by the API and by the database on its own), rejections with a reason, stale versions, the events
 * and audit records each step leaves, lists, export and totals.
 */
import { constraintViolationOf } from '@ansinh/db/errors';
import type { ProposalDetail, ProposalFormValues, ProposalStatus } from '@ansinh/schemas/investment';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Caller,
  type DemoUser,
  demoUsers,
  expectTRPCError,
  fieldErrorsOf,
  readWorkbook,
  useApiHarness,
} from './harness.ts';
import { auditOf } from './standards-fixtures.ts';

const h = useApiHarness();

const callers = {} as Record<DemoUser, Caller>;
/** Facility ids by code. */
const ids: Record<string, string> = {};
const BTXH = 'TN-BTXH';
const HUONGDUONG = 'NCL-HUONGDUONG';
const TREEM = 'TN-TREEM';

beforeAll(async () => {
  for (const user of demoUsers) callers[user] = await h.callerFor(user);
  for (const code of [BTXH, HUONGDUONG, TREEM]) ids[code] = await h.facilityId(code);
});

function form(facilityCode: string, overrides: Partial<ProposalFormValues> = {}): ProposalFormValues {
  return {
    facilityId: ids[facilityCode] as string,
    item: 'Cải tạo mái nhà khu A',
    category: 'repair',
    estimatedCostVnd: 850_000_000,
    priority: 'high',
    requestedYear: 2026,
    fundingSource: 'provincial_budget',
    justification: 'Mái dột nhiều chỗ sau mùa mưa',
    ...overrides,
  };
}

/** The way to each status: who moves it (centre or department) at each step. */
const pathTo: Record<ProposalStatus, ProposalStatus[]> = {
  draft: [],
  submitted: ['submitted'],
  under_review: ['submitted', 'under_review'],
  approved: ['submitted', 'under_review', 'approved'],
  rejected: ['submitted', 'under_review', 'rejected'],
  funded: ['submitted', 'under_review', 'approved', 'funded'],
  completed: ['submitted', 'under_review', 'approved', 'funded', 'completed'],
};

/** The workflow as the DB trigger states it, by side (written out here, not read from the domain). */
const CENTRE_MOVES = ['draft>submitted', 'submitted>draft', 'rejected>draft'];
const DEPARTMENT_MOVES = [
  'submitted>under_review',
  'under_review>approved',
  'under_review>rejected',
  'approved>funded',
  'funded>completed',
];

/** A proposal of the centre TN-BTXH (drafted by its manager) moved to `status` by the right sides. */
async function proposalIn(
  status: ProposalStatus,
  overrides: Partial<ProposalFormValues> = {},
  facilityCode = BTXH,
): Promise<ProposalDetail> {
  const drafter =
    facilityCode === HUONGDUONG ? callers.operator : facilityCode === BTXH ? callers.manager : callers.admin;
  let p = await drafter.investment.create(form(facilityCode, overrides));
  for (const to of pathTo[status]) {
    const byCentre = CENTRE_MOVES.includes(`${p.status}>${to}`);
    p = await (byCentre ? drafter : callers.planner).investment.move({
      id: p.id,
      to,
      version: p.version,
      comment: to === 'rejected' ? 'Chưa đủ hồ sơ' : null,
    });
  }
  expect(p.status).toBe(status);
  return p;
}

describe('permissions', () => {
  it('drafting: the centre (manager, operator) and admins; not planners, not staff, not another centre', async () => {
    expect((await callers.manager.investment.create(form(BTXH))).status).toBe('draft');
    expect((await callers.operator.investment.create(form(HUONGDUONG))).status).toBe('draft');
    expect((await callers.admin.investment.create(form(TREEM))).status).toBe('draft');
    await expectTRPCError(callers.planner.investment.create(form(BTXH)), 'FORBIDDEN', 'FORBIDDEN');
    await expectTRPCError(callers.staff.investment.create(form(BTXH)), 'FORBIDDEN', 'FORBIDDEN');
    await expectTRPCError(callers.manager.investment.create(form(TREEM)), 'FORBIDDEN', 'FORBIDDEN');
    await expectTRPCError(callers.operator.investment.create(form(BTXH)), 'FORBIDDEN', 'FORBIDDEN');
  });

  it("another centre's manager sees nothing of a proposal: not in lists, totals, by id, nor to comment", async () => {
    const other = await proposalIn('submitted', { item: 'Bếp ăn trẻ em' }, TREEM);
    const managerList = await callers.manager.investment.list({ pageSize: 100 });
    expect(managerList.items.every((p) => p.facilityCode === BTXH)).toBe(true);
    expect(managerList.items.map((p) => p.id)).not.toContain(other.id);
    await expectTRPCError(
      callers.manager.investment.byId({ id: other.id }),
      'NOT_FOUND',
      'PROPOSAL_NOT_FOUND',
    );
    await expectTRPCError(
      callers.manager.investment.comment({ id: other.id, text: 'Xin xem' }),
      'NOT_FOUND',
      'PROPOSAL_NOT_FOUND',
    );
    await expectTRPCError(
      callers.manager.investment.move({ id: other.id, to: 'draft', version: other.version, comment: null }),
      'NOT_FOUND',
      'PROPOSAL_NOT_FOUND',
    );
    expect((await callers.manager.investment.list({ facilityId: ids[TREEM] })).total).toBe(0);
    const totals = await callers.manager.investment.totals();
    const [own] = await h.rows<{ n: number }>(
      sql`select count(*)::int as n from investment_proposals where facility_id = ${ids[BTXH]}`,
    );
    expect(totals.byStatus.reduce((n, s) => n + s.count, 0)).toBe(own?.n);
    await expectTRPCError(
      callers.manager.investment.totals({ facilityId: ids[TREEM] }),
      'FORBIDDEN',
      'FORBIDDEN',
    );
    // The department and the admin see it.
    expect((await callers.planner.investment.byId({ id: other.id })).item).toBe('Bếp ăn trẻ em');
    expect(
      (await callers.staff.investment.list({ pageSize: 100 })).items.every((p) => p.facilityCode === BTXH),
    ).toBe(true);
  });

  it('staff read and comment on their centre’s proposals but neither draft, edit nor move them', async () => {
    const p = await proposalIn('draft');
    expect((await callers.staff.investment.byId({ id: p.id })).allowedMoves).toEqual([]);
    expect(
      (await callers.staff.investment.comment({ id: p.id, text: 'Đã chụp ảnh hiện trạng' })).comment,
    ).toBe('Đã chụp ảnh hiện trạng');
    await expectTRPCError(
      callers.staff.investment.update({ id: p.id, version: p.version, item: 'Khác' }),
      'FORBIDDEN',
      'FORBIDDEN',
    );
    await expectTRPCError(
      callers.staff.investment.move({ id: p.id, to: 'submitted', version: p.version, comment: null }),
      'FORBIDDEN',
      'FORBIDDEN',
    );
  });

  it('planners cannot edit a draft; a centre cannot edit another centre’s', async () => {
    const p = await proposalIn('draft');
    await expectTRPCError(
      callers.planner.investment.update({ id: p.id, version: p.version, item: 'Khác' }),
      'FORBIDDEN',
      'FORBIDDEN',
    );
    await expectTRPCError(
      callers.operator.investment.update({ id: p.id, version: p.version, item: 'Khác' }),
      'NOT_FOUND',
      'PROPOSAL_NOT_FOUND',
    );
  });

  it('signed-out callers get nothing', async () => {
    const anonymous = await h.callerFor(null);
    await expectTRPCError(anonymous.investment.list({}), 'UNAUTHORIZED');
    await expectTRPCError(anonymous.investment.totals(), 'UNAUTHORIZED');
  });
});

describe('workflow: every move, by each side', () => {
  const statuses: ProposalStatus[] = [
    'draft',
    'submitted',
    'under_review',
    'approved',
    'rejected',
    'funded',
    'completed',
  ];
  const cases = statuses.flatMap((from) =>
    statuses
      .filter((to) => to !== from)
      .flatMap((to) => (['manager', 'planner'] as const).map((who) => [from, to, who] as const)),
  );

  it.each(cases)('%s → %s by %s', async (from, to, who) => {
    const p = await proposalIn(from);
    const move = `${from}>${to}`;
    const mine = who === 'manager' ? CENTRE_MOVES : DEPARTMENT_MOVES;
    const theirs = who === 'manager' ? DEPARTMENT_MOVES : CENTRE_MOVES;
    const call = callers[who].investment.move({ id: p.id, to, version: p.version, comment: 'Ghi chú' });
    if (mine.includes(move)) {
      const moved = await call;
      expect(moved.status).toBe(to);
      expect(moved.version).toBe(p.version + 1);
      expect(moved.events.at(-1)).toMatchObject({ fromStatus: from, toStatus: to, comment: 'Ghi chú' });
    } else if (theirs.includes(move)) {
      await expectTRPCError(call, 'FORBIDDEN', 'FORBIDDEN');
    } else {
      await expectTRPCError(call, 'PRECONDITION_FAILED', 'PROPOSAL_MOVE_NOT_ALLOWED');
    }
    if (!mine.includes(move)) {
      const [row] = await h.rows<{ status: string; version: number }>(
        sql`select status, version from investment_proposals where id = ${p.id}`,
      );
      expect(row).toEqual({ status: from, version: p.version });
    }
  });

  it('the moves offered to each side are exactly the allowed ones', async () => {
    const offered = async (status: ProposalStatus, who: DemoUser) =>
      (await callers[who].investment.byId({ id: (await proposalIn(status)).id })).allowedMoves;
    expect(await offered('draft', 'manager')).toEqual(['submitted']);
    expect(await offered('submitted', 'manager')).toEqual(['draft']);
    expect(await offered('submitted', 'planner')).toEqual(['under_review']);
    expect(await offered('under_review', 'planner')).toEqual(['approved', 'rejected']);
    expect(await offered('under_review', 'manager')).toEqual([]);
    expect(await offered('completed', 'admin')).toEqual([]);
    expect(await offered('submitted', 'admin')).toEqual(['draft', 'under_review']);
  });

  it('the database refuses an illegal move written directly with SQL, and a start other than draft', async () => {
    const p = await proposalIn('draft');
    const refusal = async (statement: ReturnType<typeof sql>) => {
      try {
        await h.db.execute(statement);
      } catch (error) {
        return constraintViolationOf(error)?.constraint;
      }
      return 'accepted';
    };
    expect(await refusal(sql`update investment_proposals set status = 'approved' where id = ${p.id}`)).toBe(
      'investment_proposals_workflow',
    );
    expect(await refusal(sql`update investment_proposals set status = 'completed' where id = ${p.id}`)).toBe(
      'investment_proposals_workflow',
    );
    expect(
      await refusal(sql`
        insert into investment_proposals (facility_id, item, category, estimated_cost_vnd, priority, requested_year,
          funding_source, status)
        values (${ids[BTXH]}, 'Thẳng vào phê duyệt', 'repair', 1000, 'low', 2026, 'other', 'approved')`),
    ).toBe('investment_proposals_workflow');
    // A move in the workflow passes whichever path writes it.
    expect(await refusal(sql`update investment_proposals set status = 'submitted' where id = ${p.id}`)).toBe(
      'accepted',
    );
    const funded = await proposalIn('funded');
    expect(await refusal(sql`update investment_proposals set status = 'draft' where id = ${funded.id}`)).toBe(
      'investment_proposals_workflow',
    );
  });
});

describe('rules of each step', () => {
  it('a rejection needs a reason', async () => {
    const p = await proposalIn('under_review');
    for (const comment of [null, '', '   ']) {
      const error = await expectTRPCError(
        callers.planner.investment.move({ id: p.id, to: 'rejected', version: p.version, comment }),
        'BAD_REQUEST',
      );
      expect(fieldErrorsOf(error).comment).toEqual(['Cần ghi lý do khi không phê duyệt đề xuất']);
    }
    const rejected = await callers.planner.investment.move({
      id: p.id,
      to: 'rejected',
      version: p.version,
      comment: 'Trùng với dự án đã có vốn',
    });
    expect(rejected.events.at(-1)).toMatchObject({
      toStatus: 'rejected',
      comment: 'Trùng với dự án đã có vốn',
      actorName: 'Nguyễn Thị Hoa',
    });
    // Back to draft by the centre, revised and sent again; the rejection stays on record.
    const back = await callers.manager.investment.move({
      id: p.id,
      to: 'draft',
      version: rejected.version,
      comment: null,
    });
    const revised = await callers.manager.investment.update({
      id: p.id,
      version: back.version,
      estimatedCostVnd: 600_000_000,
    });
    const resent = await callers.manager.investment.move({
      id: p.id,
      to: 'submitted',
      version: revised.version,
      comment: null,
    });
    expect(resent.events.map((e) => [e.fromStatus, e.toStatus])).toEqual([
      [null, 'draft'],
      ['draft', 'submitted'],
      ['submitted', 'under_review'],
      ['under_review', 'rejected'],
      ['rejected', 'draft'],
      ['draft', 'submitted'],
    ]);
    expect(resent.estimatedCostVnd).toBe(600_000_000);
  });

  it('a stale version is refused, for edits and for moves', async () => {
    const p = await proposalIn('draft');
    const edited = await callers.manager.investment.update({
      id: p.id,
      version: p.version,
      item: 'Sửa mái nhà A',
    });
    expect(edited.version).toBe(p.version + 1);
    await expectTRPCError(
      callers.manager.investment.update({ id: p.id, version: p.version, item: 'Bản cũ' }),
      'CONFLICT',
      'STALE_VERSION',
    );
    await expectTRPCError(
      callers.manager.investment.move({ id: p.id, to: 'submitted', version: p.version, comment: null }),
      'CONFLICT',
      'STALE_VERSION',
    );
    expect((await callers.manager.investment.byId({ id: p.id })).item).toBe('Sửa mái nhà A');
  });

  it('only a draft is edited', async () => {
    for (const status of ['submitted', 'approved', 'rejected'] as const) {
      const p = await proposalIn(status);
      await expectTRPCError(
        callers.manager.investment.update({ id: p.id, version: p.version, item: 'Khác' }),
        'PRECONDITION_FAILED',
        'PROPOSAL_NOT_EDITABLE',
      );
    }
  });

  it('validates the fields', async () => {
    const error = await expectTRPCError(
      callers.manager.investment.create(
        form(BTXH, { item: 'ab', estimatedCostVnd: 0, requestedYear: 1999, category: 'land' as never }),
      ),
      'BAD_REQUEST',
    );
    expect(Object.keys(fieldErrorsOf(error)).sort()).toEqual(
      ['category', 'estimatedCostVnd', 'item', 'requestedYear'].sort(),
    );
  });

  it('every step leaves an event and an audit record, in the same transaction', async () => {
    const p = await callers.manager.investment.create(form(BTXH, { item: 'Hệ thống báo cháy' }));
    const edited = await callers.manager.investment.update({
      id: p.id,
      version: p.version,
      justification: 'Theo biên bản kiểm tra PCCC',
    });
    const sent = await callers.manager.investment.move({
      id: p.id,
      to: 'submitted',
      version: edited.version,
      comment: null,
    });
    await callers.planner.investment.comment({ id: p.id, text: 'Bổ sung dự toán chi tiết' });
    await callers.planner.investment.move({
      id: p.id,
      to: 'under_review',
      version: sent.version,
      comment: 'Thẩm định',
    });

    const audit = await auditOf(h, p.id);
    expect(audit.map((a) => [a.action, a.actor])).toEqual([
      ['proposal.create', 'manager'],
      ['proposal.update', 'manager'],
      ['proposal.move', 'manager'],
      ['proposal.comment', 'planner'],
      ['proposal.move', 'planner'],
    ]);
    expect(audit[1]).toMatchObject({
      before: { justification: 'Mái dột nhiều chỗ sau mùa mưa', version: 1 },
      after: { justification: 'Theo biên bản kiểm tra PCCC', version: 2 },
    });
    expect(audit[4]).toMatchObject({
      before: { status: 'submitted' },
      after: { status: 'under_review', comment: 'Thẩm định' },
    });
    const detail = await callers.staff.investment.byId({ id: p.id });
    expect(detail.events.map((e) => [e.fromStatus, e.toStatus, e.comment, e.actorName])).toEqual([
      [null, 'draft', null, 'Trần Văn Minh'],
      ['draft', 'submitted', null, 'Trần Văn Minh'],
      [null, null, 'Bổ sung dự toán chi tiết', 'Nguyễn Thị Hoa'],
      ['submitted', 'under_review', 'Thẩm định', 'Nguyễn Thị Hoa'],
    ]);
    // Each event and its audit row commit together: as many moves and comments as audit rows.
    const [counts] = await h.rows<{ events: number; audits: number }>(sql`
      select (select count(*)::int from proposal_events where proposal_id = ${p.id}) as events,
        (select count(*)::int from audit_log where entity_id = ${p.id} and action <> 'proposal.update') as audits`);
    expect(counts).toEqual({ events: 4, audits: 4 });
  });

  it('a failed step leaves neither an event nor an audit record', async () => {
    const p = await proposalIn('draft');
    await expectTRPCError(
      callers.manager.investment.move({ id: p.id, to: 'approved', version: p.version, comment: 'x' }),
      'PRECONDITION_FAILED',
    );
    expect((await auditOf(h, p.id)).map((a) => a.action)).toEqual(['proposal.create']);
    expect((await callers.manager.investment.byId({ id: p.id })).events).toHaveLength(1);
  });
});

describe('lists, export and totals', () => {
  const made: ProposalDetail[] = [];

  beforeAll(async () => {
    await h.rows(sql`delete from proposal_events`);
    await h.rows(sql`delete from investment_proposals`);
    made.push(
      await proposalIn('draft', {
        item: 'Xây nhà ở cho người cao tuổi',
        category: 'construction',
        estimatedCostVnd: 5_000_000_000,
        requestedYear: 2026,
        fundingSource: 'provincial_budget',
        priority: 'high',
      }),
      await proposalIn('submitted', {
        item: 'Máy giặt công nghiệp',
        category: 'equipment',
        estimatedCostVnd: 300_000_000,
        requestedYear: 2026,
        fundingSource: 'socialised',
        priority: 'medium',
      }),
      await proposalIn('approved', {
        item: 'Phần mềm quản lý hồ sơ',
        category: 'it',
        estimatedCostVnd: 200_000_000,
        requestedYear: 2027,
        fundingSource: 'provincial_budget',
        priority: 'low',
      }),
      await proposalIn('funded', {
        item: 'Sửa chữa bếp ăn',
        category: 'repair',
        estimatedCostVnd: 450_000_000,
        requestedYear: 2026,
        fundingSource: 'central',
        priority: 'high',
      }),
      await proposalIn('rejected', {
        item: 'Sân chơi trẻ em',
        category: 'construction',
        estimatedCostVnd: 900_000_000,
        requestedYear: 2026,
        fundingSource: 'provincial_budget',
        priority: 'low',
      }),
      await proposalIn(
        'submitted',
        {
          item: 'Xe đưa đón',
          category: 'equipment',
          estimatedCostVnd: 1_100_000_000,
          requestedYear: 2027,
          fundingSource: 'other',
          priority: 'medium',
        },
        HUONGDUONG,
      ),
    );
  });

  const items = (page: { items: { item: string }[] }) => page.items.map((p) => p.item);

  it('searches the item ignoring diacritics and case', async () => {
    expect(items(await callers.planner.investment.list({ search: 'may giat' }))).toEqual([
      'Máy giặt công nghiệp',
    ]);
    expect(items(await callers.planner.investment.list({ search: 'BẾP' }))).toEqual(['Sửa chữa bếp ăn']);
    expect(items(await callers.planner.investment.list({ search: '100%' }))).toEqual([]);
  });

  it('filters by facility, status, category, funding source and year', async () => {
    const list = (input: Parameters<Caller['investment']['list']>[0]) =>
      callers.planner.investment.list({ ...input, sort: { field: 'item', direction: 'asc' } }).then(items);
    expect(await list({ facilityId: ids[HUONGDUONG] })).toEqual(['Xe đưa đón']);
    expect(await list({ status: 'submitted' })).toEqual(['Máy giặt công nghiệp', 'Xe đưa đón']);
    expect(await list({ category: 'construction' })).toEqual([
      'Sân chơi trẻ em',
      'Xây nhà ở cho người cao tuổi',
    ]);
    expect(await list({ fundingSource: 'provincial_budget', requestedYear: 2026 })).toEqual([
      'Sân chơi trẻ em',
      'Xây nhà ở cho người cao tuổi',
    ]);
  });

  it('sorts (status and priority in their own order, not alphabetically) and pages', async () => {
    const byCost = await callers.planner.investment.list({
      sort: { field: 'estimatedCostVnd', direction: 'desc' },
    });
    expect(byCost.items.map((p) => p.estimatedCostVnd)).toEqual([
      5_000_000_000, 1_100_000_000, 900_000_000, 450_000_000, 300_000_000, 200_000_000,
    ]);
    const byStatus = await callers.planner.investment.list({ sort: { field: 'status', direction: 'asc' } });
    expect(byStatus.items.map((p) => p.status)).toEqual([
      'draft',
      'submitted',
      'submitted',
      'approved',
      'rejected',
      'funded',
    ]);
    const byPriority = await callers.planner.investment.list({
      sort: { field: 'priority', direction: 'asc' },
    });
    expect(byPriority.items.map((p) => p.priority)).toEqual([
      'high',
      'high',
      'medium',
      'medium',
      'low',
      'low',
    ]);
    const pages = [1, 2, 3].map((page) =>
      callers.planner.investment.list({ page, pageSize: 2, sort: { field: 'item', direction: 'asc' } }),
    );
    const all = await Promise.all(pages);
    expect(all.every((p) => p.total === 6)).toBe(true);
    expect(all.flatMap(items)).toEqual(
      items(await callers.planner.investment.list({ sort: { field: 'item', direction: 'asc' } })),
    );
  });

  it('exports the filtered list to Excel with Vietnamese headers and labels', async () => {
    const file = await callers.planner.investment.export({
      status: 'submitted',
      sort: { field: 'item', direction: 'asc' },
    });
    expect(file.filename).toBe('de-xuat-dau-tu-2025-09-01.xlsx');
    const sheet = (await readWorkbook(file.base64)).worksheets[0];
    expect(sheet?.getRow(1).getCell(3).value).toBe('Hạng mục đề xuất');
    expect(sheet?.rowCount).toBe(3);
    const row = sheet?.getRow(2);
    expect([
      row?.getCell(3).value,
      row?.getCell(4).value,
      row?.getCell(5).value,
      row?.getCell(9).value,
    ]).toEqual(['Máy giặt công nghiệp', 'Trang thiết bị', 300_000_000, 'Đã gửi Sở']);
    // A centre's export holds its own proposals only.
    const own = await readWorkbook((await callers.operator.investment.export({})).base64);
    expect(own.worksheets[0]?.rowCount).toBe(2);
  });

  it('totals by status (all), by year and by funding source (sent and not rejected), scope-aware', async () => {
    const totals = await callers.planner.investment.totals();
    expect(totals.byStatus.map((s) => [s.status, s.count, s.costVnd])).toEqual([
      ['draft', 1, 5_000_000_000],
      ['submitted', 2, 1_400_000_000],
      ['under_review', 0, 0],
      ['approved', 1, 200_000_000],
      ['rejected', 1, 900_000_000],
      ['funded', 1, 450_000_000],
      ['completed', 0, 0],
    ]);
    expect(totals.byYear).toEqual([
      { year: 2026, count: 2, costVnd: 750_000_000, approvedVnd: 450_000_000 },
      { year: 2027, count: 2, costVnd: 1_300_000_000, approvedVnd: 200_000_000 },
    ]);
    expect(totals.byFundingSource).toEqual([
      { fundingSource: 'provincial_budget', count: 1, costVnd: 200_000_000, approvedVnd: 200_000_000 },
      { fundingSource: 'central', count: 1, costVnd: 450_000_000, approvedVnd: 450_000_000 },
      { fundingSource: 'socialised', count: 1, costVnd: 300_000_000, approvedVnd: 0 },
      { fundingSource: 'other', count: 1, costVnd: 1_100_000_000, approvedVnd: 0 },
    ]);
    const operator = await callers.operator.investment.totals();
    expect(operator.byFundingSource).toEqual([
      { fundingSource: 'other', count: 1, costVnd: 1_100_000_000, approvedVnd: 0 },
    ]);
    const oneFacility = await callers.planner.investment.totals({ facilityId: ids[HUONGDUONG] });
    expect(oneFacility.byYear).toEqual([{ year: 2027, count: 1, costVnd: 1_100_000_000, approvedVnd: 0 }]);
  });
});
