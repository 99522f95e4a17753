import type { capacityVi } from './capacity.vi.ts';

export const capacityEn = {
  title: 'Capacity',
} satisfies typeof capacityVi;
