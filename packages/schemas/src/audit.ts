import { z } from 'zod';
import { pageInput, pageOf } from './common.ts';

export const auditListInput = z.object({
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(64).optional(),
  actorId: z.uuid().optional(),
  ...pageInput,
});

export const auditEntry = z.object({
  id: z.int(),
  at: z.date(),
  actorId: z.uuid().nullable(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;
export const auditPage = pageOf(auditEntry);
