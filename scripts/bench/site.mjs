/** Builds the site with Vite and serves it under /mine-lab/ with scripts/serve-static.mjs. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative, resolve, sep } from 'node:path';

/** The sub-path the site is served under, as in the e2e tests. */
export const SUB_PATH = '/mine-lab/';

/** Runs a command to completion, inheriting stderr; rejects on a non-zero exit. */
function run(command, args, options) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0
        ? resolvePromise()
        : reject(new Error(`${command} ${args.join(' ')} exited with ${signal ?? `code ${code}`}`)),
    );
  });
}

/** Refuses an output directory that would empty the repository or one of its parents. */
function checkOutDir(root, outDir) {
  const rel = relative(outDir, root);
  if (outDir === root || rel === '' || !rel.startsWith('..')) {
    throw new Error(`refusing to build into ${outDir}: it contains the repository`);
  }
  if (
    outDir.startsWith(root + sep) &&
    ['src', 'public', 'scripts', 'tests', 'node_modules'].includes(relative(root, outDir).split(sep)[0])
  ) {
    throw new Error(`refusing to build into ${outDir}: it is part of the sources`);
  }
}

/** Builds the site into `outDir` (absolute) with `vite build`, emptying it first. */
export async function buildSite(root, outDir) {
  checkOutDir(root, outDir);
  const vite = join(root, 'node_modules', '.bin', 'vite');
  await run(vite, ['build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], { cwd: root });
  if (!existsSync(join(outDir, 'index.html'))) throw new Error(`the build wrote no ${outDir}/index.html`);
}

/** Resolves with whether `port` on 127.0.0.1 can be listened on right now. */
function portIsFree(port) {
  return new Promise((resolvePromise) => {
    const probe = createServer();
    probe.once('error', () => resolvePromise(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolvePromise(true)));
  });
}

/** The first free port at or above `start`. */
export async function findFreePort(start) {
  for (let port = start; port < start + 200; port++) if (await portIsFree(port)) return port;
  throw new Error(`no free port in ${start}–${start + 199}`);
}

/** Serves `outDir` on the first free port from `startPort`; resolves once it answers, with its URL and a stop(). */
export async function startServer(root, outDir, startPort) {
  if (!existsSync(join(outDir, 'index.html'))) {
    throw new Error(`${outDir}/index.html does not exist: build first (drop --no-build)`);
  }
  const port = await findFreePort(startPort);
  const child = spawn(
    process.execPath,
    [join(root, 'scripts', 'serve-static.mjs'), resolve(outDir), String(port), SUB_PATH],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  let exited = null;
  child.on('exit', (code, signal) => (exited = signal ?? `code ${code}`));
  const url = `http://127.0.0.1:${port}${SUB_PATH}`;
  const stop = () => {
    if (exited === null) child.kill('SIGTERM');
  };
  for (let attempt = 0; attempt < 100; attempt++) {
    if (exited !== null)
      throw new Error(`the static server exited (${exited}) before answering on port ${port}`);
    try {
      const response = await fetch(url);
      if (response.ok) return { url, port, pid: child.pid, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  stop();
  throw new Error(`the static server did not answer on ${url} within 10 s`);
}
