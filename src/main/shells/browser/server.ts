// The browser shell's server: the built renderer on 127.0.0.1, and the same IPC handler table
// behind POST /ipc/<channel>, guarded by a random per-start token. No CORS: only our own page may call.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { STORE_CHANGED } from '../../../shared/ipc/contract';
import { createDispatch, type DispatchOptions, type HandlerTable } from '../../ipc/handle';
import { redeemDownload } from '../../services/downloads';
import type { CaseSession } from '../../services/session';
import { CONTENT_SECURITY_POLICY } from '../csp';

export const TOKEN_HEADER = 'x-aw-token';
const MAX_BODY = 32 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface BrowserServerOptions {
  session: CaseSession;
  handlers: HandlerTable;
  rendererDir: string;
  port?: number;
  token?: string;
  onWrite?: DispatchOptions['onWrite'];
  watch?: DispatchOptions['watch'];
  log?: (message: string, error?: unknown) => void;
}

export interface BrowserServer {
  url: string;
  /** The URL to open: carries the token in the fragment, which never reaches a server log. */
  openUrl: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), bluetooth=()',
};

function tokensEqual(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const log = options.log ?? ((message: string, error?: unknown) => console.error(message, error ?? ''));
  const events = new Set<http.ServerResponse>();
  let port = 0;

  const dispatch = createDispatch(options.handlers, {
    verifyCaller: (caller) => caller.kind === 'browser' && tokensEqual(caller.token, token),
    onWrite: options.onWrite,
    watch: options.watch,
    log,
  });
  const unsubscribe = options.session.onChanged((event) => {
    const frame = `event: ${STORE_CHANGED}\ndata: ${JSON.stringify(event)}\n\n`;
    for (const res of events) res.write(frame);
  });

  const rendererRoot = path.resolve(options.rendererDir);

  function serveStatic(pathname: string, res: http.ServerResponse): void {
    const relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
    const file = path.resolve(rendererRoot, `.${relative}`);
    if (!file.startsWith(rendererRoot + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' });
      res.end('Not found');
      return;
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
    });
    fs.createReadStream(file).pipe(res);
  }

  const server = http.createServer(async (req, res) => {
    try {
      // DNS rebinding guard: only our own loopback host names are served.
      const host = req.headers.host ?? '';
      if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
        res.writeHead(403).end();
        return;
      }
      const origin = req.headers.origin;
      if (origin && origin !== `http://${host}`) {
        send(res, 403, {
          ok: false,
          error: { code: 'forbidden', message: 'Cross-origin requests are refused.' },
        });
        return;
      }
      const url = new URL(req.url ?? '/', `http://${host}`);
      if (url.pathname.startsWith('/ipc/')) {
        if (req.method !== 'POST') {
          res.writeHead(405, { Allow: 'POST' }).end();
          return;
        }
        const given = req.headers[TOKEN_HEADER];
        if (!tokensEqual(typeof given === 'string' ? given : undefined, token)) {
          send(res, 403, {
            ok: false,
            error: { code: 'forbidden', message: 'Missing or wrong session token.' },
          });
          return;
        }
        const body = await readBody(req);
        if (body === null) {
          send(res, 413, {
            ok: false,
            error: { code: 'invalid_input', message: 'The request is larger than 32 MB.' },
          });
          return;
        }
        let payload: unknown;
        try {
          payload = body.length ? JSON.parse(body.toString('utf8')) : {};
        } catch {
          send(res, 200, {
            ok: false,
            error: { code: 'invalid_input', message: 'The request body is not valid JSON.' },
          });
          return;
        }
        const channel = decodeURIComponent(url.pathname.slice('/ipc/'.length));
        send(res, 200, await dispatch(channel, payload, { kind: 'browser', token: given as string }));
        return;
      }
      if (url.pathname.startsWith('/download/')) {
        // A file main streams (CSV export): one use per ticket, token-guarded like /events.
        if (!tokensEqual(url.searchParams.get('token') ?? undefined, token)) {
          res.writeHead(403).end();
          return;
        }
        const download = redeemDownload(decodeURIComponent(url.pathname.slice('/download/'.length)));
        if (!download) {
          res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
          res.end('This download has expired or was already used. Export again.');
          return;
        }
        res.writeHead(200, {
          ...SECURITY_HEADERS,
          'Content-Type': download.mime,
          'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(download.fileName)}`,
          'Cache-Control': 'no-store',
        });
        const stream = download.open();
        stream.on('error', (error) => {
          log('download failed', error);
          res.destroy(error);
        });
        stream.pipe(res);
        return;
      }
      if (url.pathname === '/events') {
        if (!tokensEqual(url.searchParams.get('token') ?? undefined, token)) {
          res.writeHead(403).end();
          return;
        }
        res.writeHead(200, {
          ...SECURITY_HEADERS,
          'Content-Type': 'text/event-stream',
          'Cache-Control': 'no-store',
          Connection: 'keep-alive',
        });
        res.write(': connected\n\n');
        events.add(res);
        req.on('close', () => events.delete(res));
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405).end();
        return;
      }
      serveStatic(url.pathname, res);
    } catch (error) {
      log('browser shell request failed', error);
      if (!res.headersSent)
        send(res, 500, { ok: false, error: { code: 'internal', message: 'The request failed.' } });
    }
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      const url = `http://127.0.0.1:${port}/`;
      resolve({
        url,
        openUrl: `${url}#token=${token}`,
        token,
        port,
        close: () =>
          new Promise<void>((done) => {
            unsubscribe();
            for (const res of events) res.end();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
