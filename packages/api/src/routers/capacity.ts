import { router } from '../trpc.ts';

export const capacityRouter = router({});
