import type { planningVi } from './planning.vi.ts';

export const planningEn = {
  title: 'Planning',
} satisfies typeof planningVi;
