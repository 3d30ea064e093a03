import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULTS } from '../../src/protocol/config';
import type { ToWorker } from '../../src/protocol/messages';
import { MIN_DATA_ROWS } from '../../src/store/dataSlice';
import type { ExampleEntry, ExampleSource } from '../../src/store/examples';
import { createRunStore } from '../../src/store/runStore';
import { createDataClient } from '../../src/worker/dataClient';
import { inProcessWorker } from './dataWorkerPort';
import { message, type Message } from '../../src/protocol/message';
import { inEnglish } from './inEnglish';

/** A message of the store in English ('' for none). */
const english = (shown: Message | null | undefined) => (shown ? inEnglish(shown) : '');

/** `n` rows of x, y = x + small noise, z (a constant), and a text column. */
function table(n: number): string {
  const rows = Array.from({ length: n }, (_, i) => `${i},${i + Math.sin(i)},7,item${i}`);
  return ['x,y,z,name', ...rows].join('\n');
}

const EXAMPLE: ExampleEntry = {
  name: 'demo',
  title: 'Demo rows',
  description: '',
  file: 'demo.csv',
  rows: 40,
  columns: ['x', 'y', 'z', 'name'],
  x: ['y'],
  y: ['x'],
  trueMiNats: 1.5,
  licence: 'CC0-1.0',
  citation: '',
};

/** A store whose training worker is a recorder, with the data worker's session in process. */
function storeWithData() {
  const sent: ToWorker[] = [];
  const starts: string[] = [];
  const examples: ExampleSource = {
    manifest: async () => [EXAMPLE],
    file: async () => new Blob([table(40)]),
  };
  const store = createRunStore(
    { start: (backend) => starts.push(backend), send: (message) => sent.push(message) },
    { restartDebounceMs: 300 },
    { client: createDataClient(() => inProcessWorker().port), examples },
  );
  return { store, sent, starts, state: () => store.getState() };
}

async function settle(ms = 400): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the data slice', () => {
  it('loads pasted rows, chooses the first two numeric columns, hands the rows to the worker and switches to them', async () => {
    const { state, sent } = storeWithData();
    const loading = state().loadDataText(table(50));
    await settle(50);
    await loading;
    expect(state().dataSummary).toMatchObject({ name: 'pasted text', origin: 'paste', rows: 50 });
    expect(state().dataSummary?.columns.map((c) => [c.name, c.numeric])).toEqual([
      ['x', true],
      ['y', true],
      ['z', true],
      ['name', false],
    ]);
    expect(state().config).toMatchObject({ dist: 'data', x: ['x'], y: ['y'] });
    expect(state().dataSelection).toEqual({ usedRows: 50, droppedRows: 0, xDim: 1, yDim: 1 });
    const data = sent.find((m): m is Extract<ToWorker, { type: 'data' }> => m.type === 'data');
    expect(data?.rows.n).toBe(50);
    expect(Array.from(data?.rows.x.subarray(0, 3) ?? [])).toEqual([0, 1, 2]);
  });

  it('says why chosen columns cannot be used, and refuses to start until they can', async () => {
    const { state, sent } = storeWithData();
    const loading = state().loadDataText(table(50));
    await settle(50);
    await loading;
    state().chooseColumns(['x'], ['z']);
    expect(english(state().selectionError)).toMatch(/same value in every row/);
    expect(state().dataSelection).toBeNull();
    state().chooseColumns(['x'], ['x']);
    expect(english(state().selectionError)).toMatch(/both X and Y/);
    const starts = sent.filter((m) => m.type === 'start').length;
    state().start();
    expect(sent.filter((m) => m.type === 'start')).toHaveLength(starts);
    expect(english(state().notices.at(-1))).toMatch(/choose its X and Y columns before starting/);
    state().chooseColumns(['x'], ['y']);
    const few = state().loadDataText(table(MIN_DATA_ROWS - 1));
    await settle(50);
    await few;
    expect(english(state().selectionError)).toMatch(new RegExp(`at least ${MIN_DATA_ROWS} are needed`));
  });

  it('uses the link’s columns when the table has them, and says so when it does not', async () => {
    const { state } = storeWithData();
    state().loadConfig({ ...DEFAULTS, dist: 'data', x: ['y'], y: ['x'] });
    let loading = state().loadDataText(table(30));
    await settle(50);
    await loading;
    expect(state().config).toMatchObject({ x: ['y'], y: ['x'] });
    state().loadConfig({ ...DEFAULTS, dist: 'data', x: ['height'], y: ['x'] });
    loading = state().loadDataText(table(30));
    await settle(50);
    await loading;
    expect(state().config).toMatchObject({ x: ['x'], y: ['y'] });
    expect(english(state().notices.at(-1))).toMatch(/no numeric columns “height”, “x”, which the link named/);
  });

  it('loads a bundled example with its suggested columns and its known truth', async () => {
    const { state } = storeWithData();
    const loading = state().loadExample('demo');
    await settle(50);
    await loading;
    expect(state().dataSummary?.example?.name).toBe('demo');
    expect(state().config).toMatchObject({ dist: 'data', x: ['y'], y: ['x'] });
    await state().loadExample('nothing-such');
    expect(english(state().notices.at(-1))).toMatch(/no bundled example named “nothing-such”/);
  });

  it('computes the baselines of the chosen rows once they settle, and again when k changes', async () => {
    const { state } = storeWithData();
    const loading = state().loadDataText(table(200));
    await settle(50);
    await loading;
    expect(state().baselines.state).toBe('idle'); // debounced
    await settle(2000);
    await vi.waitFor(() => expect(state().baselines.state).toBe('done'));
    const { linear, ksg, permutation } = state().baselines;
    expect(linear?.miNats).toBeGreaterThan(1); // y ≈ x: strongly dependent
    expect(ksg?.k).toBe(5);
    expect(permutation?.pValue).toBeCloseTo(0.01, 10);
    state().setParam('ksg-k', 3);
    expect(state().baselines.ksg).toBeNull(); // cleared at once, recomputed after the pause
    await settle(2000);
    await vi.waitFor(() => expect(state().baselines.ksg?.k).toBe(3));
  });

  it('gives a fresh training worker the rows again', async () => {
    const { state, sent, starts } = storeWithData();
    state().connectWorker();
    const loading = state().loadDataText(table(30));
    await settle(50);
    await loading;
    const before = sent.filter((m) => m.type === 'data').length;
    state().setParam('backend', 'cpu'); // a worker on another backend
    expect(starts).toEqual(['auto', 'cpu']);
    expect(sent.filter((m) => m.type === 'data')).toHaveLength(before + 1);
  });

  it('keeps the last table when a load fails, with the message of what was wrong', async () => {
    const { state } = storeWithData();
    let loading = state().loadDataText(table(30));
    await settle(50);
    await loading;
    loading = state().loadDataText('just one column\n1\n2\n');
    await settle(50);
    await loading;
    expect(state().dataLoad).toMatchObject({ state: 'error', message: message('errors.oneColumn') });
    expect(english(state().dataLoad.message)).toMatch(/Only one column/);
    expect(state().dataSummary?.rows).toBe(30);
    expect(state().dataSelection?.usedRows).toBe(30);
  });
});
