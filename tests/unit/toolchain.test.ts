import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

interface Engines {
  readonly engines?: { readonly node?: string };
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const pkg = readJson<Engines>('package.json');
const lock = readJson<{ packages: Record<string, Engines> }>('package-lock.json');

describe('the Node.js version', () => {
  const range = pkg.engines?.node ?? '';
  const minimum = semver.minVersion(range)?.version ?? '';

  it('is stated in package.json, and every installed package accepts its lowest version', () => {
    expect(semver.validRange(range)).not.toBeNull();
    expect(minimum).toBe('20.19.0');
    const refusing = Object.entries(lock.packages)
      .filter(([, entry]) => entry.engines?.node && !semver.satisfies(minimum, entry.engines.node))
      .map(([path, entry]) => `${path} (${entry.engines?.node})`);
    expect(refusing).toEqual([]);
  });

  it('pins a version in range in .nvmrc, and the README states the minimum', () => {
    const pinned = readFileSync('.nvmrc', 'utf8').trim();
    expect(semver.satisfies(pinned, range)).toBe(true);
    expect(readFileSync('README.md', 'utf8')).toContain('Node.js 20.19');
  });
});

/** Each job of a GitHub Actions workflow: what it needs and the commands it runs (a small reader). */
function workflowJobs(
  text: string,
): Map<string, { needs: string[]; runs: string[]; container: string | null }> {
  const jobs = new Map<string, { needs: string[]; runs: string[]; container: string | null }>();
  const body = text.slice(text.indexOf('\njobs:\n'));
  let current: { needs: string[]; runs: string[]; container: string | null } | null = null;
  for (const line of body.split('\n')) {
    const job = /^ {2}([\w-]+):\s*$/.exec(line);
    if (job) jobs.set(job[1], (current = { needs: [], runs: [], container: null }));
    if (!current) continue;
    const needs = /^ {4}needs:\s*\[?([\w\s,-]+)\]?\s*$/.exec(line);
    if (needs) current.needs.push(...needs[1].split(',').map((n) => n.trim()));
    const container = /^ {4}container:\s*(\S+)/.exec(line);
    if (container) current.container = container[1];
    const run = /^\s+- run:\s*(.+)$/.exec(line);
    if (run) current.runs.push(run[1].trim());
  }
  return jobs;
}

describe('the GitHub Pages workflow', () => {
  const jobs = workflowJobs(readFileSync('.github/workflows/pages.yml', 'utf8'));

  it('publishes only what passed the tests: deploy needs build, which needs the test job', () => {
    expect(jobs.get('deploy')?.needs).toEqual(['build']);
    expect(jobs.get('build')?.needs).toEqual(['test']);
  });

  it('tests as CI does: .ci/run on Debian (which installs its browsers and runs the README’s test command)', () => {
    const test = jobs.get('test');
    expect(test?.runs).toEqual(['bash .ci/run']);
    expect(test?.container).toMatch(/^node:20[\w.-]*-bookworm$/);
    expect(readFileSync('.ci/run', 'utf8')).toMatch(/\nnpm test\n/);
  });
});
