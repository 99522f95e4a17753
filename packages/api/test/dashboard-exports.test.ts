/**
 * The planning tables of the capacity dashboard exported as spreadsheets: each workbook's header row,
 * rows equal to what the table's own procedure returns, and the caller's scope kept.
 */
import {
  type ProposalFormValues,
  proposalFundingLabels,
  proposalStatusLabels,
} from '@ansinh/schemas/investment';
import { facilityTypeLabels } from '@ansinh/schemas/labels';
import { comparedFigureLabels, type OverviewRow, staffRoleLabels } from '@ansinh/schemas/standards';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Caller,
  type DemoUser,
  demoUsers,
  expectTRPCError,
  readWorkbook,
  useApiHarness,
} from './harness.ts';
import { application } from './waitlist-fixtures.ts';

const h = useApiHarness();

/** The harness clock: 2025-09-01 in Hà Nội. */
const TODAY = '2025-09-01';
const BTXH = 'TN-BTXH';
const HUONGDUONG = 'NCL-HUONGDUONG';
const TREEM = 'TN-TREEM';

const callers = {} as Record<DemoUser, Caller>;
const ids: Record<string, string> = {};
let anonymous: Caller;

type Cell = string | number | null;

/** The first sheet as its header row and its data rows, every cell as a plain value (empty → null). */
async function sheetOf(base64: string): Promise<{ header: Cell[]; rows: Cell[][] }> {
  const sheet = (await readWorkbook(base64)).worksheets[0];
  if (!sheet) throw new Error('no sheet');
  const width = sheet.getRow(1).cellCount;
  const read = (n: number): Cell[] =>
    Array.from({ length: width }, (_, i) => {
      const value = sheet.getRow(n).getCell(i + 1).value;
      return value === undefined || value === null || value === '' ? null : (value as Cell);
    });
  const rows: Cell[][] = [];
  for (let n = 2; n <= sheet.rowCount; n++) rows.push(read(n));
  return { header: read(1), rows };
}

function proposal(facilityCode: string, overrides: Partial<ProposalFormValues> = {}): ProposalFormValues {
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

beforeAll(async () => {
  for (const user of demoUsers) callers[user] = await h.callerFor(user);
  anonymous = await h.callerFor(null);
  for (const code of [BTXH, HUONGDUONG, TREEM]) ids[code] = await h.facilityId(code);

  // Waiting lists: general places (TN-BTXH's type) and a child's place (TN-TREEM's type).
  await callers.planner.waitlist.create(application({ requestedFacilityType: 'general' }));
  await callers.planner.waitlist.create(
    application({ requestedFacilityType: 'general', homeCommuneCode: '05467' }),
  );
  await callers.planner.waitlist.create(
    application({ requestedFacilityType: 'children', group: 'k1_child_no_support', birthDate: '2015-03-03' }),
  );

  // Proposals of two centres, some sent to the department.
  const own = await callers.manager.investment.create(proposal(BTXH));
  await callers.manager.investment.move({ id: own.id, to: 'submitted', version: own.version, comment: null });
  await callers.manager.investment.create(
    proposal(BTXH, { requestedYear: 2027, estimatedCostVnd: 120_000_000 }),
  );
  const other = await callers.operator.investment.create(
    proposal(HUONGDUONG, { fundingSource: 'central', estimatedCostVnd: 300_000_000 }),
  );
  await callers.operator.investment.move({
    id: other.id,
    to: 'submitted',
    version: other.version,
    comment: null,
  });
});

describe('standards.overviewExport', () => {
  const header = [
    'Mã cơ sở',
    'Tên cơ sở',
    'Loại hình',
    'Khu vực',
    'Công suất được phép',
    'Giường sử dụng được',
    'Giường có người',
    'Số đối tượng đang nuôi dưỡng',
    'Mức tối đa theo diện tích phòng ở',
    'Mức tối đa theo diện tích đất',
    'Vượt mức tối đa',
    'Chỉ tiêu vượt nhiều nhất',
    'Số phòng quá chật',
    'Số nhân viên còn thiếu',
    'Thiếu theo vị trí',
    'Nhân viên gián tiếp vượt định mức',
    'Số đối tượng thiếu thông tin',
  ];
  const expectedRow = (r: OverviewRow): Cell[] => [
    r.code,
    r.name,
    facilityTypeLabels.vi[r.type],
    { urban: 'Đô thị', rural: 'Nông thôn', mountainous: 'Miền núi' }[r.areaType],
    r.licensedCapacity,
    r.operationalBeds,
    r.occupiedBeds,
    r.residents,
    r.bedroomCeiling,
    r.landCeiling,
    r.overBy,
    r.worstCheck
      ? expect.stringContaining(
          `${comparedFigureLabels.vi[r.worstCheck.figure]} ${r.worstCheck.value}/${r.worstCheck.ceiling}`,
        )
      : null,
    r.overcrowdedRooms,
    r.staffing.missingStaff,
    r.staffing.roles.some((role) => role.gap > 0)
      ? r.staffing.roles
          .filter((role) => role.gap > 0)
          .map((role) => `${staffRoleLabels.vi[role.role]}: ${role.gap}`)
          .join('; ')
      : null,
    r.staffing.indirectOver,
    r.staffing.missingFacts,
  ];

  it('has the overview’s rows, one per facility, in the same order', async () => {
    const overview = await callers.planner.standards.provinceOverview();
    const file = await callers.planner.standards.overviewExport();
    expect(file.filename).toBe(`tieu-chuan-co-so-vuot-chuan-thieu-nhan-su-${TODAY}.xlsx`);
    const sheet = await sheetOf(file.base64);
    expect(sheet.header).toEqual(header);
    expect(overview.rows.length).toBeGreaterThan(1);
    expect(sheet.rows).toEqual(overview.rows.map(expectedRow));
  });

  it('a centre manager’s export holds their centre only', async () => {
    const overview = await callers.manager.standards.provinceOverview();
    const sheet = await sheetOf((await callers.manager.standards.overviewExport()).base64);
    expect(sheet.rows.map((r) => r[0])).toEqual([BTXH]);
    expect(sheet.rows).toEqual(overview.rows.map(expectedRow));
  });

  it('needs a session', async () => {
    await expectTRPCError(anonymous.standards.overviewExport(), 'UNAUTHORIZED');
  });
});

describe('waitlist.metricsExport', () => {
  it('by facility type: the metrics’ rows with the type’s Vietnamese name', async () => {
    const metrics = await callers.planner.waitlist.metrics();
    const file = await callers.planner.waitlist.metricsExport({ table: 'byFacilityType' });
    expect(file.filename).toBe(`danh-sach-cho-theo-loai-hinh-${TODAY}.xlsx`);
    const sheet = await sheetOf(file.base64);
    expect(sheet.header).toEqual(['Loại hình', 'Số hồ sơ đang chờ']);
    expect(metrics.byFacilityType.map((r) => r.facilityType)).toContain('children');
    expect(sheet.rows).toEqual(
      metrics.byFacilityType.map((r) => [facilityTypeLabels.vi[r.facilityType], r.count]),
    );
  });

  it('by commune: code, name and count, most first', async () => {
    const metrics = await callers.planner.waitlist.metrics();
    const file = await callers.planner.waitlist.metricsExport({ table: 'byCommune' });
    expect(file.filename).toBe(`danh-sach-cho-theo-xa-phuong-${TODAY}.xlsx`);
    const sheet = await sheetOf(file.base64);
    expect(sheet.header).toEqual(['Mã xã/phường', 'Xã/phường', 'Số hồ sơ đang chờ']);
    expect(metrics.byCommune.length).toBeGreaterThan(1);
    expect(sheet.rows).toEqual(metrics.byCommune.map((r) => [r.communeCode, r.communeName, r.count]));
  });

  it('a centre manager’s export counts the applications of their centre only', async () => {
    const metrics = await callers.manager.waitlist.metrics();
    const byType = await sheetOf(
      (await callers.manager.waitlist.metricsExport({ table: 'byFacilityType' })).base64,
    );
    expect(byType.rows).toEqual([[facilityTypeLabels.vi.general, 2]]);
    expect(byType.rows).toEqual(
      metrics.byFacilityType.map((r) => [facilityTypeLabels.vi[r.facilityType], r.count]),
    );
    const byCommune = await sheetOf(
      (await callers.manager.waitlist.metricsExport({ table: 'byCommune' })).base64,
    );
    expect(byCommune.rows).toEqual(metrics.byCommune.map((r) => [r.communeCode, r.communeName, r.count]));
    expect(byCommune.rows.reduce((sum, r) => sum + Number(r[2]), 0)).toBe(2);
  });

  it('refuses an unknown table and needs a session', async () => {
    await expectTRPCError(
      callers.planner.waitlist.metricsExport({ table: 'byStatus' as 'byCommune' }),
      'BAD_REQUEST',
    );
    await expectTRPCError(anonymous.waitlist.metricsExport({ table: 'byCommune' }), 'UNAUTHORIZED');
  });
});

describe('investment.totalsExport', () => {
  const money = ['Số đề xuất', 'Kinh phí dự kiến (đồng)'];

  it('by status, year and funding source: the totals’ rows with Vietnamese labels', async () => {
    const totals = await callers.planner.investment.totals();
    const byStatus = await callers.planner.investment.totalsExport({ table: 'byStatus' });
    expect(byStatus.filename).toBe(`de-xuat-dau-tu-theo-trang-thai-${TODAY}.xlsx`);
    const status = await sheetOf(byStatus.base64);
    expect(status.header).toEqual(['Trạng thái', ...money]);
    expect(status.rows).toEqual(
      totals.byStatus.map((r) => [proposalStatusLabels.vi[r.status], r.count, r.costVnd]),
    );

    const byYear = await callers.planner.investment.totalsExport({ table: 'byYear' });
    expect(byYear.filename).toBe(`de-xuat-dau-tu-theo-nam-${TODAY}.xlsx`);
    const year = await sheetOf(byYear.base64);
    expect(year.header).toEqual(['Năm đề nghị', ...money, 'Trong đó đã duyệt trở lên (đồng)']);
    expect(totals.byYear.length).toBeGreaterThan(0);
    expect(year.rows).toEqual(totals.byYear.map((r) => [r.year, r.count, r.costVnd, r.approvedVnd]));

    const byFunding = await callers.planner.investment.totalsExport({ table: 'byFunding' });
    expect(byFunding.filename).toBe(`de-xuat-dau-tu-theo-nguon-von-${TODAY}.xlsx`);
    const funding = await sheetOf(byFunding.base64);
    expect(funding.header).toEqual(['Nguồn vốn', ...money, 'Trong đó đã duyệt trở lên (đồng)']);
    expect(totals.byFundingSource.length).toBeGreaterThan(1);
    expect(funding.rows).toEqual(
      totals.byFundingSource.map((r) => [
        proposalFundingLabels.vi[r.fundingSource],
        r.count,
        r.costVnd,
        r.approvedVnd,
      ]),
    );
  });

  it('a centre manager’s export holds their centre’s proposals only', async () => {
    const totals = await callers.manager.investment.totals();
    const own = await h.rows<{ n: number; cost: number }>(sql`
      select count(*)::int as n, coalesce(sum(estimated_cost_vnd::float8), 0) as cost
      from investment_proposals where facility_id = ${ids[BTXH]}`);
    const status = await sheetOf(
      (await callers.manager.investment.totalsExport({ table: 'byStatus' })).base64,
    );
    expect(status.rows).toEqual(
      totals.byStatus.map((r) => [proposalStatusLabels.vi[r.status], r.count, r.costVnd]),
    );
    expect(status.rows.reduce((sum, r) => sum + Number(r[1]), 0)).toBe(Number(own[0]?.n));
    expect(status.rows.reduce((sum, r) => sum + Number(r[2]), 0)).toBe(Number(own[0]?.cost));
    const funding = await sheetOf(
      (await callers.manager.investment.totalsExport({ table: 'byFunding' })).base64,
    );
    // The operator's central-budget proposal is not theirs.
    expect(funding.rows.map((r) => r[0])).not.toContain(proposalFundingLabels.vi.central);
  });

  it('one facility of the caller’s scope; another centre’s is refused', async () => {
    const totals = await callers.planner.investment.totals({ facilityId: ids[HUONGDUONG] });
    const year = await sheetOf(
      (await callers.planner.investment.totalsExport({ facilityId: ids[HUONGDUONG], table: 'byYear' }))
        .base64,
    );
    expect(year.rows).toEqual(totals.byYear.map((r) => [r.year, r.count, r.costVnd, r.approvedVnd]));
    await expectTRPCError(
      callers.manager.investment.totalsExport({ facilityId: ids[TREEM], table: 'byStatus' }),
      'FORBIDDEN',
    );
    await expectTRPCError(anonymous.investment.totalsExport({ table: 'byStatus' }), 'UNAUTHORIZED');
  });
});
