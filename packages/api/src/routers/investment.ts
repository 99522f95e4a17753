import { router } from '../trpc.ts';

export const investmentRouter = router({});
