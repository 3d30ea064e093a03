import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../src/protocol/config';
import { configToHash } from '../../src/protocol/urlHash';
import type { ToWorker } from '../../src/protocol/messages';
import { createRunStore, type WorkerHost } from '../../src/store/runStore';
import { syncConfigWithUrl, type UrlHost } from '../../src/store/urlSync';
import { inEnglish } from './inEnglish';

/** A worker host that records every message but `init`. */
const recorder = (sent: ToWorker[] = []): WorkerHost => ({
  start: () => undefined,
  send: (m) => sent.push(m),
});

/** A stand-in for window: a mutable hash, a replaceState log and hashchange listeners. */
function fakeHost(hash: string) {
  const listeners: (() => void)[] = [];
  const host = {
    location: { hash },
    history: {
      replaceState: (_data: unknown, _unused: string, url?: string) => {
        host.location.hash = url ?? '';
      },
    },
    addEventListener: (_type: 'hashchange', listener: () => void) => listeners.push(listener),
    removeEventListener: () => undefined,
  } satisfies UrlHost;
  return { host, navigate: (next: string) => ((host.location.hash = next), listeners.forEach((l) => l())) };
}

describe('syncConfigWithUrl', () => {
  it('loads settings from the hash, starts with run=1, and writes slider changes back', () => {
    const sent: ToWorker[] = [];
    const store = createRunStore(recorder(sent));
    const { host } = fakeHost('#dim=5&noise=0.5&run=1');
    syncConfigWithUrl(store, host);
    expect(store.getState().config).toEqual({ ...DEFAULTS, dim: 5, noise: 0.5 });
    expect(sent.filter((m) => m.type === 'start')).toHaveLength(1);
    expect(host.location.hash).toBe(configToHash({ ...DEFAULTS, dim: 5, noise: 0.5 }));
    store.getState().setParam('hidden', [32]);
    expect(host.location.hash).toContain('hidden=32');
  });

  it('shows a notice naming each bad parameter and follows hand edits of the hash', () => {
    const store = createRunStore(recorder());
    const { host, navigate } = fakeHost('#power=-4&bogus=2');
    syncConfigWithUrl(store, host);
    expect(store.getState().config).toEqual(DEFAULTS);
    expect(store.getState().notices.map(inEnglish)).toEqual([
      expect.stringContaining('power="-4"'),
      'Unknown URL parameter "bogus" was ignored.',
    ]);
    navigate('#seed=7');
    expect(store.getState().config.seed).toBe(7);
  });

  it('loads estimator lists and distributions, and writes them back in the table’s order', () => {
    const store = createRunStore(recorder());
    const { host } = fakeHost('#dist=cubic&rho=0.9&estimator=smile,nwj');
    syncConfigWithUrl(store, host);
    expect(store.getState().config).toEqual({
      ...DEFAULTS,
      dist: 'cubic',
      rho: 0.9,
      estimator: ['smile', 'nwj'],
    });
    expect(host.location.hash).toMatch(/^#estimator=smile,nwj&tau=5&eval=25&dist=cubic&rho=0\.9&dim=3/);
    expect(host.location.hash).not.toContain('power=');
  });

  it('leaves a running run alone when a hand edit does not change the settings', () => {
    const sent: ToWorker[] = [];
    const store = createRunStore(recorder(sent));
    const { host, navigate } = fakeHost('#dim=2');
    syncConfigWithUrl(store, host);
    store.getState().start();
    navigate('#dim=2.0&noise=0.20');
    expect(store.getState().runState).toBe('running');
    expect(sent[sent.length - 1].type).toBe('start');
    navigate('#dim=2&run=1&bogus=1');
    expect(store.getState().notices.map(inEnglish)).toEqual(['Unknown URL parameter "bogus" was ignored.']);
    expect(sent.filter((m) => m.type === 'start')).toHaveLength(2);
  });

  it('reads present=1 and embed=1 as page flags, keeps them in the hash, and follows hand edits', () => {
    const sent: ToWorker[] = [];
    const store = createRunStore(recorder(sent));
    const { host, navigate } = fakeHost('#dim=2&present=1&embed=1');
    syncConfigWithUrl(store, host);
    expect(store.getState()).toMatchObject({ presentation: true, embed: true });
    expect(store.getState().config).toEqual({ ...DEFAULTS, dim: 2 });
    expect(store.getState().notices.map(inEnglish)).toEqual([]);
    expect(host.location.hash).toBe(`${configToHash({ ...DEFAULTS, dim: 2 })}&present=1&embed=1`);
    // Settings changes keep the flags; toggling presentation writes or drops its flag.
    store.getState().setParam('hidden', [32]);
    expect(host.location.hash).toMatch(/hidden=32.*&present=1&embed=1$/);
    store.getState().setPresentation(false);
    expect(host.location.hash).not.toContain('present=');
    expect(host.location.hash).toContain('embed=1');
    // A hand edit that only changes a flag leaves the settings and the run alone.
    store.getState().start();
    navigate(`${configToHash(store.getState().config)}&present=1`);
    expect(store.getState()).toMatchObject({ presentation: true, embed: false, runState: 'running' });
    expect(sent.filter((m) => m.type === 'start')).toHaveLength(1);
    navigate('#dim=2&present=yes');
    expect(store.getState().presentation).toBe(false);
    expect(store.getState().notices.map(inEnglish)).toEqual([
      'URL parameter present="yes" is invalid; it was ignored.',
    ]);
  });
});
