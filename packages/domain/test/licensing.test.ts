import { describe, expect, it } from 'vitest';
import { changedDepartmentOnlyField, departmentOnlyFacilityFields } from '../src/licensing.ts';

const stored = {
  ownership: 'non_public',
  status: 'operating',
  licensedCapacity: 40,
  decisionNumber: '15/GP',
  decisionDate: '2019-11-12',
  phone: '0912 345 678',
};

describe('changedDepartmentOnlyField', () => {
  it('ignores changes to fields a centre may keep current', () => {
    expect(changedDepartmentOnlyField(stored, { ...stored, phone: '0208 111 222' })).toBeUndefined();
  });

  it.each(departmentOnlyFacilityFields.map((field) => [field]))('flags a change to %s', (field) => {
    expect(changedDepartmentOnlyField(stored, { ...stored, [field]: 'changed' })).toBe(field);
  });
});
