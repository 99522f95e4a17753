import { currentUser, loginInput } from '@ansinh/schemas/auth';
import { z } from 'zod';
import { login, logout } from '../auth/login.ts';
import type { SessionUser } from '../context.ts';
import { publicProcedure, router } from '../trpc.ts';

const toCurrentUser = ({ scope: _scope, ...user }: SessionUser) => user;

export const authRouter = router({
  login: publicProcedure
    .input(loginInput)
    .output(currentUser)
    .mutation(async ({ ctx, input }) => toCurrentUser(await login(ctx, input.username, input.password))),
  logout: publicProcedure.output(z.object({ ok: z.literal(true) })).mutation(async ({ ctx }) => {
    await logout(ctx);
    return { ok: true as const };
  }),
  me: publicProcedure
    .output(currentUser.nullable())
    .query(({ ctx }) => (ctx.user ? toCurrentUser(ctx.user) : null)),
});
