export const roles = ['admin', 'planner', 'facility_manager', 'facility_staff', 'operator'] as const;
export type Role = (typeof roles)[number];

/** Roles that work inside one centre and are bound to it by `users.facility_id`. */
export const centreRoles = ['facility_manager', 'facility_staff'] as const satisfies readonly Role[];

export function isCentreRole(role: Role): role is (typeof centreRoles)[number] {
  return (centreRoles as readonly Role[]).includes(role);
}

/** Department roles see every facility of the province; everyone else sees only their own. */
export function seesWholeProvince(role: Role): boolean {
  return role === 'admin' || role === 'planner';
}

/**
 * Deny by default: an action not listed here is refused for every role.
 * Facility scope (which facilities) is checked separately from the action (what).
 */
const allowed = {
  'facility.read': ['admin', 'planner', 'facility_manager', 'facility_staff', 'operator'],
  'facility.create': ['admin', 'planner', 'operator'],
  'facility.update': ['admin', 'planner', 'facility_manager', 'facility_staff', 'operator'],
  'audit.read': ['admin', 'planner'],
  'user.manage': ['admin'],
  'resident.read': ['admin', 'planner', 'facility_manager', 'facility_staff', 'operator'],
  // The department oversees; the people caring for residents keep their records.
  'resident.write': ['admin', 'facility_manager', 'facility_staff', 'operator'],
  'entitlement.read': ['admin', 'planner', 'facility_manager', 'facility_staff', 'operator'],
  'policy.read': ['admin', 'planner', 'facility_manager', 'facility_staff', 'operator'],
  'policy.manage': ['admin', 'planner'],
  'equipment.read': ['admin', 'planner', 'facility_manager', 'facility_staff', 'operator'],
  'equipment.write': ['admin', 'facility_manager', 'facility_staff', 'operator'],
  // Moves between facilities and disposals are the department's decision.
  'equipment.approve': ['admin', 'planner'],
  'equipment.catalogue': ['admin'],
  'capacity.read': ['admin', 'planner', 'facility_manager', 'facility_staff', 'operator'],
  // Rooms, beds and who sleeps where are kept by the centre.
  'beds.manage': ['admin', 'facility_manager', 'facility_staff', 'operator'],
  'staffing.write': ['admin', 'facility_manager', 'operator'],
  // The standards, staffing norms and waitlist priority are the department's to set.
  'standards.manage': ['admin', 'planner'],
  'waitlist.read': ['admin', 'planner', 'facility_manager', 'facility_staff', 'operator'],
  'waitlist.write': ['admin', 'planner', 'facility_manager', 'facility_staff', 'operator'],
  'assessment.write': ['admin', 'planner', 'facility_manager', 'facility_staff', 'operator'],
  'proposal.read': ['admin', 'planner', 'facility_manager', 'facility_staff', 'operator'],
  // The centre drafts and submits; the department reviews, decides and follows funding through.
  'proposal.draft': ['admin', 'facility_manager', 'operator'],
  'proposal.review': ['admin', 'planner'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof allowed;
export const actions = Object.keys(allowed) as Action[];

export function can(role: Role, action: Action): boolean {
  return (allowed[action] as readonly Role[] | undefined)?.includes(role) ?? false;
}

export type FacilityScope = { kind: 'province' } | { kind: 'facilities'; facilityIds: readonly string[] };

export function canReachFacility(scope: FacilityScope, facilityId: string): boolean {
  return scope.kind === 'province' || scope.facilityIds.includes(facilityId);
}
