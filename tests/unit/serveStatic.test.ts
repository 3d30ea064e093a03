import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SERVER = fileURLToPath(new URL('../../scripts/serve-static.mjs', import.meta.url));
const PROBE = fileURLToPath(new URL('../../scripts/engines/probe.js', import.meta.url));

/** Starts the static server on a free port over `root`; resolves with its URL and process. */
function serve(
  root: string,
  env: Record<string, string> = {},
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [SERVER, root, '0', '/mine-lab/'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /at (http:\/\/\S+)/.exec(output);
      if (match) resolve({ url: match[1], child });
    });
    child.on('exit', (code) => reject(new Error(`the server exited (code ${code}): ${output}`)));
  });
}

describe('scripts/serve-static.mjs', () => {
  let root: string;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'mine-lab-serve-'));
    await writeFile(join(root, 'index.html'), '<!doctype html><title>t</title>');
    await mkdir(join(root, 'assets'));
    await writeFile(join(root, 'assets', 'app.js'), 'export const answer = 42;\n');
    await mkdir(join(root, 'empty'));
  });
  afterAll(async () => {
    children.forEach((child) => child.kill());
    await rm(root, { recursive: true, force: true });
  });

  it('answers 404 for a folder without an index.html, and goes on serving', async () => {
    const { url, child } = await serve(root);
    children.push(child);
    for (const path of ['empty/', 'empty', 'assets/']) {
      const response = await fetch(`${url}${path}`);
      expect(response.status, path).toBe(404);
    }
    expect(child.exitCode).toBeNull();
    const index = await fetch(url);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<title>t</title>');
    expect((await fetch(`${url}missing.js`)).status).toBe(404);
    expect((await fetch(`${url}..%2f..%2fetc%2fpasswd`)).status).toBe(403);
  });

  it('puts the probe ahead of every script with SERVE_PROBE, and leaves other files alone', async () => {
    const { url, child } = await serve(root, { SERVE_PROBE: PROBE });
    children.push(child);
    const probe = await readFile(PROBE, 'utf8');
    const script = await fetch(`${url}assets/app.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe(`${probe}\nexport const answer = 42;\n`);
    expect(await (await fetch(url)).text()).toBe('<!doctype html><title>t</title>');
  });
});
