import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolveSession } from '@ansinh/api/auth/session';
import type { ApiConfig } from '@ansinh/api/config';
import type { SessionCookie } from '@ansinh/api/context';
import { requestIds } from '@ansinh/api/request-id';
import { type AppRouter, appRouter } from '@ansinh/api/router';
import type { Database } from '@ansinh/db/client';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'ansinh_session';
const webDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface ServerOptions {
  database: Database;
  config: ApiConfig;
  logLevel: string;
  trustProxy: boolean;
  cookieSecure: 'auto' | 'true' | 'false';
  serveWeb: boolean;
}

export async function buildServer(options: ServerOptions) {
  const { database, config } = options;
  const app = Fastify({
    logger: { level: options.logLevel, redact: ['req.headers.cookie', 'res.headers["set-cookie"]'] },
    genReqId: () => randomUUID(),
    trustProxy: options.trustProxy,
    bodyLimit: 25 * 1024 * 1024,
    // A tRPC batch names all its procedures in one path segment ("a.b,c.d,…"); the default limit of 100
    // characters would refuse an ordinary page's batch with 414.
    routerOptions: { maxParamLength: 5000 },
  });

  app.addHook('onSend', async (_request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'same-origin');
    reply.header(
      'Content-Security-Policy',
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'",
    );
  });

  // Errors raised before tRPC builds a context (an unsupported content type, say) still carry the id.
  app.addHook('onRequest', (request, _reply, done) => requestIds.run(String(request.id), done));
  await app.register(fastifyCookie);

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const ready = await database.isReady().catch(() => false);
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready' });
  });

  const secureCookie = (request: FastifyRequest) =>
    options.cookieSecure === 'auto' ? request.protocol === 'https' : options.cookieSecure === 'true';

  const cookieFor = (request: FastifyRequest, reply: FastifyReply): SessionCookie => ({
    set: (token, expiresAt) =>
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: secureCookie(request),
        path: '/',
        expires: expiresAt,
      }),
    clear: () => reply.clearCookie(SESSION_COOKIE, { path: '/' }),
  });

  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      async createContext({ req, res }) {
        const token = req.cookies[SESSION_COOKIE] ?? null;
        const user = token ? await resolveSession(database.db, token, config) : null;
        return {
          db: database.db,
          config,
          user,
          sessionToken: user ? token : null,
          cookie: cookieFor(req, res),
          meta: {
            requestId: String(req.id),
            ip: req.ip,
            // Through URL so a default port (`:443` from some proxies) is dropped, as browsers drop it.
            ownOrigin: new URL(`${req.protocol}://${req.host}`).origin,
            origin: req.headers.origin,
            referer: req.headers.referer,
            userAgent: req.headers['user-agent'],
          },
        };
      },
      onError({ error, path, req }) {
        if (error.code === 'INTERNAL_SERVER_ERROR')
          req.log.error({ err: error.cause ?? error, path }, 'procedure failed');
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });

  if (options.serveWeb && existsSync(webDist)) {
    // Wildcard serving looks files up per request, so a rebuilt web app is served without a restart.
    await app.register(fastifyStatic, { root: webDist, wildcard: true });
    // Client-side routes (/facilities/…) all load the single-page app. A missing file (an old tab asking
    // for a script of a previous build) must stay a 404, or the browser gets HTML where it expects code.
    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0] ?? '';
      const clientRoute =
        request.method === 'GET' && !path.startsWith('/trpc') && !/\.[a-z0-9]+$/i.test(path);
      if (clientRoute)
        return reply.header('Cache-Control', 'no-cache').sendFile('index.html', { cacheControl: false });
      return reply.code(404).send({ error: 'Not found' });
    });
  }

  return app;
}
