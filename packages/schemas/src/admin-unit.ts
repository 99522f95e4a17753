import { z } from 'zod';
import { ruleMessage } from './messages.ts';

export const provinceCode = z.string().regex(/^\d{2}$/);
export const communeCode = z.string().regex(/^\d{5}$/, ruleMessage('communeCode'));

export const province = z.object({ code: z.string(), name: z.string() });
export const commune = z.object({ code: z.string(), name: z.string(), provinceCode: z.string() });
export type Province = z.infer<typeof province>;
export type Commune = z.infer<typeof commune>;

export const communeListInput = z.object({ provinceCode });
