import { z } from 'zod';

/**
 * Zod's stock Vietnamese messages read like a type checker ("mong đợi string"); people filling in a form
 * need plain words. One language is active per process: Vietnamese on the server and in scripts, the
 * user's choice in the browser, so a message is already readable wherever a schema rejects input.
 */
type Lang = 'vi' | 'en';
let active: Lang = 'vi';

const words = {
  vi: {
    required: 'Vui lòng nhập thông tin này',
    tooShort: (n: number) => `Cần ít nhất ${n} ký tự`,
    tooLong: (n: number) => `Tối đa ${n} ký tự`,
    tooSmall: (n: number) => `Giá trị nhỏ nhất là ${n}`,
    tooBig: (n: number) => `Giá trị lớn nhất là ${n}`,
    notNumber: 'Phải là một số',
    notInteger: 'Phải là số nguyên',
    badFormat: 'Không đúng định dạng',
    badDate: 'Ngày không hợp lệ',
    badChoice: 'Giá trị không hợp lệ',
    invalid: 'Giá trị không hợp lệ',
  },
  en: {
    required: 'This field is required',
    tooShort: (n: number) => `At least ${n} characters`,
    tooLong: (n: number) => `At most ${n} characters`,
    tooSmall: (n: number) => `The minimum is ${n}`,
    tooBig: (n: number) => `The maximum is ${n}`,
    notNumber: 'Must be a number',
    notInteger: 'Must be a whole number',
    badFormat: 'Invalid format',
    badDate: 'Invalid date',
    badChoice: 'Invalid choice',
    invalid: 'Invalid value',
  },
} as const;

export function validationMessages(lang: Lang): z.core.$ZodErrorMap {
  const w = words[lang];
  return (issue) => {
    switch (issue.code) {
      case 'invalid_type':
        if (issue.input === undefined || issue.input === null || issue.input === '') return w.required;
        return issue.expected === 'number' || issue.expected === 'int' ? w.notNumber : w.invalid;
      case 'too_small':
        if (issue.origin === 'string')
          return Number(issue.minimum) <= 1 ? w.required : w.tooShort(Number(issue.minimum));
        return w.tooSmall(Number(issue.minimum));
      case 'too_big':
        return issue.origin === 'string' ? w.tooLong(Number(issue.maximum)) : w.tooBig(Number(issue.maximum));
      case 'invalid_format':
        return issue.format === 'date' ? w.badDate : w.badFormat;
      case 'invalid_value':
        // An untouched select sends nothing: that is a missing answer, not a wrong one.
        return issue.input === undefined || issue.input === null || issue.input === ''
          ? w.required
          : w.badChoice;
      default:
        return undefined;
    }
  };
}

/** Messages of the project's own rules, in both languages. */
const ruleMessages = {
  vi: {
    facilityCode:
      'Mã cơ sở gồm 2–32 ký tự: chữ in hoa không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới',
    communeCode: 'Mã xã/phường gồm 5 chữ số',
    phone: 'Số điện thoại không hợp lệ',
    operatorRequired: 'Cơ sở ngoài công lập phải ghi tổ chức, cá nhân thành lập',
    operatorOnlyNonPublic: 'Chỉ cơ sở ngoài công lập mới có tổ chức, cá nhân thành lập',
    username:
      'Tên đăng nhập gồm 3–64 ký tự: chữ thường không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới',
    passwordTooShort: 'Mật khẩu cần ít nhất 10 ký tự',
    oneFacility: 'Lãnh đạo và nhân viên cơ sở phải thuộc đúng một cơ sở',
    noFacility: 'Quản trị viên và chuyên viên Sở không gắn với cơ sở nào',
    idNumberFormat: 'Số định danh gồm 12 chữ số (hoặc 9 chữ số với CMND cũ)',
    futureDate: 'Ngày không được ở tương lai',
    monthFormat: 'Tháng có dạng YYYY-MM',
  },
  en: {
    facilityCode:
      'Facility code: 2–32 characters, capital letters without accents, digits, dot, hyphen or underscore',
    communeCode: 'A commune code has 5 digits',
    phone: 'Invalid phone number',
    operatorRequired: 'A non-public facility must name its operator organisation',
    operatorOnlyNonPublic: 'Only a non-public facility has an operator organisation',
    username:
      'Username: 3–64 characters, lowercase letters without accents, digits, dot, hyphen or underscore',
    passwordTooShort: 'The password needs at least 10 characters',
    oneFacility: 'Facility managers and staff belong to exactly one facility',
    noFacility: 'Administrators and planners are not attached to a facility',
    idNumberFormat: 'A personal ID number has 12 digits (or 9 for an old ID card)',
    futureDate: 'The date cannot be in the future',
    monthFormat: 'A month is written YYYY-MM',
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type RuleMessage = keyof (typeof ruleMessages)['vi'];

/** The language messages are written in now (the server and scripts stay in Vietnamese). */
export const activeLanguage = (): Lang => active;

/** The message in the active language; refinements call it while validating. */
export const ruleText = (key: RuleMessage): string => ruleMessages[active][key];

/** For a schema check: the message is looked up when validation fails, in the language active then. */
export const ruleMessage = (key: RuleMessage) => ({ error: () => ruleText(key) });

export function setValidationLanguage(lang: Lang): void {
  active = lang;
  z.config({ customError: validationMessages(lang) });
}

setValidationLanguage('vi');
