import { describe, expect, it } from 'vitest';
import {
  checkIdNumber,
  ID_NUMBER_PROVINCES,
  type IdNumberPerson,
  idNumberKind,
  idNumberProvince,
  normalizeIdNumber,
} from '../src/id-number.ts';

const codesOf = (idNumber: string, person: IdNumberPerson = {}) =>
  checkIdNumber(idNumber, person).problems.map((p) => [p.code, p.digits]);

describe('checkIdNumber — valid 12-digit numbers', () => {
  it.each<[string, string, IdNumberPerson]>([
    ['Thái Nguyên boy born 2015', '019215000123', { birthDate: '2015-03-04', sex: 'male' }],
    ['Thái Nguyên girl born 2015', '019315000123', { birthDate: '2015-03-04', sex: 'female' }],
    ['man born 1950', '019050004567', { birthDate: '1950-11-30', sex: 'male' }],
    ['woman born 1950', '019150004567', { birthDate: '1950-11-30', sex: 'female' }],
    ['man born 1999-12-31', '001099000001', { birthDate: '1999-12-31', sex: 'male' }],
    ['girl born 2000-01-01', '079300000001', { birthDate: '2000-01-01', sex: 'female' }],
    ['boy born 2100', '006400000001', { birthDate: '2100-01-01', sex: 'male' }],
    ['girl born 2100', '006500000001', { birthDate: '2100-01-01', sex: 'female' }],
    ['Cà Mau, last code in the list', '096215000123', { birthDate: '2015-01-01', sex: 'male' }],
  ])('%s: %s', (_label, idNumber, person) => {
    expect(checkIdNumber(idNumber, person)).toEqual({ kind: 'citizen', normalized: idNumber, problems: [] });
  });
});

describe('checkIdNumber — each problem names its digits', () => {
  it.each<[string, string, IdNumberPerson, string, string, string, string]>([
    [
      'province',
      '003215000123',
      { birthDate: '2015-03-04', sex: 'male' },
      'province',
      '1–3',
      'Chữ số thứ 1–3 là 003',
      'Digits 1–3 are 003',
    ],
    [
      'century',
      '019015000123',
      { birthDate: '2015-03-04', sex: 'male' },
      'century',
      '4',
      'Chữ số thứ 4 là 0 (nam, sinh thế kỷ 20) nhưng hồ sơ ghi sinh năm 2015; phải là 2 (nam, sinh thế kỷ 21)',
      'Digit 4 is 0 (male, born in the 1900s) but the record says born 2015; it should be 2 (male, born in the 2000s)',
    ],
    [
      'sex',
      '019315000123',
      { birthDate: '2015-03-04', sex: 'male' },
      'sex',
      '4',
      'Chữ số thứ 4 là 3 (nữ, sinh thế kỷ 21) nhưng hồ sơ ghi nam, sinh năm 2015; phải là 2 (nam, sinh thế kỷ 21)',
      'Digit 4 is 3 (female, born in the 2000s) but the record says male, born 2015; it should be 2 (male, born in the 2000s)',
    ],
    [
      'year',
      '019214000123',
      { birthDate: '2015-03-04', sex: 'male' },
      'year',
      '5–6',
      'Chữ số thứ 5–6 là 14 nhưng năm sinh là 2015; phải là 15',
      'Digits 5–6 are 14 but the birth year is 2015; they should be 15',
    ],
    [
      'digit 4 out of range',
      '019715000123',
      {},
      'century',
      '4',
      'Chữ số thứ 4 là 7, không phải mã thế kỷ và giới tính hợp lệ (0–5); phải là một chữ số từ 0 đến 5',
      'Digit 4 is 7, which is not a valid century-and-sex code (0–5); it should be a digit from 0 to 5',
    ],
    [
      'digit 4 out of range, record known',
      '019915000123',
      { birthDate: '2015-03-04', sex: 'female' },
      'century',
      '4',
      'Chữ số thứ 4 là 9, không phải mã thế kỷ và giới tính hợp lệ (0–5); phải là 3 (nữ, sinh thế kỷ 21)',
      'Digit 4 is 9, which is not a valid century-and-sex code (0–5); it should be 3 (female, born in the 2000s)',
    ],
    [
      'birth year outside the encoded centuries',
      '019099000123',
      { birthDate: '1899-06-01', sex: 'male' },
      'century',
      '4',
      'nằm ngoài các thế kỷ mà chữ số thứ 4 mã hóa (1900–2199)',
      'lies outside the centuries digit 4 encodes (1900–2199)',
    ],
  ])('%s', (_label, idNumber, person, code, digits, vi, en) => {
    const result = checkIdNumber(idNumber, person);
    expect(result.kind).toBe('citizen');
    expect(result.problems).toHaveLength(1);
    const [problem] = result.problems;
    expect(problem?.code).toBe(code);
    expect(problem?.digits).toBe(digits);
    expect(problem?.message.vi).toContain(vi);
    expect(problem?.message.en).toContain(en);
  });

  it('reports several problems at once, in digit order', () => {
    // 003 is no province; 1 = female 1900s for a boy born 2015; 14 ≠ 15.
    const result = checkIdNumber('003114000000', { birthDate: '2015-03-04', sex: 'male' });
    expect(result.problems.map((p) => [p.code, p.digits])).toEqual([
      ['province', '1–3'],
      ['century', '4'],
      ['sex', '4'],
      ['year', '5–6'],
    ]);
    // Both digit-4 problems point at the same fix.
    for (const problem of result.problems.filter((p) => p.digits === '4')) {
      expect(problem.message.vi).toContain('phải là 2 (nam, sinh thế kỷ 21)');
      expect(problem.message.en).toContain('it should be 2 (male, born in the 2000s)');
    }
  });

  it('keeps the number’s own sex in the suggested digit when the record has no sex', () => {
    const [problem] = checkIdNumber('019350000123', { birthDate: '1950-01-01' }).problems;
    expect(problem?.code).toBe('century');
    expect(problem?.message.vi).toContain('phải là 1 (nữ, sinh thế kỷ 20)');
  });
});

describe('checkIdNumber — partial records', () => {
  it.each<[string, string, IdNumberPerson, string[][]]>([
    [
      'year-only precision still checks the year',
      '019214000123',
      { birthDate: '2015-01-01', birthDatePrecision: 'year' },
      [['year', '5–6']],
    ],
    [
      'year-only precision still checks the century',
      '019015000123',
      { birthDate: '2015-01-01', birthDatePrecision: 'year' },
      [['century', '4']],
    ],
    [
      'a bare year is read too',
      '019214000123',
      { birthDate: '2015', birthDatePrecision: 'year' },
      [['year', '5–6']],
    ],
    ['no birth date, no sex: nothing to compare', '019014000123', {}, []],
    ['no person at all', '019014000123', {}, []],
    ['no birth date: province still checked', '003014000123', {}, [['province', '1–3']]],
    ['no birth date: digit-4 range still checked', '019814000123', {}, [['century', '4']]],
    ['no birth date, sex known: sex still checked', '019314000123', { sex: 'male' }, [['sex', '4']]],
    ['no sex: century and year checked, sex not', '019314000123', { birthDate: '2014-05-05' }, []],
    ['unreadable birth date is not compared', '019014000123', { birthDate: '15/03/2015', sex: 'male' }, []],
  ])('%s', (_label, idNumber, person, expected) => {
    expect(codesOf(idNumber, person)).toEqual(expected);
  });

  it('treats the person argument as optional', () => {
    expect(checkIdNumber('019215000123').problems).toEqual([]);
  });
});

describe('checkIdNumber — legacy and invalid formats', () => {
  it.each([
    ['123456789', '123456789'],
    ['123 456 789', '123456789'],
    ['123.456.789', '123456789'],
  ])('9-digit CMND %s is legacy with no problems', (input, normalized) => {
    expect(checkIdNumber(input, { birthDate: '1970-01-01', sex: 'female' })).toEqual({
      kind: 'legacy',
      normalized,
      problems: [],
    });
  });

  it.each([
    ['10 digits', '0192150001', '1–10'],
    ['11 digits', '01921500012', '1–11'],
    ['13 digits', '0192150001234', '1–13'],
    ['empty', '', ''],
    ['only separators', ' - . ', ''],
    ['a letter', '0192A5000123', '5'],
    ['letters in a 9-char value', 'B1234567C', '1, 9'],
    ['other punctuation', '019/215/000123', '4, 8'],
  ])('%s → invalid with a format problem', (_label, input, digits) => {
    const result = checkIdNumber(input, { birthDate: '2015-01-01', sex: 'male' });
    expect(result.kind).toBe('invalid');
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.code).toBe('format');
    expect(result.problems[0]?.digits).toBe(digits);
  });

  it('explains a wrong length in both languages', () => {
    const [problem] = checkIdNumber('0192150001').problems;
    expect(problem?.message.vi).toBe(
      'Số định danh có 10 chữ số nhưng phải có 12 chữ số (hoặc 9 chữ số với CMND cũ)',
    );
    expect(problem?.message.en).toBe(
      'The ID number has 10 digits but must have 12 (or 9 for an old CMND card)',
    );
  });

  it('names the non-digit character', () => {
    const [problem] = checkIdNumber('0192A5000123').problems;
    expect(problem?.message.vi).toContain("Ký tự thứ 5 ('A') không phải chữ số");
    expect(problem?.message.en).toContain("Character 5 ('A') is not a digit");
  });
});

describe('separators', () => {
  it.each([
    ['019 215 000 123', '019215000123'],
    ['019.215.000.123', '019215000123'],
    ['019-215-000-123', '019215000123'],
    ['019–215—000 123', '019215000123'],
    [' 019\u00a0215 000123 ', '019215000123'],
  ])('%j is checked as %s', (input, normalized) => {
    expect(normalizeIdNumber(input)).toBe(normalized);
    expect(checkIdNumber(input, { birthDate: '2015-03-04', sex: 'male' })).toEqual({
      kind: 'citizen',
      normalized,
      problems: [],
    });
  });
});

describe('idNumberKind', () => {
  it.each([
    ['019215000123', 'citizen'],
    ['019 215 000 123', 'citizen'],
    ['003915000123', 'citizen'],
    ['123456789', 'legacy'],
    ['12345678', 'invalid'],
    ['0192A5000123', 'invalid'],
    ['', 'invalid'],
  ])('%s → %s', (input, kind) => {
    expect(idNumberKind(input)).toBe(kind);
  });
});

describe('ID_NUMBER_PROVINCES', () => {
  it('holds the 63 pre-2025 codes, each once', () => {
    expect(ID_NUMBER_PROVINCES).toHaveLength(63);
    expect(new Set(ID_NUMBER_PROVINCES.map((p) => p.code)).size).toBe(63);
    expect(new Set(ID_NUMBER_PROVINCES.map((p) => p.name)).size).toBe(63);
    for (const p of ID_NUMBER_PROVINCES) expect(p.code).toMatch(/^\d{2}$/);
  });

  it.each([
    ['019215000123', 'Thái Nguyên'],
    ['006215000123', 'Bắc Kạn'],
    ['001215000123', 'Hà Nội'],
    ['079215000123', 'TP Hồ Chí Minh'],
    ['003215000123', undefined],
    ['123456789', undefined],
  ])('%s → %s', (input, name) => {
    expect(idNumberProvince(input)).toBe(name);
  });
});
