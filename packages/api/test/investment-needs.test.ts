/**
 * Needs offered as draft proposals (space and staffing gaps, equipment flags) and the facility
 * condition assessments.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Caller,
  type DemoUser,
  demoUsers,
  expectTRPCError,
  fieldErrorsOf,
  useApiHarness,
} from './harness.ts';
import { addResident, addRoom, auditOf, makeFacility } from './standards-fixtures.ts';

const h = useApiHarness();

const callers = {} as Record<DemoUser, Caller>;
let btxh: string;
let treem: string;

beforeAll(async () => {
  for (const user of demoUsers) callers[user] = await h.callerFor(user);
  btxh = await h.facilityId('TN-BTXH');
  treem = await h.facilityId('TN-TREEM');
});

describe('suggested needs', () => {
  let facilityId: string;
  let modelId: string;

  beforeAll(async () => {
    // Licensed for 10, one 12 m² room (2 residents), 100 m² of urban land (10): 8 over the bedrooms.
    facilityId = await makeFacility(h, 'NEED-1', { licensedCapacity: 10, landAreaM2: 100 });
    await addRoom(h, facilityId, 'P1', 12, 'ordinary', ['P1-1', 'P1-2']);
    // Five elderly people who cannot look after themselves: 2 carers, plus the other roles.
    for (let i = 0; i < 5; i++)
      await addResident(h, facilityId, { birthDate: '1940-01-01', selfCare: false });
    await h.rows(sql`insert into facility_staff (facility_id, role, headcount) values
      (${facilityId}, 'carer', 1), (${facilityId}, 'social_worker', 1), (${facilityId}, 'psychologist', 1),
      (${facilityId}, 'medical', 1), (${facilityId}, 'nutrition', 1)`);
    // A wheelchair bought in 2010 with a 5-year life; a model every centre must have two of.
    await h.rows(sql`
      insert into equipment_items (asset_code, name, category, facility_id, tracking, quantity, acquired_on,
        cost_vnd, useful_life_years, funding_source, condition, status)
      values ('NEED-XL-01', 'Xe lăn', 'rehabilitation', ${facilityId}, 'individual', 1, '2010-01-01', 3000000, 5,
        'provincial_budget', 'fair', 'in_use'),
      ('NEED-XL-02', 'Xe lăn', 'rehabilitation', ${facilityId}, 'individual', 1, '2012-05-01', 3500000, 5,
        'provincial_budget', 'poor', 'in_use'),
      ('NEED-TV-01', 'Ti vi', 'other', ${facilityId}, 'individual', 1, '2024-01-01', 9000000, 8,
        'provincial_budget', 'good', 'in_use')`);
    const [model] = await h.rows<{ id: string }>(sql`
      insert into equipment_models (name, category, useful_life_years, min_per_facility)
      values ('Máy đo huyết áp thử nghiệm', 'medical', 5, 2) returning id`);
    modelId = model?.id ?? '';
  });

  it('offers the space and staffing gaps and the equipment flags, with pre-filled text', async () => {
    const list = await callers.manager.investment.suggestions({ facilityId: btxh });
    expect(list.facilityId).toBe(btxh);
    const { suggestions } = await callers.planner.investment.suggestions({ facilityId });
    const byKey = new Map(suggestions.map((s) => [s.key, s]));
    expect([...byKey.keys()].sort()).toEqual(
      [
        'space:bedroom',
        'staffing:carer',
        'equipment:past_life:Xe lăn',
        `equipment:shortfall:${modelId}`,
      ].sort(),
    );
    expect(byKey.get('space:bedroom')).toMatchObject({
      kind: 'space',
      category: 'construction',
      item: 'Mở rộng diện tích phòng ở: thêm tối thiểu 48 m² cho 8 người vượt định mức',
      costHintVnd: null,
      facts: { ceiling: 2, value: 10, over: 8, m2PerResident: 6, minimumAdditionalM2: 48 },
      proposedAs: null,
    });
    expect(byKey.get('staffing:carer')).toMatchObject({
      kind: 'staffing',
      category: null,
      item: 'Bổ sung 1 nhân viên chăm sóc trực tiếp',
      facts: { role: 'carer', required: 2, recorded: 1, gap: 1 },
    });
    expect(byKey.get('equipment:past_life:Xe lăn')).toMatchObject({
      kind: 'equipment_past_life',
      category: 'equipment',
      item: 'Thay thế 2 Xe lăn đã hết thời gian sử dụng',
      costHintVnd: 6_500_000,
      facts: { quantity: 2, oldestAcquiredOn: '2010-01-01' },
    });
    expect(byKey.get(`equipment:shortfall:${modelId}`)).toMatchObject({
      kind: 'equipment_shortfall',
      category: 'equipment',
      facts: { required: 2, active: 0, lacking: 2 },
    });
  });

  it('stores where a draft came from, and marks the need as proposed', async () => {
    const created = await callers.admin.investment.createFromSuggestion({
      facilityId,
      key: 'space:bedroom',
      estimatedCostVnd: 2_400_000_000,
      priority: 'high',
      requestedYear: 2026,
      fundingSource: 'provincial_budget',
    });
    expect(created).toMatchObject({
      status: 'draft',
      category: 'construction',
      item: 'Mở rộng diện tích phòng ở: thêm tối thiểu 48 m² cho 8 người vượt định mức',
      origin: {
        source: 'suggestion',
        key: 'space:bedroom',
        kind: 'space',
        onDate: '2025-09-01',
        facts: { over: 8, standardsVersionId: expect.any(String) },
      },
    });
    const { suggestions } = await callers.planner.investment.suggestions({ facilityId });
    expect(suggestions.find((s) => s.key === 'space:bedroom')?.proposedAs).toEqual({
      id: created.id,
      status: 'draft',
    });
    expect((await auditOf(h, created.id)).map((a) => a.action)).toEqual(['proposal.create']);

    // The person's text wins over the pre-filled one; a staffing need has no category of its own.
    const error = await expectTRPCError(
      callers.admin.investment.createFromSuggestion({
        facilityId,
        key: 'staffing:carer',
        estimatedCostVnd: 120_000_000,
        priority: 'medium',
        requestedYear: 2026,
        fundingSource: 'provincial_budget',
      }),
      'BAD_REQUEST',
    );
    expect(fieldErrorsOf(error).category).toEqual(['Vui lòng chọn loại đầu tư']);
    const staffing = await callers.admin.investment.createFromSuggestion({
      facilityId,
      key: 'staffing:carer',
      item: 'Tuyển 1 hộ lý',
      category: 'repair',
      estimatedCostVnd: 120_000_000,
      priority: 'medium',
      requestedYear: 2026,
      fundingSource: 'provincial_budget',
    });
    expect(staffing).toMatchObject({ item: 'Tuyển 1 hộ lý', origin: { key: 'staffing:carer' } });
  });

  it('refuses a need that is not (or no longer) there', async () => {
    const error = await expectTRPCError(
      callers.admin.investment.createFromSuggestion({
        facilityId,
        key: 'space:land',
        estimatedCostVnd: 1,
        priority: 'low',
        requestedYear: 2026,
        fundingSource: 'other',
      }),
      'BAD_REQUEST',
    );
    expect(fieldErrorsOf(error).key).toBeDefined();
  });

  it('scope and roles: a centre for itself; planners read but do not draft; staff do not draft', async () => {
    await expectTRPCError(callers.manager.investment.suggestions({ facilityId }), 'FORBIDDEN', 'FORBIDDEN');
    const input = {
      facilityId: btxh,
      key: 'space:bedroom',
      estimatedCostVnd: 1,
      priority: 'low' as const,
      requestedYear: 2026,
      fundingSource: 'other' as const,
    };
    await expectTRPCError(callers.planner.investment.createFromSuggestion(input), 'FORBIDDEN', 'FORBIDDEN');
    await expectTRPCError(callers.staff.investment.createFromSuggestion(input), 'FORBIDDEN', 'FORBIDDEN');
    await expectTRPCError(
      callers.manager.investment.createFromSuggestion({ ...input, facilityId }),
      'FORBIDDEN',
      'FORBIDDEN',
    );
  });
});

describe('facility condition assessments', () => {
  const ratings = [
    { system: 'water' as const, score: 2, notes: 'Đường ống rò rỉ' },
    { system: 'roof' as const, score: 4 },
  ];

  it('the centre records one (audited); it lists newest first with the systems in order', async () => {
    const first = await callers.staff.investment.assessments.create({
      facilityId: btxh,
      assessedOn: '2024-10-01',
      notes: 'Khảo sát định kỳ',
      ratings,
    });
    expect(first).toMatchObject({
      facilityId: btxh,
      assessedOn: '2024-10-01',
      assessedByName: 'Lê Thị Lan',
      notes: 'Khảo sát định kỳ',
      ratings: [
        { system: 'roof', score: 4, notes: null },
        { system: 'water', score: 2, notes: 'Đường ống rò rỉ' },
      ],
      lowestScore: 2,
    });
    const second = await callers.planner.investment.assessments.create({
      facilityId: btxh,
      assessedOn: '2025-08-20',
      ratings: [{ system: 'fire_safety', score: 1, notes: 'Bình chữa cháy hết hạn' }],
    });
    const list = await callers.manager.investment.assessments.list({ facilityId: btxh });
    expect(list.map((a) => a.id)).toEqual([second.id, first.id]);
    expect(await callers.staff.investment.assessments.byId({ id: first.id })).toEqual(first);
    const audit = await auditOf(h, first.id);
    expect(audit).toMatchObject([{ action: 'assessment.create', actor: 'staff', after: { lowestScore: 2 } }]);
  });

  it('another centre sees and records nothing there', async () => {
    const [own] = await callers.manager.investment.assessments.list({ facilityId: btxh });
    await expectTRPCError(
      callers.operator.investment.assessments.list({ facilityId: btxh }),
      'FORBIDDEN',
      'FORBIDDEN',
    );
    await expectTRPCError(
      callers.operator.investment.assessments.byId({ id: own?.id ?? '' }),
      'NOT_FOUND',
      'ASSESSMENT_NOT_FOUND',
    );
    await expectTRPCError(
      callers.manager.investment.assessments.create({ facilityId: treem, assessedOn: '2025-01-01', ratings }),
      'FORBIDDEN',
      'FORBIDDEN',
    );
  });

  it('validates scores, systems and the date', async () => {
    const bad = await expectTRPCError(
      callers.manager.investment.assessments.create({
        facilityId: btxh,
        assessedOn: '2025-01-01',
        ratings: [
          { system: 'roof', score: 6 },
          { system: 'roof', score: 3 },
        ],
      }),
      'BAD_REQUEST',
    );
    expect(fieldErrorsOf(bad).ratings).toBeDefined();
    await expectTRPCError(
      callers.manager.investment.assessments.create({
        facilityId: btxh,
        assessedOn: '2025-01-01',
        ratings: [],
      }),
      'BAD_REQUEST',
    );
    const future = await expectTRPCError(
      callers.manager.investment.assessments.create({ facilityId: btxh, assessedOn: '2025-09-02', ratings }),
      'BAD_REQUEST',
    );
    expect(fieldErrorsOf(future).assessedOn).toEqual(['Ngày không được ở tương lai']);
    const [row] = await h.rows<{ n: number }>(
      sql`select count(*)::int as n from facility_assessments where assessed_on in ('2025-01-01', '2025-09-02')`,
    );
    expect(row?.n).toBe(0);
  });
});
