import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, relative } from 'node:path';
import { appContentSecurityPolicy, CONTENT_SECURITY_POLICY } from '../../../src/main/security';

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.webm': 'audio/webm',
};

/** A running test server. */
export interface TestServer {
  readonly url: string;
  readonly close: () => Promise<void>;
}

/**
 * Serves a folder on 127.0.0.1 with the app's CSP header, as the app:// protocol does in Electron.
 * With `frameOrigin`, the policy's one frame origin (the agent desktop's `desktop://folder` in the
 * app) is the test's desktop server instead, in the header and in the page's own meta tag alike:
 * the test cannot serve Electron's custom schemes, only swap the origin for another one.
 */
export async function serveFolder(root: string, frameOrigin?: string): Promise<TestServer> {
  const policy = frameOrigin === undefined ? CONTENT_SECURITY_POLICY : appContentSecurityPolicy(frameOrigin);
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (relative(root, file).startsWith('..')) {
      response.writeHead(403).end();
      return;
    }
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': policy,
    });
    let body: Buffer | string = await readFile(file);
    if (frameOrigin !== undefined && extname(file) === '.html') {
      const text = body.toString('utf8');
      if (!text.includes(CONTENT_SECURITY_POLICY))
        throw new Error(`${file} does not declare the app's policy`);
      body = text.replace(CONTENT_SECURITY_POLICY, policy);
    }
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the test server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Serves a Request → Response handler on 127.0.0.1: the way the end-to-end tests reach the app's
 * real `desktop:` scheme handler, which Electron calls with the same Request objects.
 */
export async function serveHandler(handle: (request: Request) => Promise<Response>): Promise<TestServer> {
  let origin = '';
  const server: Server = createServer(async (request, response) => {
    try {
      const answer = await handle(new Request(`${origin}${request.url ?? '/'}`, { method: request.method }));
      response.writeHead(answer.status, Object.fromEntries(answer.headers.entries()));
      response.end(Buffer.from(await answer.arrayBuffer()));
    } catch (error) {
      response.writeHead(500).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the test server has no port');
  origin = `http://127.0.0.1:${address.port}`;
  return { url: origin, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
