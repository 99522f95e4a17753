import {
  user,
  userAssignInput,
  userCreateInput,
  userDeactivateInput,
  userListInput,
  userPage,
  userResetPasswordInput,
} from '@ansinh/schemas/user';
import { z } from 'zod';
import { assignRole, createUser, deactivateUser, listUsers, resetPassword } from '../services/users.ts';
import { procedureFor, router } from '../trpc.ts';

const manage = procedureFor('user.manage');

export const usersRouter = router({
  list: manage
    .input(userListInput)
    .output(userPage)
    .query(({ ctx, input }) => listUsers(ctx.db, input)),
  create: manage
    .input(userCreateInput)
    .output(user)
    .mutation(({ ctx, input }) => createUser(ctx.db, ctx.user, ctx.meta, input)),
  assign: manage
    .input(userAssignInput)
    .output(user)
    .mutation(({ ctx, input }) => assignRole(ctx.db, ctx.user, ctx.meta, input)),
  resetPassword: manage
    .input(userResetPasswordInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await resetPassword(ctx.db, ctx.user, ctx.meta, input);
      return { ok: true as const };
    }),
  deactivate: manage
    .input(userDeactivateInput)
    .output(user)
    .mutation(({ ctx, input }) => deactivateUser(ctx.db, ctx.user, ctx.meta, input)),
});
