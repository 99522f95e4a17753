/**
 * Benchmark: one month for 50,000 synthetic residents.
 *   npx tsx packages/domain/bench/entitlements.ts (also part of `npm run bench`)
 * Prints the time of `scenarioCost` (no explanation text, the planners' preview) and of `monthEvaluator`
 * with explanations (a full monthly list): the first run, then the median of five more.
 */
import { monthEvaluator, scenarioCost } from '../src/entitlements/engine.ts';
import { parsePolicySet } from '../src/entitlements/policy.ts';
import { statutoryPolicySet } from '../src/entitlements/statutory.ts';
import { syntheticResidents } from '../src/entitlements/synthetic.ts';

const COUNT = 50_000;
const MONTH = '2026-03';

/** Cold (first) run and the median of five warm runs, in ms. */
function time<T>(run: () => T): { cold: number; warm: number; result: T } {
  let start = performance.now();
  const result = run();
  const cold = performance.now() - start;
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) {
    start = performance.now();
    run();
    warm.push(performance.now() - start);
  }
  warm.sort((a, b) => a - b);
  return { cold, warm: warm[2] ?? cold, result };
}

const policy = parsePolicySet(statutoryPolicySet);
const residents = syntheticResidents(COUNT, MONTH);
const include = 'in_force_and_proposed';

const cost = time(() => scenarioCost(residents, MONTH, policy, { include }));
console.log(
  `scenarioCost, ${COUNT} residents × ${cost.result.byRule.length} rules, ${MONTH}: ` +
    `${cost.warm.toFixed(0)} ms (first run ${cost.cold.toFixed(0)} ms); ` +
    `total ${cost.result.totalVnd.toLocaleString('en')} VND, ${cost.result.residentsWithUnknown} residents with unknowns`,
);

const evaluateOne = monthEvaluator(MONTH, policy, { include });
const full = time(() => {
  let outcomes = 0;
  for (const facts of residents) outcomes += evaluateOne(facts).length;
  return outcomes;
});
console.log(
  `monthEvaluator with explanations, ${COUNT} residents: ${full.warm.toFixed(0)} ms (first run ${full.cold.toFixed(0)} ms)`,
);
