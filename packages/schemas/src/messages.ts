import { z } from 'zod';

/**
 * Zod's stock Vietnamese messages read like a type checker ("mong đợi string"); people filling in a form
 * need plain words. Custom messages inside schemas are i18n keys (errors.*) that the web app translates.
 */
type Lang = 'vi' | 'en';

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
        return w.badChoice;
      default:
        return undefined;
    }
  };
}

export function setValidationLanguage(lang: Lang): void {
  z.config({ customError: validationMessages(lang) });
}
