/**
 * Personal ID numbers (số định danh cá nhân / CCCD, 12 digits) encode where the birth was registered,
 * the century of birth, the sex and the birth year. A number that disagrees with the recorded birth date
 * or sex is a data error: it is reported, never silently accepted. Older 9-digit ID cards (CMND) still
 * appear in old records; only their format can be checked.
 *
 * Layout of the 12 digits:
 *   1–3   '0' + two-digit province code where the birth was registered (pre-2025 codes stay valid)
 *   4     century and sex: 1900s 0 male / 1 female, 2000s 2 / 3, 2100s 4 / 5
 *   5–6   last two digits of the birth year
 *   7–12  random
 */

export type IdNumberProblemCode = 'format' | 'province' | 'century' | 'sex' | 'year';

export interface IdNumberProblem {
  code: IdNumberProblemCode;
  /** 1-based positions at fault, e.g. '1–3', '4', '5–6'. */
  digits: string;
  message: { vi: string; en: string };
}

export type IdNumberCheck =
  | { kind: 'citizen'; normalized: string; problems: IdNumberProblem[] }
  | { kind: 'legacy'; normalized: string; problems: IdNumberProblem[] }
  | { kind: 'invalid'; normalized: string; problems: IdNumberProblem[] };

export type IdNumberKind = IdNumberCheck['kind'];

export interface IdNumberPerson {
  /** YYYY-MM-DD; with precision 'year' only the year is meaningful. */
  birthDate?: string;
  birthDatePrecision?: 'day' | 'year';
  sex?: 'male' | 'female';
}

/**
 * The 63 pre-2025 two-digit province codes. Digits 1–3 of a personal ID number are '0' followed by one
 * of these. The 2025 merged-province codes are a subset, so this list stays the set of valid prefixes.
 */
export const ID_NUMBER_PROVINCES: readonly { readonly code: string; readonly name: string }[] = [
  { code: '01', name: 'Hà Nội' },
  { code: '02', name: 'Hà Giang' },
  { code: '04', name: 'Cao Bằng' },
  { code: '06', name: 'Bắc Kạn' },
  { code: '08', name: 'Tuyên Quang' },
  { code: '10', name: 'Lào Cai' },
  { code: '11', name: 'Điện Biên' },
  { code: '12', name: 'Lai Châu' },
  { code: '14', name: 'Sơn La' },
  { code: '15', name: 'Yên Bái' },
  { code: '17', name: 'Hòa Bình' },
  { code: '19', name: 'Thái Nguyên' },
  { code: '20', name: 'Lạng Sơn' },
  { code: '22', name: 'Quảng Ninh' },
  { code: '24', name: 'Bắc Giang' },
  { code: '25', name: 'Phú Thọ' },
  { code: '26', name: 'Vĩnh Phúc' },
  { code: '27', name: 'Bắc Ninh' },
  { code: '30', name: 'Hải Dương' },
  { code: '31', name: 'Hải Phòng' },
  { code: '33', name: 'Hưng Yên' },
  { code: '34', name: 'Thái Bình' },
  { code: '35', name: 'Hà Nam' },
  { code: '36', name: 'Nam Định' },
  { code: '37', name: 'Ninh Bình' },
  { code: '38', name: 'Thanh Hóa' },
  { code: '40', name: 'Nghệ An' },
  { code: '42', name: 'Hà Tĩnh' },
  { code: '44', name: 'Quảng Bình' },
  { code: '45', name: 'Quảng Trị' },
  { code: '46', name: 'Thừa Thiên Huế' },
  { code: '48', name: 'Đà Nẵng' },
  { code: '49', name: 'Quảng Nam' },
  { code: '51', name: 'Quảng Ngãi' },
  { code: '52', name: 'Bình Định' },
  { code: '54', name: 'Phú Yên' },
  { code: '56', name: 'Khánh Hòa' },
  { code: '58', name: 'Ninh Thuận' },
  { code: '60', name: 'Bình Thuận' },
  { code: '62', name: 'Kon Tum' },
  { code: '64', name: 'Gia Lai' },
  { code: '66', name: 'Đắk Lắk' },
  { code: '67', name: 'Đắk Nông' },
  { code: '68', name: 'Lâm Đồng' },
  { code: '70', name: 'Bình Phước' },
  { code: '72', name: 'Tây Ninh' },
  { code: '74', name: 'Bình Dương' },
  { code: '75', name: 'Đồng Nai' },
  { code: '77', name: 'Bà Rịa–Vũng Tàu' },
  { code: '79', name: 'TP Hồ Chí Minh' },
  { code: '80', name: 'Long An' },
  { code: '82', name: 'Tiền Giang' },
  { code: '83', name: 'Bến Tre' },
  { code: '84', name: 'Trà Vinh' },
  { code: '86', name: 'Vĩnh Long' },
  { code: '87', name: 'Đồng Tháp' },
  { code: '89', name: 'An Giang' },
  { code: '91', name: 'Kiên Giang' },
  { code: '92', name: 'Cần Thơ' },
  { code: '93', name: 'Hậu Giang' },
  { code: '94', name: 'Sóc Trăng' },
  { code: '95', name: 'Bạc Liêu' },
  { code: '96', name: 'Cà Mau' },
];

const provinceByPrefix: ReadonlyMap<string, string> = new Map(
  ID_NUMBER_PROVINCES.map((p) => [`0${p.code}`, p.name]),
);

/** Province of birth registration named by digits 1–3 of a 12-digit number, if the prefix is valid. */
export function idNumberProvince(idNumber: string): string | undefined {
  const normalized = normalizeIdNumber(idNumber);
  return /^\d{12}$/.test(normalized) ? provinceByPrefix.get(normalized.slice(0, 3)) : undefined;
}

/** Strips spaces, dots and dashes; anything else is kept so that the format check can report it. */
export function normalizeIdNumber(idNumber: string): string {
  return idNumber.replace(/[\s.\-‐‑‒–—]/g, '');
}

/** 12 digits → 'citizen', 9 digits → 'legacy' (CMND), anything else → 'invalid'. Separators are ignored. */
export function idNumberKind(idNumber: string): IdNumberKind {
  const normalized = normalizeIdNumber(idNumber);
  if (/^\d{12}$/.test(normalized)) return 'citizen';
  if (/^\d{9}$/.test(normalized)) return 'legacy';
  return 'invalid';
}

type Sex = 'male' | 'female';

/** Digit 4 = 2 × century index + (female ? 1 : 0); century index 0 = 1900s, 1 = 2000s, 2 = 2100s. */
const FIRST_CENTURY = 1900;
const CENTURY_COUNT = 3;

interface CenturySex {
  centuryStart: number;
  sex: Sex;
}

function decodeCenturySex(digit: number): CenturySex | undefined {
  if (!Number.isInteger(digit) || digit < 0 || digit >= CENTURY_COUNT * 2) return undefined;
  return {
    centuryStart: FIRST_CENTURY + Math.floor(digit / 2) * 100,
    sex: digit % 2 === 0 ? 'male' : 'female',
  };
}

function encodeCenturySex(centuryStart: number, sex: Sex): number {
  return ((centuryStart - FIRST_CENTURY) / 100) * 2 + (sex === 'female' ? 1 : 0);
}

function centuryOfYear(year: number): number | undefined {
  const start = Math.floor(year / 100) * 100;
  return start >= FIRST_CENTURY && start < FIRST_CENTURY + CENTURY_COUNT * 100 ? start : undefined;
}

const sexVi: Record<Sex, string> = { male: 'nam', female: 'nữ' };
const sexEn: Record<Sex, string> = { male: 'male', female: 'female' };

/** Vietnamese counts 1900–1999 as "thế kỷ 20", as the ID-number rules do. */
function centuryVi(centuryStart: number): string {
  return `thế kỷ ${centuryStart / 100 + 1}`;
}

function centuryEn(centuryStart: number): string {
  return `the ${centuryStart}s`;
}

function describeVi(cs: CenturySex): string {
  return `${sexVi[cs.sex]}, sinh ${centuryVi(cs.centuryStart)}`;
}

function describeEn(cs: CenturySex): string {
  return `${sexEn[cs.sex]}, born in ${centuryEn(cs.centuryStart)}`;
}

/** The birth year in `birthDate` (YYYY-MM-DD, or a bare YYYY), or undefined when it cannot be read. */
function birthYearOf(birthDate: string | undefined): number | undefined {
  if (birthDate === undefined) return undefined;
  const match = /^(\d{4})(?:-\d{2}-\d{2})?$/.exec(birthDate.trim());
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

function formatProblem(normalized: string): IdNumberProblem {
  const bad = [...normalized].flatMap((ch, i) => (/\d/.test(ch) ? [] : [{ ch, position: i + 1 }]));
  if (bad.length > 0) {
    const positions = bad.map((b) => String(b.position)).join(', ');
    const chars = bad.map((b) => `'${b.ch}'`).join(', ');
    return {
      code: 'format',
      digits: positions,
      message: {
        vi: `Ký tự thứ ${positions} (${chars}) không phải chữ số; số định danh chỉ gồm chữ số (12 chữ số, hoặc 9 chữ số với CMND cũ)`,
        en: `Character ${positions} (${chars}) is not a digit; an ID number has only digits (12, or 9 for an old CMND card)`,
      },
    };
  }
  const length = normalized.length;
  return {
    code: 'format',
    digits: length === 0 ? '' : length === 1 ? '1' : `1–${length}`,
    message: {
      vi: `Số định danh có ${length} chữ số nhưng phải có 12 chữ số (hoặc 9 chữ số với CMND cũ)`,
      en: `The ID number has ${length} digits but must have 12 (or 9 for an old CMND card)`,
    },
  };
}

/**
 * Checks a personal ID number against its own structure and, when given, the person's recorded birth
 * date and sex. Several problems can be reported at once; an empty list means nothing was found wrong.
 *
 * - 12 digits: province (1–3), century-and-sex digit range (4) always; century (4) and year (5–6)
 *   against the birth year when it is known (precision 'day' or 'year'); sex (4) against the recorded sex.
 * - 9 digits: 'legacy' (CMND); only the format can be checked, so no problems.
 * - anything else: 'invalid' with a 'format' problem.
 */
export function checkIdNumber(idNumber: string, person: IdNumberPerson = {}): IdNumberCheck {
  const normalized = normalizeIdNumber(idNumber);
  if (/^\d{9}$/.test(normalized)) return { kind: 'legacy', normalized, problems: [] };
  if (!/^\d{12}$/.test(normalized)) {
    return { kind: 'invalid', normalized, problems: [formatProblem(normalized)] };
  }

  const problems: IdNumberProblem[] = [];
  const prefix = normalized.slice(0, 3);
  const digit4 = normalized.slice(3, 4);
  const yearDigits = normalized.slice(4, 6);

  if (!provinceByPrefix.has(prefix)) {
    problems.push({
      code: 'province',
      digits: '1–3',
      message: {
        vi: `Chữ số thứ 1–3 là ${prefix}, không phải mã tỉnh nơi đăng ký khai sinh; phải là 0 và mã tỉnh hai chữ số (ví dụ 019 Thái Nguyên)`,
        en: `Digits 1–3 are ${prefix}, which is not a province-of-birth-registration code; they should be 0 and a two-digit province code (e.g. 019 Thái Nguyên)`,
      },
    });
  }

  const birthYear = birthYearOf(person.birthDate);
  const recordCentury = birthYear === undefined ? undefined : centuryOfYear(birthYear);
  const encoded = decodeCenturySex(Number(digit4));

  // What digit 4 should be, from the record where it speaks and from the number itself where it does not.
  const expectedCentury = birthYear === undefined ? encoded?.centuryStart : recordCentury;
  const expectedSex = person.sex ?? encoded?.sex;
  const expected: CenturySex | undefined =
    expectedCentury === undefined || expectedSex === undefined
      ? undefined
      : { centuryStart: expectedCentury, sex: expectedSex };

  const shouldBeVi = (): string => {
    if (expected !== undefined)
      return `phải là ${encodeCenturySex(expected.centuryStart, expected.sex)} (${describeVi(expected)})`;
    if (birthYear !== undefined && recordCentury === undefined) {
      return `năm sinh ${birthYear} nằm ngoài các thế kỷ mà chữ số thứ 4 mã hóa (1900–2199)`;
    }
    if (expectedCentury !== undefined) {
      const male = encodeCenturySex(expectedCentury, 'male');
      return `phải là ${male} (nam) hoặc ${male + 1} (nữ) với người sinh ${centuryVi(expectedCentury)}`;
    }
    return 'phải là một chữ số từ 0 đến 5';
  };
  const shouldBeEn = (): string => {
    if (expected !== undefined)
      return `it should be ${encodeCenturySex(expected.centuryStart, expected.sex)} (${describeEn(expected)})`;
    if (birthYear !== undefined && recordCentury === undefined) {
      return `the birth year ${birthYear} lies outside the centuries digit 4 encodes (1900–2199)`;
    }
    if (expectedCentury !== undefined) {
      const male = encodeCenturySex(expectedCentury, 'male');
      return `it should be ${male} (male) or ${male + 1} (female) for someone born in ${centuryEn(expectedCentury)}`;
    }
    return 'it should be a digit from 0 to 5';
  };

  const recordVi = (withSex: boolean): string =>
    [
      withSex && person.sex !== undefined ? sexVi[person.sex] : undefined,
      birthYear === undefined ? undefined : `sinh năm ${birthYear}`,
    ]
      .filter((part) => part !== undefined)
      .join(', ');
  const recordEn = (withSex: boolean): string =>
    [
      withSex && person.sex !== undefined ? sexEn[person.sex] : undefined,
      birthYear === undefined ? undefined : `born ${birthYear}`,
    ]
      .filter((part) => part !== undefined)
      .join(', ');

  if (encoded === undefined) {
    problems.push({
      code: 'century',
      digits: '4',
      message: {
        vi: `Chữ số thứ 4 là ${digit4}, không phải mã thế kỷ và giới tính hợp lệ (0–5); ${shouldBeVi()}`,
        en: `Digit 4 is ${digit4}, which is not a valid century-and-sex code (0–5); ${shouldBeEn()}`,
      },
    });
  } else {
    if (birthYear !== undefined && encoded.centuryStart !== recordCentury) {
      problems.push({
        code: 'century',
        digits: '4',
        message: {
          vi: `Chữ số thứ 4 là ${digit4} (${describeVi(encoded)}) nhưng hồ sơ ghi ${recordVi(false)}; ${shouldBeVi()}`,
          en: `Digit 4 is ${digit4} (${describeEn(encoded)}) but the record says ${recordEn(false)}; ${shouldBeEn()}`,
        },
      });
    }
    if (person.sex !== undefined && encoded.sex !== person.sex) {
      problems.push({
        code: 'sex',
        digits: '4',
        message: {
          vi: `Chữ số thứ 4 là ${digit4} (${describeVi(encoded)}) nhưng hồ sơ ghi ${recordVi(true)}; ${shouldBeVi()}`,
          en: `Digit 4 is ${digit4} (${describeEn(encoded)}) but the record says ${recordEn(true)}; ${shouldBeEn()}`,
        },
      });
    }
  }

  if (birthYear !== undefined) {
    const expectedYearDigits = String(birthYear % 100).padStart(2, '0');
    if (yearDigits !== expectedYearDigits) {
      problems.push({
        code: 'year',
        digits: '5–6',
        message: {
          vi: `Chữ số thứ 5–6 là ${yearDigits} nhưng năm sinh là ${birthYear}; phải là ${expectedYearDigits}`,
          en: `Digits 5–6 are ${yearDigits} but the birth year is ${birthYear}; they should be ${expectedYearDigits}`,
        },
      });
    }
  }

  return { kind: 'citizen', normalized, problems };
}
