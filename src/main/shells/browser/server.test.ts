import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../ipc/handlers';
import { CaseSession } from '../../services/session';
import { tempDir } from '../../testing/tempCase';
import { CONTENT_SECURITY_POLICY } from '../csp';
import { startBrowserServer, type BrowserServer } from './server';

let dir: string;
let session: CaseSession;
let server: BrowserServer;

/** Raw HTTP, so the Host and Origin headers are exactly what a hostile page could send. */
function request(
  method: string,
  pathname: string,
  { headers = {}, body }: { headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        method,
        path: pathname,
        headers: { host: `127.0.0.1:${server.port}`, ...headers },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

beforeAll(async () => {
  dir = tempDir();
  const renderer = path.join(dir, 'renderer');
  fs.mkdirSync(renderer);
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>AW</title>');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'not for the page');
  session = new CaseSession({ dataDir: path.join(dir, 'data') });
  session.open(path.join(dir, 'server.awcase'), { create: true });
  server = await startBrowserServer({
    session,
    handlers: createHandlers({ session, resourcesDir: dir }),
    rendererDir: renderer,
    log: () => {},
  });
});

afterAll(async () => {
  await server.close();
  session.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the browser shell server', () => {
  it('serves the page with the strict Content-Security-Policy', async () => {
    const res = await request('GET', '/');
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|unsafe-eval/);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers IPC with the token and refuses it without', async () => {
    const ok = await request('POST', '/ipc/case:info', {
      headers: { 'x-aw-token': server.token },
      body: '{}',
    });
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { name: 'server' } });
    const none = await request('POST', '/ipc/case:info', { body: '{}' });
    expect(none.status).toBe(403);
    const wrong = await request('POST', '/ipc/case:info', {
      headers: { 'x-aw-token': `${server.token}x` },
      body: '{}',
    });
    expect(wrong.status).toBe(403);
  });

  it('refuses other origins and foreign Host names (no CORS, no DNS rebinding)', async () => {
    const cross = await request('POST', '/ipc/case:info', {
      headers: { 'x-aw-token': server.token, origin: 'http://evil.example' },
      body: '{}',
    });
    expect(cross.status).toBe(403);
    const rebound = await request('GET', '/', { headers: { host: `evil.example:${server.port}` } });
    expect(rebound.status).toBe(403);
  });

  it('answers a body that is not JSON with invalid_input', async () => {
    const res = await request('POST', '/ipc/case:info', {
      headers: { 'x-aw-token': server.token },
      body: '{"oops',
    });
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('never serves files outside the renderer folder', async () => {
    for (const attempt of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const res = await request('GET', attempt);
      expect(res.status, attempt).not.toBe(200);
      expect(res.body).not.toContain('not for the page');
    }
  });

  it('streams store changes only to holders of the token', async () => {
    expect((await request('GET', '/events')).status).toBe(403);
  });
});
