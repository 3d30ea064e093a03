/** Facts recorded with every bench: git state, machine, versions; and writing the JSON files. */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { arch, cpus, loadavg, release, totalmem, type } from 'node:os';
import { join } from 'node:path';

/** Short commit, dirty flag and changed-file count of the repository at `root` (nulls outside git). */
export function gitInfo(root) {
  const git = (...args) =>
    execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    const changed = git('status', '--porcelain').split('\n').filter(Boolean);
    return {
      commit: git('rev-parse', '--short', 'HEAD'),
      dirty: changed.length > 0,
      changedFiles: changed.length,
    };
  } catch {
    return { commit: null, dirty: null, changedFiles: null };
  }
}

/** OS, CPUs, memory, load, Node, Chromium and Playwright versions. */
export async function machineInfo(root, browser) {
  let playwright = null;
  try {
    playwright = JSON.parse(
      await readFile(join(root, 'node_modules', '@playwright', 'test', 'package.json'), 'utf8'),
    ).version;
  } catch {
    // not installed where expected
  }
  const cpuList = cpus();
  return {
    os: `${type()} ${release()} ${arch()}`,
    cpus: cpuList.length,
    cpuModel: cpuList[0]?.model?.trim() ?? null,
    memoryGB: Math.round(totalmem() / 1e8) / 10,
    loadAverageAtStart: loadavg().map((x) => Math.round(x * 100) / 100),
    node: process.version,
    chromium: browser?.version() ?? null,
    playwright,
  };
}

/** Writes the results to `<dir>/bench-<timestamp>.json` and `<dir>/latest.json`; returns the first path. */
export async function writeResults(dir, data) {
  await mkdir(dir, { recursive: true });
  const stamp = data.startedAt.replace(/:/g, '-').replace(/\.\d+Z$/, 'Z');
  const path = join(dir, `bench-${stamp}.json`);
  const text = `${JSON.stringify(data, null, 2)}\n`;
  await writeFile(path, text);
  await writeFile(join(dir, 'latest.json'), text);
  return path;
}
