import { DomainError } from '@ansinh/domain/errors';
import { canReachFacility, type FacilityScope } from '@ansinh/domain/roles';
import type { SQL } from 'drizzle-orm';
import { sqlIn } from './sql.ts';

/** `column` restricted to the caller's facilities; undefined for the province-wide roles. */
export function scopeSql(scope: FacilityScope, column: SQL): SQL | undefined {
  return scope.kind === 'province' ? undefined : sqlIn(column, scope.facilityIds);
}

export function assertFacilityInScope(scope: FacilityScope, facilityId: string): void {
  if (!canReachFacility(scope, facilityId)) throw new DomainError('FORBIDDEN', { facilityId });
}
