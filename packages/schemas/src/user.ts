import { roles } from '@ansinh/domain/roles';
import { z } from 'zod';
import { pageInput, pageOf, searchText, text } from './common.ts';
import { ruleMessage, ruleText } from './messages.ts';

/** Long passphrases beat complexity rules (NIST SP 800-63B); 10 characters is the floor. */
export const password = z.string().min(10, ruleMessage('passwordTooShort')).max(256);

export const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,64}$/, ruleMessage('username'));

/**
 * Centre staff and managers belong to exactly one facility; operators to the facilities they run;
 * department roles to none. The database enforces the same with CHECKs on users.facility_id.
 */
const assignment = z
  .object({
    role: z.enum(roles),
    // The same facility picked twice is one facility, not an error.
    facilityIds: z
      .array(z.uuid())
      .default([])
      .transform((ids) => [...new Set(ids)]),
  })
  .superRefine((v, ctx) => {
    const n = v.facilityIds.length;
    const centre = v.role === 'facility_manager' || v.role === 'facility_staff';
    if (centre && n !== 1)
      ctx.addIssue({ code: 'custom', path: ['facilityIds'], message: ruleText('oneFacility') });
    if ((v.role === 'admin' || v.role === 'planner') && n !== 0)
      ctx.addIssue({ code: 'custom', path: ['facilityIds'], message: ruleText('noFacility') });
  });

export const fullName = text(2, 120);

export const userCreateInput = z.object({ username, fullName, password }).and(assignment);
export type UserCreateInput = z.infer<typeof userCreateInput>;

export const userAssignInput = z.object({ id: z.uuid(), version: z.int().min(1) }).and(assignment);
export const userResetPasswordInput = z.object({ id: z.uuid(), password });
export const userDeactivateInput = z.object({ id: z.uuid(), version: z.int().min(1) });

export const user = z.object({
  id: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  role: z.enum(roles),
  facilityIds: z.array(z.uuid()),
  isActive: z.boolean(),
  version: z.int(),
  createdAt: z.date(),
});
export type User = z.infer<typeof user>;

export const userListInput = z.object({ search: searchText, ...pageInput });
export const userPage = pageOf(user);
