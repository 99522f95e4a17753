/** The API prints at most this many labels at once (labelSheetInput). */
export const MAX_LABELS = 500;

export function labelSheetLink(itemIds: readonly string[]): string {
  return `/equipment/labels?ids=${itemIds.join(',')}`;
}
