// A tiny static file server for the built app (no dependencies). The grader starts it in-process; run it
// directly to look at the app: `node grader/server.mjs <appDir> [port] [host]` (default 4185, 127.0.0.1).
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_PORT = 4185;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

/** The file under `root` a URL path names, or null when it escapes the root or is not a file. */
export function fileFor(root, urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (path.endsWith('/')) path += 'index.html';
  const full = normalize(join(root, path));
  if (full !== root && !full.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  try {
    return statSync(full).isFile() ? full : null;
  } catch {
    return null;
  }
}

/**
 * Serves `appDir` on localhost:`port`. Resolves with { server, port, url } once listening.
 * With `port` 0 the system picks a free port.
 */
export function startStaticServer(appDir, port = DEFAULT_PORT, host = '127.0.0.1') {
  const root = resolve(appDir);
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const file = fileFor(root, req.url ?? '/');
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const actual = server.address().port;
      resolvePromise({ server, port: actual, url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${actual}` });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const appDir = process.argv[2] ?? 'app';
  const port = Number(process.argv[3] ?? DEFAULT_PORT);
  // Only this machine by default; `0.0.0.0` serves the app to the whole network (a classroom).
  const host = process.argv[4] ?? '127.0.0.1';
  const { url } = await startStaticServer(appDir, port, host);
  console.log(`Serving ${resolve(appDir)} at ${url}/#/challenges${host === '0.0.0.0' ? ' (and on this machine\'s network addresses)' : ''} (Ctrl+C to stop)`);
}
