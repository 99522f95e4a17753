/**
 * Median wall time of five runs after one warm-up run, in ms. A single run measures the test machine's
 * scheduling (other test files run in parallel workers) as much as the code.
 */
export function medianMs(run: () => unknown): number {
  run();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[2] as number;
}
