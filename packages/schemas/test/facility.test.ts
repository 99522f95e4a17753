import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { facilityInput, facilityListInput } from '../src/facility.ts';
import { setValidationLanguage } from '../src/messages.ts';

const valid = {
  code: 'tn-01',
  name: 'Trung tâm Bảo trợ xã hội',
  type: 'elderly',
  ownership: 'public',
  communeCode: '05500',
  licensedCapacity: 50,
  status: 'operating',
};

const fieldErrors = (input: unknown) => {
  const result = facilityInput.safeParse(input);
  return result.success ? {} : z.flattenError(result.error).fieldErrors;
};

describe('facilityInput', () => {
  it('normalises code to upper case and text to NFC, empty optionals to null', () => {
    const parsed = facilityInput.parse({
      ...valid,
      name: `  ${valid.name.normalize('NFD')} `,
      address: '  ',
      phone: '',
    });
    expect(parsed.code).toBe('TN-01');
    expect(parsed.name).toBe(valid.name.normalize('NFC'));
    expect(parsed.address).toBeNull();
    expect(parsed.phone).toBeNull();
    expect(parsed.landAreaM2).toBeNull();
  });

  it.each([
    ['code', { code: 'x' }],
    ['code', { code: 'có dấu' }],
    ['name', { name: 'ab' }],
    ['type', { type: 'hospital' }],
    ['communeCode', { communeCode: '123' }],
    ['licensedCapacity', { licensedCapacity: -1 }],
    ['licensedCapacity', { licensedCapacity: 2.5 }],
    ['landAreaM2', { landAreaM2: -5 }],
    ['phone', { phone: 'abc' }],
    ['decisionDate', { decisionDate: '2024-02-30' }],
    ['decisionDate', { decisionDate: '15/06/2009' }],
  ])('rejects a bad %s', (field, change) => {
    expect(fieldErrors({ ...valid, ...change })).toHaveProperty(field);
  });

  it('requires an operator organisation for a non-public facility', () => {
    expect(fieldErrors({ ...valid, ownership: 'non_public' }).operatorOrganisation).toEqual([
      'Cơ sở ngoài công lập phải ghi tổ chức, cá nhân thành lập',
    ]);
    expect(fieldErrors({ ...valid, ownership: 'non_public', operatorOrganisation: 'Hội Từ thiện' })).toEqual(
      {},
    );
  });

  it('refuses an operator organisation on a public facility', () => {
    expect(fieldErrors({ ...valid, operatorOrganisation: 'Công ty A' }).operatorOrganisation).toEqual([
      'Chỉ cơ sở ngoài công lập mới có tổ chức, cá nhân thành lập',
    ]);
  });
});

describe('facilityListInput', () => {
  it('defaults to the first page of 20 sorted by name', () => {
    expect(facilityListInput.parse({})).toMatchObject({
      page: 1,
      pageSize: 20,
      sort: { field: 'name', direction: 'asc' },
    });
  });

  it('caps the page size at 100', () => {
    expect(facilityListInput.safeParse({ pageSize: 101 }).success).toBe(false);
    expect(facilityListInput.safeParse({ pageSize: 100 }).success).toBe(true);
  });
});

describe('validation messages', () => {
  it('speak plain Vietnamese by default and English on request', () => {
    setValidationLanguage('vi');
    expect(fieldErrors({ ...valid, name: undefined }).name).toEqual(['Vui lòng nhập thông tin này']);
    expect(fieldErrors({ ...valid, name: 'ab' }).name).toEqual(['Cần ít nhất 3 ký tự']);
    expect(fieldErrors({ ...valid, type: undefined }).type).toEqual(['Vui lòng nhập thông tin này']);
    expect(fieldErrors({ ...valid, type: 'hospital' }).type).toEqual(['Giá trị không hợp lệ']);
    expect(fieldErrors({ ...valid, licensedCapacity: 6000 }).licensedCapacity).toEqual([
      'Giá trị lớn nhất là 5000',
    ]);
    expect(fieldErrors({ ...valid, communeCode: '1' }).communeCode).toEqual(['Mã xã/phường gồm 5 chữ số']);
    setValidationLanguage('en');
    expect(fieldErrors({ ...valid, name: 'ab' }).name).toEqual(['At least 3 characters']);
    expect(fieldErrors({ ...valid, communeCode: '1' }).communeCode).toEqual(['A commune code has 5 digits']);
    setValidationLanguage('vi');
  });
});
