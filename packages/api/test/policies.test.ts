import { randomUUID } from 'node:crypto';
import { residents, stays } from '@ansinh/db/schema/residents';
import type { PolicyRule } from '@ansinh/domain/entitlements/policy';
import type { StoredRule } from '@ansinh/schemas/policy';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Caller, type DemoUser, expectTRPCError, fieldErrorsOf, useApiHarness } from './harness.ts';

const h = useApiHarness();

type NewResident = typeof residents.$inferInsert;

/** Inserted with drizzle directly, so this suite does not depend on the residents API. */
async function addResident(
  values: Pick<NewResident, 'fullName' | 'birthDate' | 'group'> & Partial<NewResident>,
  facility: string,
  admittedOn: string,
): Promise<string> {
  const [row] = await h.db
    .insert(residents)
    .values({ sex: 'female', ...values })
    .returning({ id: residents.id });
  if (!row) throw new Error('no resident inserted');
  await h.db
    .insert(stays)
    .values({ residentId: row.id, facilityId: await h.facilityId(facility), admittedOn });
  return row.id;
}

const newRule = (overrides: Partial<PolicyRule> = {}): PolicyRule => ({
  code: 'TN_ELDERLY_SUPPLEMENT',
  title: { vi: 'Hỗ trợ thêm người cao tuổi tại cơ sở', en: 'Extra support for elderly residents' },
  legalBasis: 'Dự thảo Nghị quyết HĐND tỉnh',
  kind: 'monthly',
  predicate: { op: 'group_in', groups: ['k1_elderly'] },
  amount: { kind: 'fixed', vnd: 300_000 },
  effectiveFrom: '2024-09-01',
  status: 'proposed',
  ...overrides,
});

interface AuditRow extends Record<string, unknown> {
  action: string;
  entity_id: string;
  actor_id: string;
  before: { version: number; rule: PolicyRule } | null;
  after: { version: number; rule: PolicyRule } | null;
}

const auditOf = (id: string) =>
  h.rows<AuditRow>(
    sql`select action, entity_id, actor_id, before, after from audit_log where entity_type = 'policy_rule' and entity_id = ${id} order by id`,
  );

let planner: Caller;
let admin: Caller;
const ids: Record<string, string> = {};

async function stored(code: string, status?: string): Promise<StoredRule> {
  const { rules } = await planner.policies.overview();
  const found = rules.find((r) => r.rule.code === code && (status === undefined || r.rule.status === status));
  if (!found) throw new Error(`no stored rule ${code}`);
  return found;
}

beforeAll(async () => {
  planner = await h.callerFor('planner');
  admin = await h.callerFor('admin');
  ids.child = await addResident(
    { fullName: 'Nguyễn Văn An', birthDate: '2023-05-01', group: 'k1_child_no_support', sex: 'male' },
    'TN-BTXH',
    '2023-06-01',
  );
  ids.elderly = await addResident(
    { fullName: 'Trần Thị Bình', birthDate: '1940-05-05', group: 'k1_elderly' },
    'TN-BTXH',
    '2020-01-01',
  );
  // Directive 3715, group 4: lonely elderly in especially difficult circumstances, outside Art. 24.
  ids.lonely = await addResident(
    {
      fullName: 'Vũ Thị Cúc',
      birthDate: '1942-03-03',
      group: 'k5_voluntary',
      lonelyElderly: true,
      especiallyDifficult: true,
      bothParentsDisabled: false,
    },
    'TN-BTXH',
    '2022-01-01',
  );
  // Directive 3715, group 2: children whose parents both have disabilities.
  for (const [name, facility] of [
    ['Lê Minh Đức', 'TN-TREEM'],
    ['Lê Thu Hà', 'NCL-HUONGDUONG'],
  ] as const) {
    await addResident(
      {
        fullName: name,
        birthDate: '2015-06-01',
        group: 'k5_voluntary',
        bothParentsDisabled: true,
        lonelyElderly: false,
      },
      facility,
      '2023-01-01',
    );
  }
});

describe('policies.overview', () => {
  it('shows the base levels and every stored rule to every role', async () => {
    const overview = await planner.policies.overview();
    expect(overview.baseLevels).toEqual([
      { effectiveFrom: '2021-07-01', vnd: 360_000, legalBasis: expect.stringContaining('Điều 4') },
      { effectiveFrom: '2024-07-01', vnd: 500_000, legalBasis: 'Nghị định 76/2024/NĐ-CP' },
    ]);
    expect(overview.rules).toHaveLength(10);
    expect(overview.rules[0]?.rule.code).toBe('NURTURING_ALLOWANCE');
    expect(overview.rules.filter((r) => r.rule.status === 'in_force')).toHaveLength(6);
    const proposals = overview.rules.filter((r) => r.rule.status === 'proposed');
    expect(proposals.map((r) => r.rule.code).every((code) => code.startsWith('D3715_'))).toBe(true);
    expect(proposals.every((r) => r.rule.amountIsPlaceholder === true && r.adoptedAt === null)).toBe(true);
    expect(overview.rules[0]).toMatchObject({
      version: 1,
      id: expect.any(String),
      updatedAt: expect.any(Date),
    });
    for (const user of ['staff', 'manager', 'operator'] as const) {
      const caller = await h.callerFor(user);
      expect((await caller.policies.overview()).rules).toHaveLength(10);
    }
  });
});

describe('who may manage policy', () => {
  it.each(['staff', 'manager', 'operator'] as DemoUser[])(
    '%s is refused every policy.manage procedure',
    async (user) => {
      const caller = await h.callerFor(user);
      const nurturing = await stored('NURTURING_ALLOWANCE');
      const attempts: Promise<unknown>[] = [
        caller.policies.create({ rule: newRule({ code: 'TN_FORBIDDEN_TRY' }) }),
        caller.policies.update({ id: nurturing.id, version: nurturing.version, rule: newRule() }),
        caller.policies.adopt({ id: nurturing.id, version: nurturing.version, effectiveFrom: '2025-01-01' }),
        caller.policies.archive({ id: nurturing.id, version: nurturing.version }),
        caller.policies.setBaseLevel({ effectiveFrom: '2030-01-01', vnd: 900_000, legalBasis: 'Thử nghiệm' }),
        caller.policies.preview({ month: '2024-07', rules: [] }),
      ];
      for (const attempt of attempts) await expectTRPCError(attempt, 'FORBIDDEN', 'FORBIDDEN');
      expect(await stored('NURTURING_ALLOWANCE')).toEqual(nurturing);
      const codes = (await planner.policies.overview()).rules.map((r) => r.rule.code);
      expect(codes).not.toContain('TN_FORBIDDEN_TRY');
    },
  );
});

describe('proposals: create and update', () => {
  it('creates a proposal, with an audit row', async () => {
    const created = await planner.policies.create({ rule: newRule() });
    ids.supplement = created.id;
    expect(created).toMatchObject({ version: 1, adoptedAt: null, rule: newRule() });
    const [row] = await auditOf(created.id);
    expect(row).toMatchObject({ action: 'policy.create', before: null, actor_id: await h.userId('planner') });
    expect(row?.after?.rule.code).toBe('TN_ELDERLY_SUPPLEMENT');
  });

  it('a new rule must be a proposal', async () => {
    const error = await expectTRPCError(
      planner.policies.create({ rule: newRule({ code: 'TN_IN_FORCE_TRY', status: 'in_force' }) }),
      'BAD_REQUEST',
    );
    expect(fieldErrorsOf(error).rule).toBeDefined();
  });

  it('validates the whole set: an unknown reference, a second version on the same day', async () => {
    await expectTRPCError(
      planner.policies.create({
        rule: newRule({ code: 'TN_DANGLING', predicate: { op: 'rule', code: 'NO_SUCH_RULE' } }),
      }),
      'BAD_REQUEST',
    );
    await expectTRPCError(planner.policies.create({ rule: newRule() }), 'BAD_REQUEST');
    // A rule paid from the base level cannot start before the first base level.
    await expectTRPCError(
      planner.policies.create({
        rule: newRule({
          code: 'TN_TOO_EARLY',
          amount: { kind: 'base_coefficient', coefficient: 1 },
          effectiveFrom: '2020-01-01',
        }),
      }),
      'BAD_REQUEST',
    );
  });

  it('updates a proposal: version + 1, audit before and after', async () => {
    const id = ids.supplement as string;
    const updated = await planner.policies.update({
      id,
      version: 1,
      rule: newRule({ amount: { kind: 'fixed', vnd: 350_000 } }),
    });
    expect(updated.version).toBe(2);
    expect(updated.rule.amount).toEqual({ kind: 'fixed', vnd: 350_000 });
    const rows = await auditOf(id);
    expect(rows.map((r) => r.action)).toEqual(['policy.create', 'policy.update']);
    expect(rows[1]?.before?.rule.amount).toEqual({ kind: 'fixed', vnd: 300_000 });
    expect(rows[1]?.after?.rule.amount).toEqual({ kind: 'fixed', vnd: 350_000 });
    expect(rows[1]?.after?.version).toBe(2);
  });

  it('a stale version is a conflict', async () => {
    await expectTRPCError(
      planner.policies.update({ id: ids.supplement as string, version: 1, rule: newRule() }),
      'CONFLICT',
      'STALE_VERSION',
    );
  });

  it('the code cannot change and a proposal stays a proposal', async () => {
    const id = ids.supplement as string;
    const renamed = await expectTRPCError(
      planner.policies.update({ id, version: 2, rule: newRule({ code: 'TN_RENAMED' }) }),
      'BAD_REQUEST',
    );
    expect(fieldErrorsOf(renamed).rule).toBeDefined();
    await expectTRPCError(
      planner.policies.update({ id, version: 2, rule: newRule({ status: 'in_force' }) }),
      'BAD_REQUEST',
    );
    expect((await stored('TN_ELDERLY_SUPPLEMENT')).version).toBe(2);
  });

  it('a rule in force is not edited', async () => {
    const nurturing = await stored('NURTURING_ALLOWANCE');
    await expectTRPCError(
      planner.policies.update({
        id: nurturing.id,
        version: nurturing.version,
        rule: { ...nurturing.rule, status: 'proposed' },
      }),
      'PRECONDITION_FAILED',
      'RULE_NOT_EDITABLE',
    );
  });

  it('a proposed new version of a rule in force leaves the residents list working', async () => {
    const nurturing = await stored('NURTURING_ALLOWANCE');
    const proposal = await planner.policies.create({
      rule: { ...nurturing.rule, status: 'proposed', effectiveFrom: '2031-01-01', effectiveTo: null },
    });
    const manager = await h.callerFor('manager');
    await expect(manager.residents.list({})).resolves.toMatchObject({ total: expect.any(Number) });
    // Withdrawn again so the tests below start from the statutory rules alone.
    await planner.policies.archive({ id: proposal.id, version: proposal.version });
  });

  it('an unknown rule is not found', async () => {
    await expectTRPCError(
      planner.policies.update({ id: randomUUID(), version: 1, rule: newRule() }),
      'NOT_FOUND',
      'RULE_NOT_FOUND',
    );
  });
});

describe('policies.preview', () => {
  const month = '2024-07';

  it('costs a proposal with an edited amount, for the province; annual = 12 × monthly', async () => {
    const stored2 = await stored('D3715_CHILD_OF_DISABLED_PARENTS');
    const auditBefore = await h.rows(sql`select count(*)::int as n from audit_log`);

    const asStored = await planner.policies.preview({ month, rules: [] });
    const placeholder = asStored.byRule.find((r) => r.code === 'D3715_CHILD_OF_DISABLED_PARENTS');
    expect(placeholder).toMatchObject({
      qualifying: 2,
      monthlyVnd: 0,
      isPlaceholder: true,
      status: 'proposed',
    });

    const edited = { ...stored2.rule, amount: { kind: 'base_coefficient' as const, coefficient: 1.5 } };
    delete edited.amountIsPlaceholder;
    const preview = await planner.policies.preview({ month, rules: [edited] });
    const line = preview.byRule.find((r) => r.code === 'D3715_CHILD_OF_DISABLED_PARENTS');
    expect(line).toMatchObject({
      qualifying: 2,
      monthlyVnd: 2 * 750_000,
      isPlaceholder: false,
      status: 'proposed',
    });
    expect(preview.residentCount).toBe(5);
    expect(preview.monthlyVnd).toBe(asStored.monthlyVnd + 1_500_000);
    expect(preview.annualVnd).toBe(12 * preview.monthlyVnd);
    // Nurturing: 5.0 × 500,000 for the child, 4.0 × 500,000 for the elderly resident; + medicines ceilings.
    expect(preview.byRule.find((r) => r.code === 'NURTURING_ALLOWANCE')).toMatchObject({
      qualifying: 2,
      monthlyVnd: 4_500_000,
      status: 'in_force',
    });
    expect(preview.monthlyVnd).toBe(4_500_000 + 200_000 + 1_500_000);

    const sum = (lines: { monthlyVnd: number }[]) => lines.reduce((a, l) => a + l.monthlyVnd, 0);
    expect(sum(preview.byFacility)).toBe(preview.monthlyVnd);
    expect(sum(preview.byGroup)).toBe(preview.monthlyVnd);
    expect(preview.byFacility).toHaveLength(3);
    expect(preview.byGroup.find((g) => g.group === 'k5_voluntary')).toMatchObject({
      qualifying: 2,
      monthlyVnd: 1_500_000,
    });

    // A what-if writes nothing.
    expect(await h.rows(sql`select count(*)::int as n from audit_log`)).toEqual(auditBefore);
    expect(await stored('D3715_CHILD_OF_DISABLED_PARENTS')).toEqual(stored2);
  });

  it('a new proposal of a rule in force replaces it from its date in the preview', async () => {
    const nurturing = await stored('NURTURING_ALLOWANCE');
    const raised: PolicyRule = {
      ...nurturing.rule,
      status: 'proposed',
      effectiveFrom: '2024-07-01',
      amount: {
        kind: 'base_coefficient_by_age',
        tiers: [{ belowAgeYears: 4, coefficient: 6 }, { coefficient: 5 }],
      },
    };
    const preview = await planner.policies.preview({ month, rules: [raised] });
    const lines = preview.byRule.filter((r) => r.code === 'NURTURING_ALLOWANCE');
    // The version in force ends on 30 June, so only the proposal is in effect in July.
    expect(lines).toEqual([
      {
        code: 'NURTURING_ALLOWANCE',
        status: 'proposed',
        isPlaceholder: false,
        qualifying: 2,
        unknown: 0,
        monthlyVnd: 5_500_000,
      },
    ]);
  });

  it('an invalid scenario is a bad request', async () => {
    const error = await expectTRPCError(
      planner.policies.preview({
        month,
        rules: [newRule({ code: 'TN_DANGLING', predicate: { op: 'rule', code: 'NOPE' } })],
      }),
      'BAD_REQUEST',
    );
    expect(fieldErrorsOf(error).rules).toBeDefined();
  });
});

describe('adoption', () => {
  it('refuses to adopt a proposal whose amount is still a placeholder', async () => {
    const lonely = await stored('D3715_LONELY_ELDERLY');
    await expectTRPCError(
      planner.policies.adopt({ id: lonely.id, version: lonely.version, effectiveFrom: '2024-08-01' }),
      'BAD_REQUEST',
    );
  });

  it('set a directive group amount, adopt it from a date: the next roll shows it', async () => {
    const btxh = await h.facilityId('TN-BTXH');
    const lonely = await stored('D3715_LONELY_ELDERLY');
    const { amountIsPlaceholder: _placeholder, ...rule } = lonely.rule;
    const priced = await planner.policies.update({
      id: lonely.id,
      version: lonely.version,
      rule: { ...rule, amount: { kind: 'fixed', vnd: 1_200_000 } },
    });

    const july = await planner.entitlements.roll({
      month: '2024-07',
      facilityId: btxh,
      page: 1,
      pageSize: 50,
    });
    expect(july.rules.map((r) => r.code)).not.toContain('D3715_LONELY_ELDERLY');

    const adopted = await planner.policies.adopt({
      id: lonely.id,
      version: priced.version,
      effectiveFrom: '2024-08-01',
    });
    expect(adopted.rule).toMatchObject({ status: 'in_force', effectiveFrom: '2024-08-01' });
    expect(adopted.version).toBe(priced.version + 1);
    expect(adopted.adoptedAt).toBeInstanceOf(Date);
    const [adoptedBy] = await h.rows<{ adopted_by: string }>(
      sql`select adopted_by from policy_rules where id = ${lonely.id}`,
    );
    expect(adoptedBy?.adopted_by).toBe(await h.userId('planner'));
    const audit = (await auditOf(lonely.id)).at(-1);
    expect(audit).toMatchObject({ action: 'policy.adopt' });
    expect(audit?.before?.rule.status).toBe('proposed');
    expect(audit?.after?.rule).toMatchObject({ status: 'in_force', effectiveFrom: '2024-08-01' });

    const julyAgain = await planner.entitlements.roll({
      month: '2024-07',
      facilityId: btxh,
      page: 1,
      pageSize: 50,
    });
    expect(julyAgain.grandTotalVnd).toBe(july.grandTotalVnd);
    const august = await planner.entitlements.roll({
      month: '2024-08',
      facilityId: btxh,
      page: 1,
      pageSize: 50,
    });
    expect(august.rules.map((r) => r.code)).toContain('D3715_LONELY_ELDERLY');
    expect(august.totals.D3715_LONELY_ELDERLY).toBe(1_200_000);
    const row = august.items.find((r) => r.residentId === ids.lonely);
    expect(row?.amounts.D3715_LONELY_ELDERLY).toBe(1_200_000);
    expect(august.grandTotalVnd).toBe(july.grandTotalVnd + 1_200_000);
  });

  it('a rule in force cannot be adopted again', async () => {
    const lonely = await stored('D3715_LONELY_ELDERLY');
    await expectTRPCError(
      planner.policies.adopt({ id: lonely.id, version: lonely.version, effectiveFrom: '2025-01-01' }),
      'PRECONDITION_FAILED',
      'RULE_NOT_EDITABLE',
    );
  });
});

describe('archive', () => {
  it('archives a proposal, with an audit row; twice is refused', async () => {
    const rule = await stored('D3715_CHILD_PARENT_LEFT');
    const archived = await admin.policies.archive({ id: rule.id, version: rule.version });
    expect(archived.rule.status).toBe('archived');
    expect(archived.version).toBe(rule.version + 1);
    expect((await auditOf(rule.id)).at(-1)).toMatchObject({ action: 'policy.archive' });
    expect((await stored('D3715_CHILD_PARENT_LEFT')).rule.status).toBe('archived');
    await expectTRPCError(
      admin.policies.archive({ id: rule.id, version: archived.version }),
      'PRECONDITION_FAILED',
      'RULE_NOT_EDITABLE',
    );
  });

  it('refuses to archive a rule that others depend on', async () => {
    const nurturing = await stored('NURTURING_ALLOWANCE');
    await expectTRPCError(
      planner.policies.archive({ id: nurturing.id, version: nurturing.version }),
      'BAD_REQUEST',
    );
    expect((await stored('NURTURING_ALLOWANCE')).rule.status).toBe('in_force');
  });
});

describe('base level', () => {
  const nurturingFor = async (month: string) => {
    const result = await planner.entitlements.forResident({ residentId: ids.child as string, month });
    return result.outcomes.find((o) => o.ruleCode === 'NURTURING_ALLOWANCE')?.amountVnd;
  };

  it('a provincial base level of 600,000 from 2026-01-01: 3,000,000 for a child under 4', async () => {
    expect(await nurturingFor('2026-01')).toBe(2_500_000);
    const level = await planner.policies.setBaseLevel({
      effectiveFrom: '2026-01-01',
      vnd: 650_000,
      legalBasis: 'Nghị quyết HĐND tỉnh (dự thảo)',
    });
    expect(level).toEqual({
      effectiveFrom: '2026-01-01',
      vnd: 650_000,
      legalBasis: 'Nghị quyết HĐND tỉnh (dự thảo)',
    });
    // The same date again replaces the level instead of adding one.
    await planner.policies.setBaseLevel({
      effectiveFrom: '2026-01-01',
      vnd: 600_000,
      legalBasis: 'Nghị quyết HĐND tỉnh',
    });
    const levels = (await planner.policies.overview()).baseLevels;
    expect(levels).toHaveLength(3);
    expect(levels.at(-1)).toEqual({
      effectiveFrom: '2026-01-01',
      vnd: 600_000,
      legalBasis: 'Nghị quyết HĐND tỉnh',
    });

    expect(await nurturingFor('2025-12')).toBe(2_500_000);
    expect(await nurturingFor('2026-01')).toBe(3_000_000);
    const audits = await h.rows<{ action: string; before: unknown; after: { vnd: number } }>(
      sql`select action, before, after from audit_log where entity_type = 'base_level' order by id`,
    );
    expect(audits.map((a) => a.action)).toEqual(['policy.base_level', 'policy.base_level']);
    expect(audits[0]?.before).toBeNull();
    expect(audits[1]?.before).toMatchObject({ vnd: 650_000 });
    expect(audits[1]?.after.vnd).toBe(600_000);
  });
});

describe('a new version of a rule in force', () => {
  it('is proposed alongside it and, adopted, closes the old version the day before', async () => {
    const current = await stored('NURTURING_ALLOWANCE', 'in_force');
    const proposal = await planner.policies.create({
      rule: {
        ...current.rule,
        status: 'proposed',
        effectiveFrom: '2027-01-01',
        amount: {
          kind: 'base_coefficient_by_age',
          tiers: [{ belowAgeYears: 4, coefficient: 5.5 }, { coefficient: 4.5 }],
        },
      },
    });
    // While it is only proposed, what is paid does not change (and the stored set stays readable).
    const child = { residentId: ids.child as string, month: '2027-01' };
    const before = await planner.entitlements.forResident(child);
    expect(before.outcomes.find((o) => o.ruleCode === 'NURTURING_ALLOWANCE')?.amountVnd).toBe(3_000_000);

    const adopted = await planner.policies.adopt({
      id: proposal.id,
      version: proposal.version,
      effectiveFrom: '2027-01-01',
    });
    expect(adopted.rule.status).toBe('in_force');
    const closed = (await planner.policies.overview()).rules.find((r) => r.id === current.id);
    expect(closed?.rule.effectiveTo).toBe('2026-12-31');
    expect(closed?.version).toBe(current.version + 1);
    expect((await auditOf(current.id)).at(-1)).toMatchObject({ action: 'policy.supersede' });

    const after = await planner.entitlements.forResident(child);
    const nurturing = after.outcomes.filter((o) => o.ruleCode === 'NURTURING_ALLOWANCE');
    expect(nurturing).toHaveLength(1);
    expect(nurturing[0]?.amountVnd).toBe(3_300_000); // 5.5 × 600,000
    const december = await planner.entitlements.forResident({ ...child, month: '2026-12' });
    expect(december.outcomes.find((o) => o.ruleCode === 'NURTURING_ALLOWANCE')?.amountVnd).toBe(3_000_000);
  });
});
