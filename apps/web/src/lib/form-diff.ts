/** Only what differs from the loaded record is sent, so an edit never overwrites fields it did not touch. */
export function changedFields<T extends object>(
  parsed: T,
  original: Partial<Record<keyof T, unknown>>,
): Partial<T> {
  const changes: Partial<T> = {};
  for (const key of Object.keys(parsed) as (keyof T)[]) {
    if (parsed[key] !== original[key]) changes[key] = parsed[key];
  }
  return changes;
}

/**
 * After a version conflict: start from the latest record and re-apply what this user had changed
 * relative to the version they opened, so neither their edits nor the other person's are lost silently.
 */
export function rebaseForm<F extends object>(current: F, opened: F, latest: F): F {
  const merged = { ...latest };
  for (const key of Object.keys(merged) as (keyof F)[]) {
    if (current[key] !== opened[key]) merged[key] = current[key];
  }
  return merged;
}
