import type { Db, Queryable } from '@ansinh/db/client';
import { constraintViolationOf, pgErrorCodes } from '@ansinh/db/errors';
import { baseLevels, policyRules } from '@ansinh/db/schema/policies';
import { addDays } from '@ansinh/domain/entitlements/dates';
import {
  type BaseLevel,
  type PolicyRule,
  type PolicySet,
  parsePolicySet,
  policyRuleSchema,
} from '@ansinh/domain/entitlements/policy';
import { directive3715Rules, statutoryRules } from '@ansinh/domain/entitlements/statutory';
import { DomainError } from '@ansinh/domain/errors';
import type { StoredRule } from '@ansinh/schemas/policy';
import { asc, eq, sql } from 'drizzle-orm';
import { ZodError, ZodRealError } from 'zod';
import { recordAudit } from '../audit.ts';
import type { RequestMeta, SessionUser } from '../context.ts';

/**
 * The province's policy workspace: rules are stored one version per row (`definition` holds the whole
 * rule as the engine reads it), proposals are edited freely, and adoption turns a proposal into the
 * rule in force from a date. Every write re-validates the WHOLE set the engine will read, so a change
 * that would leave a dangling reference, a cycle or two overlapping versions never reaches storage.
 *
 * SUPERSESSION. A proposal may be a new version of a rule in force (e.g. a higher coefficient from
 * next year). Stored side by side, the two overlap, which the policy-set schema forbids; adopting the
 * proposal closes the open-ended version the day before. Everything that looks at proposals (write
 * validation, the planners' preview) therefore reads the set "as if every proposal were adopted on its
 * own effectiveFrom" (`asIfAdopted`), and the payroll side reads the rules in force only
 * (`loadInForcePolicy`), where proposals play no part. Both views are validated on every write.
 */

/** Every policy write takes this transaction-scoped lock, so whole-set validation sees a stable set. */
const POLICY_LOCK_KEY = 7_245_002;

export interface RuleRow {
  id: string;
  version: number;
  definition: PolicyRule;
  adoptedAt: Date | null;
  updatedAt: Date;
}

const ruleColumns = {
  id: policyRules.id,
  version: policyRules.version,
  definition: policyRules.definition,
  adoptedAt: policyRules.adoptedAt,
  updatedAt: policyRules.updatedAt,
};

/**
 * Stable presentation and evaluation order: the shipped rules in the order the decree lists them,
 * then the province's own rules by creation. (The reference data is inserted in one statement, so
 * creation time alone cannot order it.)
 */
const shippedOrder = new Map([...statutoryRules, ...directive3715Rules].map((rule, i) => [rule.code, i]));
function rankOf(code: string): number {
  return shippedOrder.get(code) ?? Number.MAX_SAFE_INTEGER;
}

async function readRules(db: Queryable): Promise<RuleRow[]> {
  const rows = await db
    .select(ruleColumns)
    .from(policyRules)
    .orderBy(asc(policyRules.createdAt), asc(policyRules.code), asc(policyRules.effectiveFrom));
  const typed = rows.map((row) => ({ ...row, definition: row.definition as PolicyRule }));
  // Array.prototype.sort is stable: equal ranks keep the creation order.
  return typed.sort((a, b) => rankOf(a.definition.code) - rankOf(b.definition.code));
}

async function readBaseLevels(db: Queryable): Promise<BaseLevel[]> {
  const rows = await db.select().from(baseLevels).orderBy(asc(baseLevels.effectiveFrom));
  return rows.map((l) => ({
    effectiveFrom: l.effectiveFrom,
    vnd: l.vnd,
    ...(l.legalBasis ? { legalBasis: l.legalBasis } : {}),
  }));
}

/**
 * The rules as they would stand if every proposal were adopted on its own effectiveFrom: an
 * open-ended rule in force is closed the day before the earliest later proposal of the same code,
 * exactly what `adoptRule` does for real.
 */
export function asIfAdopted(rules: readonly PolicyRule[]): PolicyRule[] {
  return rules.map((rule) => {
    if (rule.status !== 'in_force' || rule.effectiveTo != null) return rule;
    let next: string | undefined;
    for (const other of rules) {
      if (
        other.status === 'proposed' &&
        other.code === rule.code &&
        other.effectiveFrom > rule.effectiveFrom &&
        (next === undefined || other.effectiveFrom < next)
      ) {
        next = other.effectiveFrom;
      }
    }
    return next === undefined ? rule : { ...rule, effectiveTo: addDays(next, -1) };
  });
}

function buildSet(levels: BaseLevel[], rules: readonly PolicyRule[]): PolicySet {
  return parsePolicySet({ id: 'province', version: String(rules.length), baseLevels: levels, rules });
}

/** What pays people: the rules in force (any date) and the base-level schedule. */
export async function loadInForcePolicy(db: Queryable): Promise<PolicySet> {
  const [levels, rows] = await Promise.all([readBaseLevels(db), readRules(db)]);
  return buildSet(
    levels,
    rows.map((r) => r.definition).filter((rule) => rule.status === 'in_force'),
  );
}

/**
 * A planner's what-if: the stored rules that are not archived, with `overrides` replacing the stored
 * versions of the same code and effectiveFrom (or added); an override with status 'archived' removes
 * that version. Proposals supersede the rules in force they would replace (see `asIfAdopted`).
 */
export async function loadScenarioPolicy(
  db: Queryable,
  overrides: readonly PolicyRule[] = [],
): Promise<PolicySet> {
  const [levels, rows] = await Promise.all([readBaseLevels(db), readRules(db)]);
  const key = (rule: PolicyRule) => `${rule.code}@${rule.effectiveFrom}`;
  const replacing = new Map(overrides.map((rule) => [key(rule), rule]));
  const rules: PolicyRule[] = [];
  for (const { definition } of rows) {
    const replacement = replacing.get(key(definition));
    if (replacement) {
      rules.push(replacement);
      replacing.delete(key(definition));
    } else rules.push(definition);
  }
  rules.push(...replacing.values());
  return asFieldErrors('rules', () =>
    buildSet(levels, asIfAdopted(rules.filter((rule) => rule.status !== 'archived'))),
  );
}

/**
 * Errors of the whole set (a dangling reference, two overlapping versions) are reported on the form
 * field that caused them (`rule`, or `rules` for a preview), with the set's own message.
 */
function asFieldErrors<T>(field: string, validate: () => T): T {
  try {
    return validate();
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    throw new ZodRealError(error.issues.map((issue) => ({ ...issue, path: [field] })));
  }
}

/** An input error raised by the service. `ZodRealError` is the ZodError that is also an `Error`, as parse throws. */
function invalid(path: (string | number)[], message: string): ZodError {
  return new ZodRealError([{ code: 'custom', message, path, input: undefined }]);
}

/** Both views the engine reads after a write must be valid: as if adopted, and the rules in force alone. */
function validateStored(levels: BaseLevel[], rules: readonly PolicyRule[]): void {
  asFieldErrors('rule', () => {
    const live = rules.filter((rule) => rule.status !== 'archived');
    buildSet(levels, asIfAdopted(live));
    buildSet(
      levels,
      live.filter((rule) => rule.status === 'in_force'),
    );
  });
}

export function toStoredRule(row: RuleRow): StoredRule {
  return {
    id: row.id,
    version: row.version,
    rule: row.definition,
    adoptedAt: row.adoptedAt,
    updatedAt: row.updatedAt,
  };
}

export async function policyOverview(db: Db): Promise<{
  baseLevels: { effectiveFrom: string; vnd: number; legalBasis: string | null }[];
  rules: StoredRule[];
}> {
  const [levels, rows] = await Promise.all([
    db
      .select({
        effectiveFrom: baseLevels.effectiveFrom,
        vnd: baseLevels.vnd,
        legalBasis: baseLevels.legalBasis,
      })
      .from(baseLevels)
      .orderBy(asc(baseLevels.effectiveFrom)),
    readRules(db),
  ]);
  return { baseLevels: levels, rules: rows.map(toStoredRule) };
}

async function lockPolicies(tx: Queryable): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${POLICY_LOCK_KEY})`);
}

async function findRule(tx: Queryable, id: string): Promise<RuleRow> {
  const [row] = await tx.select(ruleColumns).from(policyRules).where(eq(policyRules.id, id));
  if (!row) throw new DomainError('RULE_NOT_FOUND');
  return { ...row, definition: row.definition as PolicyRule };
}

/** Locks the row and checks it still is the version the person edited. */
async function lockedRule(tx: Queryable, id: string, version: number): Promise<RuleRow> {
  await tx.select({ id: policyRules.id }).from(policyRules).where(eq(policyRules.id, id)).for('update');
  const row = await findRule(tx, id);
  if (row.version !== version) throw new DomainError('STALE_VERSION', { currentVersion: row.version });
  return row;
}

/** The stored rules with one version replaced (or added), for whole-set validation. */
function withRule(rows: readonly RuleRow[], id: string | null, rule: PolicyRule): PolicyRule[] {
  const rules = rows.filter((row) => row.id !== id).map((row) => row.definition);
  rules.push(rule);
  return rules;
}

/** Two versions of a code may not start on the same day, archived or not (unique in the database). */
function assertFreeStart(rows: readonly RuleRow[], id: string | null, rule: PolicyRule): void {
  const taken = rows.some(
    (row) =>
      row.id !== id &&
      row.definition.code === rule.code &&
      row.definition.effectiveFrom === rule.effectiveFrom,
  );
  if (taken) {
    throw invalid(
      ['rule', 'effectiveFrom'],
      `A version of ${rule.code} starting on ${rule.effectiveFrom} already exists`,
    );
  }
}

/** A race past `assertFreeStart` still reads as an input error, not a server fault. */
async function guardUnique<T>(work: () => Promise<T>, rule: PolicyRule): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const violation = constraintViolationOf(error);
    if (
      violation?.sqlState === pgErrorCodes.uniqueViolation &&
      violation.constraint === 'policy_rules_code_from_key'
    ) {
      throw invalid(
        ['rule', 'effectiveFrom'],
        `A version of ${rule.code} starting on ${rule.effectiveFrom} already exists`,
      );
    }
    throw error;
  }
}

function audit(
  tx: Queryable,
  actor: SessionUser,
  meta: RequestMeta,
  action: string,
  id: string,
  before: unknown,
  after: unknown,
) {
  return recordAudit(tx, meta, {
    actorId: actor.id,
    action,
    entityType: 'policy_rule',
    entityId: id,
    before,
    after,
  });
}

export async function createRule(
  db: Db,
  actor: SessionUser,
  meta: RequestMeta,
  input: { rule: PolicyRule },
): Promise<StoredRule> {
  const rule = policyRuleSchema.parse(input.rule);
  if (rule.status !== 'proposed') throw invalid(['rule', 'status'], 'A new rule starts as a proposal');
  return guardUnique(
    () =>
      db.transaction(async (tx) => {
        await lockPolicies(tx);
        const [levels, rows] = await Promise.all([readBaseLevels(tx), readRules(tx)]);
        assertFreeStart(rows, null, rule);
        validateStored(levels, withRule(rows, null, rule));
        const [created] = await tx
          .insert(policyRules)
          .values({ definition: rule, createdBy: actor.id })
          .returning({ id: policyRules.id });
        if (!created) throw new Error('insert returned no row');
        const after = toStoredRule(await findRule(tx, created.id));
        await audit(tx, actor, meta, 'policy.create', created.id, undefined, after);
        return after;
      }),
    rule,
  );
}

export async function updateRule(
  db: Db,
  actor: SessionUser,
  meta: RequestMeta,
  input: { id: string; version: number; rule: PolicyRule },
): Promise<StoredRule> {
  const rule = policyRuleSchema.parse(input.rule);
  return guardUnique(
    () =>
      db.transaction(async (tx) => {
        await lockPolicies(tx);
        const current = await lockedRule(tx, input.id, input.version);
        // Rules in force change only by adopting a new dated version; archived ones not at all.
        if (current.definition.status !== 'proposed') {
          throw new DomainError('RULE_NOT_EDITABLE', { status: current.definition.status });
        }
        if (rule.status !== 'proposed') {
          throw invalid(['rule', 'status'], 'A proposal stays a proposal until it is adopted');
        }
        if (rule.code !== current.definition.code) {
          throw invalid(['rule', 'code'], 'The code of a rule cannot change');
        }
        const [levels, rows] = await Promise.all([readBaseLevels(tx), readRules(tx)]);
        assertFreeStart(rows, input.id, rule);
        validateStored(levels, withRule(rows, input.id, rule));
        const before = toStoredRule(current);
        await tx
          .update(policyRules)
          .set({ definition: rule, version: sql`${policyRules.version} + 1`, updatedAt: sql`now()` })
          .where(eq(policyRules.id, input.id));
        const after = toStoredRule(await findRule(tx, input.id));
        await audit(tx, actor, meta, 'policy.update', input.id, before, after);
        return after;
      }),
    rule,
  );
}

/**
 * Proposal → in force from `effectiveFrom`. The open-ended version in force that starts earlier is
 * closed the day before, in the same transaction, so no day is covered twice and none is dropped.
 */
export async function adoptRule(
  db: Db,
  actor: SessionUser,
  meta: RequestMeta,
  input: { id: string; version: number; effectiveFrom: string },
): Promise<StoredRule> {
  return db.transaction(async (tx) => {
    await lockPolicies(tx);
    const current = await lockedRule(tx, input.id, input.version);
    if (current.definition.status !== 'proposed') {
      throw new DomainError('RULE_NOT_EDITABLE', { status: current.definition.status });
    }
    if (current.definition.amountIsPlaceholder) {
      // Directive 3715 groups ship with a stand-in amount: a planner must set it before it can pay.
      throw invalid(['id'], 'Set the amount of this proposal before adopting it');
    }
    const adopted = policyRuleSchema.parse({
      ...current.definition,
      status: 'in_force',
      effectiveFrom: input.effectiveFrom,
    });
    const [levels, rows] = await Promise.all([readBaseLevels(tx), readRules(tx)]);
    assertFreeStart(rows, input.id, adopted);

    const superseded = rows.filter(
      (row) =>
        row.id !== input.id &&
        row.definition.code === adopted.code &&
        row.definition.status === 'in_force' &&
        row.definition.effectiveTo == null &&
        row.definition.effectiveFrom < adopted.effectiveFrom,
    );
    const closed = superseded.map((row) => ({
      row,
      definition: policyRuleSchema.parse({
        ...row.definition,
        effectiveTo: addDays(adopted.effectiveFrom, -1),
      }),
    }));
    const after = rows
      .filter((row) => row.id !== input.id)
      .map((row) => closed.find((c) => c.row.id === row.id)?.definition ?? row.definition);
    after.push(adopted);
    validateStored(levels, after);

    for (const { row, definition } of closed) {
      await tx
        .update(policyRules)
        .set({ definition, version: sql`${policyRules.version} + 1`, updatedAt: sql`now()` })
        .where(eq(policyRules.id, row.id));
      await audit(
        tx,
        actor,
        meta,
        'policy.supersede',
        row.id,
        toStoredRule(row),
        toStoredRule(await findRule(tx, row.id)),
      );
    }
    await guardUnique(
      () =>
        tx
          .update(policyRules)
          .set({
            definition: adopted,
            version: sql`${policyRules.version} + 1`,
            adoptedAt: sql`now()`,
            adoptedBy: actor.id,
            updatedAt: sql`now()`,
          })
          .where(eq(policyRules.id, input.id)),
      adopted,
    );
    const result = toStoredRule(await findRule(tx, input.id));
    await audit(tx, actor, meta, 'policy.adopt', input.id, toStoredRule(current), result);
    return result;
  });
}

export async function archiveRule(
  db: Db,
  actor: SessionUser,
  meta: RequestMeta,
  input: { id: string; version: number },
): Promise<StoredRule> {
  return db.transaction(async (tx) => {
    await lockPolicies(tx);
    const current = await lockedRule(tx, input.id, input.version);
    if (current.definition.status === 'archived') {
      throw new DomainError('RULE_NOT_EDITABLE', { status: 'archived' });
    }
    const archived = policyRuleSchema.parse({ ...current.definition, status: 'archived' });
    const [levels, rows] = await Promise.all([readBaseLevels(tx), readRules(tx)]);
    // Archiving a rule others refer to (e.g. the nurturing allowance) is refused by the validation.
    validateStored(levels, withRule(rows, input.id, archived));
    await tx
      .update(policyRules)
      .set({ definition: archived, version: sql`${policyRules.version} + 1`, updatedAt: sql`now()` })
      .where(eq(policyRules.id, input.id));
    const after = toStoredRule(await findRule(tx, input.id));
    await audit(tx, actor, meta, 'policy.archive', input.id, toStoredRule(current), after);
    return after;
  });
}

/**
 * Sets the base level from a date (Art. 4: a province may set a higher level than the national one);
 * a level already starting that day is replaced.
 */
export async function setBaseLevel(
  db: Db,
  actor: SessionUser,
  meta: RequestMeta,
  input: { effectiveFrom: string; vnd: number; legalBasis: string },
): Promise<{ effectiveFrom: string; vnd: number; legalBasis: string | null }> {
  return db.transaction(async (tx) => {
    await lockPolicies(tx);
    const [existing] = await tx
      .select({
        effectiveFrom: baseLevels.effectiveFrom,
        vnd: baseLevels.vnd,
        legalBasis: baseLevels.legalBasis,
      })
      .from(baseLevels)
      .where(eq(baseLevels.effectiveFrom, input.effectiveFrom))
      .for('update');
    const [levels, rows] = await Promise.all([readBaseLevels(tx), readRules(tx)]);
    const next = levels.filter((l) => l.effectiveFrom !== input.effectiveFrom);
    next.push({ effectiveFrom: input.effectiveFrom, vnd: input.vnd, legalBasis: input.legalBasis });
    next.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0));
    validateStored(
      next,
      rows.map((r) => r.definition),
    );
    const values = { effectiveFrom: input.effectiveFrom, vnd: input.vnd, legalBasis: input.legalBasis };
    await tx
      .insert(baseLevels)
      .values(values)
      .onConflictDoUpdate({
        target: baseLevels.effectiveFrom,
        set: { vnd: input.vnd, legalBasis: input.legalBasis },
      });
    await recordAudit(tx, meta, {
      actorId: actor.id,
      action: 'policy.base_level',
      entityType: 'base_level',
      entityId: input.effectiveFrom,
      before: existing ?? null,
      after: values,
    });
    return values;
  });
}
