import { DomainError } from '@ansinh/domain/errors';
import { type Action, can } from '@ansinh/domain/roles';
import { initTRPC } from '@trpc/server';
import superjson from 'superjson';
import type { Context, RequestMeta } from './context.ts';
import { errorData, toTRPCError } from './errors.ts';
import { requestIds } from './request-id.ts';

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  // Never send stack traces to clients, whatever NODE_ENV says.
  isDev: false,
  errorFormatter({ shape, error, ctx }) {
    const internal = error.code === 'INTERNAL_SERVER_ERROR';
    return {
      code: shape.code,
      // Internal messages may quote SQL or paths; clients get a generic text plus the request id.
      message: internal
        ? 'Internal server error'
        : error.code === 'BAD_REQUEST'
          ? 'Invalid input'
          : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        ...errorData(error, ctx?.meta.requestId ?? requestIds.getStore() ?? null),
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const mapped = toTRPCError(result.error.cause);
    if (mapped) throw mapped;
  }
  return result;
});

/** CSRF defence: a browser always says where a POST comes from; a foreign or missing origin is refused. */
export function isOwnOrigin(meta: RequestMeta, allowedOrigins: readonly string[] | null): boolean {
  let source = meta.origin;
  if (!source && meta.referer) {
    try {
      source = new URL(meta.referer).origin;
    } catch {
      return false;
    }
  }
  if (!source) return false;
  return (allowedOrigins ?? [meta.ownOrigin]).includes(source);
}

const checkOrigin = t.middleware(({ ctx, type, next }) => {
  if (type === 'mutation' && !isOwnOrigin(ctx.meta, ctx.config.allowedOrigins)) {
    throw new DomainError('ORIGIN_MISMATCH');
  }
  return next();
});

export const publicProcedure = t.procedure.use(mapErrors).use(checkOrigin);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new DomainError('NOT_SIGNED_IN');
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/** Deny by default: a procedure states the one action it performs and the role table decides. */
export const procedureFor = (action: Action) =>
  authedProcedure.use(({ ctx, next }) => {
    if (!can(ctx.user.role, action)) throw new DomainError('FORBIDDEN', { action });
    return next();
  });
