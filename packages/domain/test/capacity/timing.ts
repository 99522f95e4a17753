/**
 * Median CPU time (user + system, this process) of five runs after one warm-up run, in ms. Wall time
 * on a shared machine measures how long the run waited for a core as much as the code; CPU time is
 * what the code itself costs, and equals wall time on an idle machine.
 */
export function medianMs(run: () => unknown): number {
  run();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = process.cpuUsage();
    run();
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[2] as number;
}
