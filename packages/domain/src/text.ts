/**
 * Vietnamese text arrives precomposed (NFC) from most keyboards but decomposed (NFD) from some
 * macOS/iOS inputs and copy-paste; storing one form keeps equality, uniqueness and search honest.
 */
export function normalizeText(value: string): string {
  return value.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/** Lowercase ASCII skeleton of a Vietnamese string: "Đồng Hỷ" → "dong hy". Mirrors SQL `search_fold()`. */
export function foldDiacritics(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** Makes user input match literally inside a LIKE pattern (escape character is backslash). */
export function escapeLikePattern(value: string): string {
  return value.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}
