/**
 * Licensing facts are the department's decision (Decree 103/2017 Art. 17–19 on establishment and
 * operating licences): a centre or operator keeps its own contact and space details current, but does
 * not grant itself a licence, a capacity, an ownership form or an operating status.
 */
export const departmentOnlyFacilityFields = [
  'ownership',
  'status',
  'licensedCapacity',
  'decisionNumber',
  'decisionDate',
] as const;

export type DepartmentOnlyFacilityField = (typeof departmentOnlyFacilityFields)[number];

/** The first department-only field whose value differs between the stored and the proposed record. */
export function changedDepartmentOnlyField<T extends Record<DepartmentOnlyFacilityField, unknown>>(
  before: T,
  after: T,
): DepartmentOnlyFacilityField | undefined {
  return departmentOnlyFacilityFields.find((field) => before[field] !== after[field]);
}
