import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface PackageJson {
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly devDependencies?: Readonly<Record<string, string>>;
}

interface LockEntry {
  readonly version: string;
  readonly dev?: boolean;
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const pkg = readJson<PackageJson>('package.json');
const lock = readJson<{ packages: Record<string, LockEntry> }>('package-lock.json');
const runtime = pkg.dependencies ?? {};

/** Workbox modules built into the service worker (workbox-*.js) and its registration (the page). */
const SERVICE_WORKER_RUNTIME = [
  'workbox-core',
  'workbox-precaching',
  'workbox-routing',
  'workbox-strategies',
  'workbox-window',
];

/** Every source file under `dir`. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** The packages the page and the worker import (bare specifiers in src/, by package name). */
function importedPackages(): Set<string> {
  const names = new Set<string>();
  for (const file of sourceFiles('src').filter((f) => /\.tsx?$/.test(f))) {
    const text = readFileSync(file, 'utf8');
    for (const [, specifier] of text.matchAll(/(?:from|import)\s*\(?\s*'([^'.][^']*)'/g)) {
      if (specifier.startsWith('virtual:')) continue; // Vite plugin modules (pwa-register → workbox-window)
      const parts = specifier.split('/');
      names.add(specifier.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]);
    }
  }
  return names;
}

describe('supply chain', () => {
  it('pins every dependency to one exact version', () => {
    for (const [name, version] of Object.entries({ ...runtime, ...pkg.devDependencies }))
      expect(version, name).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('lists as runtime dependencies exactly what the built site ships, nothing build-only', () => {
    const shipped = new Set([...importedPackages(), ...SERVICE_WORKER_RUNTIME]);
    expect(Object.keys(runtime).sort()).toEqual([...shipped].sort());
  });

  it('keeps the service-worker runtime at the versions the build really bundles', () => {
    const build = readJson<PackageJson>('node_modules/workbox-build/package.json').dependencies ?? {};
    for (const name of SERVICE_WORKER_RUNTIME.filter((n) => n !== 'workbox-window'))
      expect(runtime[name], name).toBe(build[name]);
    const window = readJson<{ version: string }>('node_modules/workbox-window/package.json');
    expect(runtime['workbox-window']).toBe(window.version);
  });

  it('has the lockfile agree: runtime packages installed at their pinned versions, not as dev-only', () => {
    for (const [name, version] of Object.entries(runtime)) {
      const entry = lock.packages[`node_modules/${name}`];
      expect(entry?.version, name).toBe(version);
      expect(entry?.dev, name).toBeUndefined();
    }
  });
});
