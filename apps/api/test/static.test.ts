import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultApiConfig } from '@ansinh/api/config';
import { createTestDatabase, type TestDatabase } from '@ansinh/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildServer } from '../src/server.ts';

/**
 * Serving the built web app (NODE_ENV=production). server.ts resolves the directory itself
 * (`apps/web/dist`, next to the api app) and offers no option to point it elsewhere, and that
 * directory only exists after `vite build`. So that the behaviour is tested on every run, this file
 * redirects exactly that one path to a small stand-in build when the real one is missing; every other
 * fileURLToPath call is untouched. When apps/web/dist exists, the real build is served and tested.
 */
const web = vi.hoisted(() => ({ standIn: undefined as string | undefined }));

vi.mock('node:url', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:url')>();
  const { existsSync, mkdirSync, mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const fileURLToPath: typeof actual.fileURLToPath = (url, options) => {
    const path = actual.fileURLToPath(url, options);
    if (!/[\\/]apps[\\/]web[\\/]dist[\\/]?$/.test(path) || existsSync(join(path, 'index.html'))) return path;
    if (!web.standIn) {
      // server.ts resolves the directory when it is imported, so the stand-in is made here, on demand.
      web.standIn = mkdtempSync(join(tmpdir(), 'ansinh-web-'));
      mkdirSync(join(web.standIn, 'assets'));
      writeFileSync(
        join(web.standIn, 'index.html'),
        '<!doctype html>\n<html lang="vi"><head><meta charset="UTF-8" /><title>An Sinh</title>\n' +
          '<script type="module" crossorigin src="/assets/index-test.js"></script></head>\n' +
          '<body><div id="root"></div></body></html>\n',
      );
      writeFileSync(join(web.standIn, 'assets', 'index-test.js'), 'console.log("An Sinh");\n');
    }
    return web.standIn;
  };
  return { ...actual, fileURLToPath, default: { ...actual, fileURLToPath } };
});

/** The directory server.ts serves: apps/web/dist when built, otherwise the stand-in. */
const servedRoot = fileURLToPath(new URL('../../web/dist', import.meta.url));
const realBuild = web.standIn === undefined;

let database: TestDatabase;
let app: FastifyInstance;
let indexHtml: string;

beforeAll(async () => {
  indexHtml = readFileSync(join(servedRoot, 'index.html'), 'utf8');
  database = await createTestDatabase();
  app = await buildServer({
    database,
    config: defaultApiConfig,
    logLevel: 'silent',
    trustProxy: false,
    cookieSecure: 'auto',
    serveWeb: true,
  });
});
afterAll(async () => {
  await app?.close();
  await database?.destroy();
  if (web.standIn) rmSync(web.standIn, { recursive: true, force: true });
});

describe(`serving the web app (${realBuild ? 'real apps/web/dist' : 'stand-in build: web app not built'})`, () => {
  it('serves index.html at /', async () => {
    const response = await app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toBe(indexHtml);
  });

  it('falls back to index.html for client-side routes (/facilities/abc)', async () => {
    const response = await app.inject({ method: 'GET', url: '/facilities/abc' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toBe(indexHtml);
  });

  it('asks browsers to revalidate the page, so a new build is picked up', async () => {
    const response = await app.inject({ method: 'GET', url: '/facilities/abc?tab=history' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('answers a missing file (a script of an older build) with 404, not the page', async () => {
    for (const url of ['/assets/index-0ld8u1ld.js', '/assets/index-0ld8u1ld.css', '/favicon-missing.png']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type'], url).not.toMatch(/text\/html/);
      expect(response.body, url).not.toContain('<html');
    }
  });

  it('sends the security headers with the page', async () => {
    const response = await app.inject({ method: 'GET', url: '/facilities/abc' });
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(String(response.headers['content-security-policy'])).toContain("script-src 'self'");
  });

  it('serves the scripts index.html refers to, as JavaScript', async () => {
    const scripts = [...indexHtml.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1] as string);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      const response = await app.inject({ method: 'GET', url: src });
      expect(response.statusCode, src).toBe(200);
      expect(response.headers['content-type'], src).toMatch(/javascript/);
    }
  });

  it('has no inline script, which the Content-Security-Policy (script-src self) would block', () => {
    const inline = [...indexHtml.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].filter(
      (m) => (m[1] ?? '').trim() !== '',
    );
    expect(inline).toEqual([]);
  });

  it('answers an unknown tRPC path with 404 JSON, not the page', async () => {
    const response = await app.inject({ method: 'GET', url: '/trpc/unknown' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(response.body).not.toContain('<html');
  });

  it('answers /trpc itself with 404 JSON, not the page', async () => {
    const response = await app.inject({ method: 'GET', url: '/trpc' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/application\/json/);
  });

  it('does not answer other methods with the page', async () => {
    const response = await app.inject({ method: 'POST', url: '/facilities/abc', payload: {} });
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('<html');
  });

  it('keeps the health endpoints and the API working', async () => {
    expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const me = await app.inject({ method: 'GET', url: '/trpc/auth.me' });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({ result: { data: { json: null } } });
  });
});

describe('not serving the web app', () => {
  it('leaves unknown paths as plain 404s when serveWeb is false', async () => {
    const apiOnly = await buildServer({
      database,
      config: defaultApiConfig,
      logLevel: 'silent',
      trustProxy: false,
      cookieSecure: 'auto',
      serveWeb: false,
    });
    try {
      const response = await apiOnly.inject({ method: 'GET', url: '/facilities/abc' });
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain('<html');
    } finally {
      await apiOnly.close();
    }
  });
});
