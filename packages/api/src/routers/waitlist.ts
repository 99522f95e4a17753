import { router } from '../trpc.ts';

export const waitlistRouter = router({});
