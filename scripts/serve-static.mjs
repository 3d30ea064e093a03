#!/usr/bin/env node
/**
 * A minimal static server for the built site, mounted under a sub-path to prove the build works
 * from any path. Usage: node scripts/serve-static.mjs [root=dist] [port=4173] [prefix=/mine-lab/]
 * Port 0 picks a free port; the line printed on start gives the URL. SERVE_HEADERS (a JSON object)
 * adds response headers to every file, e.g. a Content-Security-Policy as a host could send it.
 * SERVE_PROBE (a script, for the tests only) is put ahead of every JavaScript file: whichever module
 * a page or a worker evaluates first carries it, so it runs before any of the site's own code.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const [root = 'dist', port = '4173', prefix = '/mine-lab/'] = process.argv.slice(2);
const rootDir = resolve(root);
const extraHeaders = JSON.parse(process.env.SERVE_HEADERS ?? '{}');
const probe = process.env.SERVE_PROBE ? readFileSync(process.env.SERVE_PROBE, 'utf8') : null;
const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

/** A file under the root for a request path, or the HTTP status that answers it instead. */
function resolveFile(pathname) {
  let relative;
  try {
    relative = decodeURIComponent(pathname.slice(prefix.length)) || 'index.html';
  } catch {
    return 400; // malformed percent-encoding
  }
  const filePath = normalize(join(rootDir, relative));
  if (filePath !== rootDir && !filePath.startsWith(rootDir + sep)) return 403;
  try {
    const target = statSync(filePath).isDirectory() ? join(filePath, 'index.html') : filePath;
    // A folder without an index.html, or anything that is not a plain file, is not found.
    return statSync(target).isFile() ? target : 404;
  } catch {
    return 404;
  }
}

const STATUS_TEXT = { 400: 'bad request', 403: 'forbidden', 404: 'not found' };

const server = createServer((request, response) => {
  const { pathname } = new URL(request.url ?? '/', 'http://localhost');
  if (pathname === prefix.replace(/\/$/, '')) {
    response.writeHead(301, { location: prefix }).end();
    return;
  }
  if (!pathname.startsWith(prefix)) {
    response.writeHead(404).end('not found');
    return;
  }
  const target = resolveFile(pathname);
  if (typeof target === 'number') {
    response.writeHead(target).end(STATUS_TEXT[target]);
    return;
  }
  const headers = {
    ...extraHeaders,
    'content-type': MIME_TYPES[extname(target)] ?? 'application/octet-stream',
  };
  if (probe !== null && extname(target) === '.js') {
    let text;
    try {
      text = readFileSync(target, 'utf8');
    } catch {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, headers).end(`${probe}\n${text}`);
    return;
  }
  const stream = createReadStream(target);
  // A file that vanished or cannot be read between the stat and the read: answer, keep serving.
  stream.on('error', () => {
    if (!response.headersSent) response.writeHead(404).end('not found');
    else response.destroy();
  });
  stream.once('open', () => {
    response.writeHead(200, headers);
    stream.pipe(response);
  });
});

server.listen(Number(port), '127.0.0.1', () => {
  console.log(`serving ${rootDir} at http://127.0.0.1:${server.address().port}${prefix}`);
});
