#!/usr/bin/env node
/**
 * A minimal static server for the built site, mounted under a sub-path to prove the build works
 * from any path. Usage: node scripts/serve-static.mjs [root=dist] [port=4173] [prefix=/mine-lab/]
 * Port 0 picks a free port; the line printed on start gives the URL. SERVE_HEADERS (a JSON object)
 * adds response headers to every file, e.g. a Content-Security-Policy as a host could send it.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const [root = 'dist', port = '4173', prefix = '/mine-lab/'] = process.argv.slice(2);
const rootDir = resolve(root);
const extraHeaders = JSON.parse(process.env.SERVE_HEADERS ?? '{}');
const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

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
  let relative;
  try {
    relative = decodeURIComponent(pathname.slice(prefix.length)) || 'index.html';
  } catch {
    response.writeHead(400).end('bad request'); // malformed percent-encoding
    return;
  }
  const filePath = normalize(join(rootDir, relative));
  if (filePath !== rootDir && !filePath.startsWith(rootDir + sep)) {
    response.writeHead(403).end('forbidden');
    return;
  }
  let stats;
  try {
    stats = statSync(filePath);
  } catch {
    response.writeHead(404).end('not found');
    return;
  }
  const target = stats.isDirectory() ? join(filePath, 'index.html') : filePath;
  response.writeHead(200, {
    ...extraHeaders,
    'content-type': MIME_TYPES[extname(target)] ?? 'application/octet-stream',
  });
  createReadStream(target).pipe(response);
});

server.listen(Number(port), '127.0.0.1', () => {
  console.log(`serving ${rootDir} at http://127.0.0.1:${server.address().port}${prefix}`);
});
