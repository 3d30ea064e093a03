/**
 * A second static server for tests that need a site of their own (a copy of the build they can
 * redeploy, or one served with extra headers): scripts/serve-static.mjs on a free port.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root folder, wherever the tests are started from. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The test probe every server of the suite puts ahead of the site's scripts (tests/e2e/fixtures.ts). */
export const PROBE = join(ROOT, 'scripts', 'engines', 'probe.js');

/** The built site the suite's own server serves. */
export const BUILT_SITE = join(ROOT, 'dist');

/** A running server: the site's URL (with the sub-path) and a way to stop it. */
export interface StaticServer {
  readonly url: string;
  stop(): Promise<void>;
}

/** Serves `root` under /mine-lab/ on a free port, with `headers` on every response and the probe. */
export async function startStaticServer(
  root: string,
  headers: Record<string, string> = {},
): Promise<StaticServer> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'scripts', 'serve-static.mjs'), root, '0', '/mine-lab/'],
    {
      env: { ...process.env, SERVE_HEADERS: JSON.stringify(headers), SERVE_PROBE: PROBE },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /at (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`the static server exited (code ${code}): ${output}`)));
  });
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.on('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A fresh copy of the built site in a temporary folder, and a way to remove it. */
export async function copyOfBuild(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'mine-lab-site-'));
  await cp(BUILT_SITE, dir, { recursive: true });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
