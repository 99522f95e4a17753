import type { FactFlag, IncomeKind, ResidentGroup } from '@ansinh/domain/entitlements/facts';
import type { Predicate } from '@ansinh/domain/entitlements/predicate';

/**
 * The shape most eligibility rules take — "in these groups, not in those, of this age, with these
 * circumstances, with one of these incomes" — which a form can edit. Anything else (an "or" of other
 * conditions, discharge reasons, references to other rules) is edited as JSON.
 */
export interface SimplePredicate {
  groups: ResidentGroup[];
  excludedGroups: ResidentGroup[];
  age: { cmp: 'lt' | 'gte'; years: number } | null;
  flags: FactFlag[];
  incomes: IncomeKind[];
}

/** The form's reading of a predicate, or null when it has parts the form cannot show. */
export function toSimple(predicate: Predicate): SimplePredicate | null {
  const parts = predicate.op === 'all' ? predicate.of : [predicate];
  const simple: SimplePredicate = { groups: [], excludedGroups: [], age: null, flags: [], incomes: [] };
  for (const part of parts) {
    if (part.op === 'group_in' && simple.groups.length === 0) simple.groups = [...part.groups];
    else if (part.op === 'not' && part.of.op === 'group_in' && simple.excludedGroups.length === 0)
      simple.excludedGroups = [...part.of.groups];
    else if (part.op === 'age' && !simple.age && part.at !== 'admission')
      simple.age = { cmp: part.cmp, years: part.years };
    else if (part.op === 'flag' && !simple.flags.includes(part.flag)) simple.flags.push(part.flag);
    else if (part.op === 'income' && simple.incomes.length === 0) simple.incomes = [part.kind];
    else if (part.op === 'any' && simple.incomes.length === 0 && part.of.every((p) => p.op === 'income'))
      simple.incomes = part.of.flatMap((p) => (p.op === 'income' ? [p.kind] : []));
    else return null;
  }
  return simple;
}

export function fromSimple(simple: SimplePredicate): Predicate {
  const of: Predicate[] = [];
  if (simple.groups.length > 0) of.push({ op: 'group_in', groups: simple.groups });
  if (simple.excludedGroups.length > 0)
    of.push({ op: 'not', of: { op: 'group_in', groups: simple.excludedGroups } });
  if (simple.age) of.push({ op: 'age', ...simple.age });
  for (const flag of simple.flags) of.push({ op: 'flag', flag });
  const [onlyIncome] = simple.incomes;
  if (simple.incomes.length === 1 && onlyIncome) of.push({ op: 'income', kind: onlyIncome });
  else if (simple.incomes.length > 1)
    of.push({ op: 'any', of: simple.incomes.map((kind) => ({ op: 'income', kind })) });
  return { op: 'all', of };
}
