import { describe, expect, it } from 'vitest';
import { escapeLikePattern, foldDiacritics, normalizeText } from '../src/text.ts';

describe('normalizeText', () => {
  it('stores decomposed (NFD) Vietnamese as precomposed NFC', () => {
    const nfd = 'Trung tâm Bảo trợ Đồng Hỷ'.normalize('NFD');
    const result = normalizeText(nfd);
    expect(result).toBe('Trung tâm Bảo trợ Đồng Hỷ'.normalize('NFC'));
    expect(result.length).toBeLessThan(nfd.length);
  });

  it('trims and collapses inner whitespace', () => {
    expect(normalizeText('  Xã   Đồng\tHỷ \n')).toBe('Xã Đồng Hỷ');
  });
});

describe('foldDiacritics', () => {
  it.each([
    ['Trung tâm Bảo trợ', 'trung tam bao tro'],
    ['ĐỒNG HỶ', 'dong hy'],
    ['Đắk Lắk', 'dak lak'],
    ['Nguyễn Thị Hoa'.normalize('NFD'), 'nguyen thi hoa'],
    ['Phường Phổ Yên', 'phuong pho yen'],
  ])('%s → %s', (input, expected) => {
    expect(foldDiacritics(input)).toBe(expected);
  });
});

describe('escapeLikePattern', () => {
  it.each([
    ['100%', '100\\%'],
    ['a_b', 'a\\_b'],
    ['c:\\x', 'c:\\\\x'],
    ['plain', 'plain'],
  ])('%s → %s', (input, expected) => {
    expect(escapeLikePattern(input)).toBe(expected);
  });
});
