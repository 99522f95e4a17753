import { roles } from '@ansinh/domain/roles';
import { z } from 'zod';

export const loginInput = z.object({
  username: z.string().trim().toLowerCase().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const currentUser = z.object({
  id: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  role: z.enum(roles),
  /** Facilities this user is confined to; empty for department roles, who see the whole province. */
  facilityIds: z.array(z.uuid()),
});
export type CurrentUser = z.infer<typeof currentUser>;
