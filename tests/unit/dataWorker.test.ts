import { describe, expect, it } from 'vitest';
import { ksgMutualInformation } from '../../src/core/baselines/ksg';
import { linearMutualInformation } from '../../src/core/baselines/linearMi';
import { DataError } from '../../src/core/data/table';
import type { FromDataWorker } from '../../src/protocol/dataMessages';
import { createDataClient } from '../../src/worker/dataClient';
import { inProcessWorker } from './dataWorkerPort';
import { createDataSession } from '../../src/worker/dataSession';
import { correlatedGaussian } from './baselineSamples';
import { message } from '../../src/protocol/message';

/** A session whose replies (and what each transferred) are recorded. */
function recordingSession(progressIntervalMs = 0) {
  const posted: FromDataWorker[] = [];
  const transferred: Transferable[][] = [];
  const handle = createDataSession(
    (message, transfer) => {
      posted.push(message);
      transferred.push(transfer);
    },
    { progressIntervalMs, sliceMs: 1, textSliceChars: 4096 },
  );
  return { posted, transferred, handle };
}

async function waitFor(predicate: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 2));
  }
}

const CSV = 'x;y;label\n1,5;2;a\n2,5;NA;b\n3;5;c\n';
const bigCsv = (rows: number) => 'a,b\n' + Array.from({ length: rows }, (_, i) => `${i},${i % 7}`).join('\n');
const types = (posted: readonly FromDataWorker[], requestId: number) =>
  posted.filter((m) => m.requestId === requestId).map((m) => m.type);

describe('the data worker session', () => {
  it('parses pasted text and posts the table, transferring its numeric columns', async () => {
    const { posted, transferred, handle } = recordingSession();
    handle({ type: 'parse-text', requestId: 1, text: CSV });
    await waitFor(() => posted.some((m) => m.type === 'parsed'));
    const reply = posted.find((m) => m.type === 'parsed');
    expect(reply?.type === 'parsed' && reply.table).toMatchObject({
      rows: 3,
      delimiter: ';',
      decimalComma: true,
    });
    expect(transferred[posted.indexOf(reply as FromDataWorker)]).toHaveLength(2);
  });

  it('streams a File with progress, then posts the table', async () => {
    const { posted, handle } = recordingSession();
    const file = new Blob([bigCsv(300_000)]);
    handle({ type: 'parse-file', requestId: 4, file });
    await waitFor(() => posted.some((m) => m.type === 'parsed' || m.type === 'failed'));
    const progress = posted.filter((m) => m.type === 'parse-progress');
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toEqual({
      type: 'parse-progress',
      requestId: 4,
      read: file.size,
      total: file.size,
    });
    const reply = posted.at(-1);
    expect(reply?.type === 'parsed' && reply.table.rows).toBe(300_000);
  });

  it('answers a file that cannot be used with its code and message', async () => {
    const { posted, handle } = recordingSession();
    handle({
      type: 'parse-file',
      requestId: 2,
      file: new Blob([Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0])]),
    });
    await waitFor(() => posted.length > 0 && posted.at(-1)?.type === 'failed');
    expect(posted.at(-1)).toMatchObject({ type: 'failed', requestId: 2, code: 'binary' });
  });

  it('stops a parse when cancelled, and when a newer parse replaces it', async () => {
    const { posted, handle } = recordingSession();
    handle({ type: 'parse-file', requestId: 1, file: new Blob([bigCsv(400_000)]) });
    handle({ type: 'cancel', requestId: 1 });
    handle({ type: 'parse-text', requestId: 2, text: bigCsv(50_000) });
    handle({ type: 'parse-text', requestId: 3, text: CSV });
    await waitFor(
      () =>
        types(posted, 1).includes('failed') &&
        types(posted, 2).includes('failed') &&
        types(posted, 3).includes('parsed'),
    );
    expect(posted.find((m) => m.requestId === 1 && m.type === 'failed')).toMatchObject({ code: 'cancelled' });
    expect(posted.find((m) => m.requestId === 2 && m.type === 'failed')).toMatchObject({ code: 'cancelled' });
    expect(types(posted, 1)).not.toContain('parsed');
    expect(types(posted, 2)).not.toContain('parsed');
  });

  it('computes the linear MI, KSG and the permutation test in that order, with the core numbers', async () => {
    const { posted, handle } = recordingSession();
    const sample = correlatedGaussian(1500, 1, 0.7, 3);
    handle({
      type: 'baselines',
      requestId: 9,
      sample,
      settings: { k: 3, shuffles: 9, seed: 5, permutationMaxRows: 200 },
    });
    await waitFor(() => posted.some((m) => m.type === 'baselines-done'));
    const kinds = types(posted, 9).filter((t) => t !== 'baseline-progress');
    expect(kinds).toEqual(['linear-mi', 'ksg', 'permutation', 'baselines-done']);
    const byType = <T extends FromDataWorker['type']>(type: T) =>
      posted.find((m): m is Extract<FromDataWorker, { type: T }> => m.type === type);
    expect(byType('linear-mi')?.result.miNats).toBe(linearMutualInformation(sample).miNats);
    expect(byType('ksg')?.result).toEqual(ksgMutualInformation(sample, { k: 3, seed: 5 }));
    expect(byType('permutation')?.result).toMatchObject({
      pValue: 0.1,
      shuffles: 9,
      rowsUsed: 200,
      totalRows: 1500,
    });
    const progress = posted.filter((m) => m.type === 'baseline-progress');
    expect(progress.some((m) => m.baseline === 'ksg')).toBe(true);
    expect(progress.some((m) => m.baseline === 'permutation')).toBe(true);
  });

  it('reports a baseline that fails and goes on with the others', async () => {
    const { posted, handle } = recordingSession();
    const sample = correlatedGaussian(300, 1, 0.5, 1);
    handle({
      type: 'baselines',
      requestId: 3,
      sample: { ...sample, y: sample.x.map((v) => 3 * v) },
      settings: { k: 3, shuffles: 0, seed: 1 },
    });
    await waitFor(() => posted.some((m) => m.type === 'baselines-done'));
    expect(types(posted, 3).filter((t) => t !== 'baseline-progress')).toEqual([
      'baseline-failed',
      'ksg',
      'baselines-done',
    ]);
    expect(posted[0]).toMatchObject({ baseline: 'linear', code: 'singular-covariance' });
  });

  it('stops the baselines when cancelled, between slices of KSG', async () => {
    const { posted, handle } = recordingSession();
    handle({
      type: 'baselines',
      requestId: 5,
      sample: correlatedGaussian(5000, 2, 0.5, 1),
      settings: { k: 3, shuffles: 99, seed: 1 },
    });
    await waitFor(() => posted.some((m) => m.type === 'baseline-progress'));
    handle({ type: 'cancel', requestId: 5 });
    await waitFor(() => posted.some((m) => m.type === 'failed'));
    expect(posted.at(-1)).toMatchObject({ type: 'failed', requestId: 5, code: 'cancelled' });
    expect(types(posted, 5)).not.toContain('ksg');
  });
});

describe('the data client', () => {
  it('starts the worker on first use and resolves a parse with the table, reporting progress', async () => {
    const worker = inProcessWorker();
    let starts = 0;
    const client = createDataClient(() => (starts++, worker.port));
    expect(starts).toBe(0);
    const reads: number[] = [];
    const table = await client.parseFile(new Blob([bigCsv(100_000)]), (read) => reads.push(read));
    expect(table.rows).toBe(100_000);
    expect(reads.length).toBeGreaterThan(0);
    expect((await client.parseText(CSV)).rows).toBe(3);
    expect(starts).toBe(1);
  });

  it('rejects a replaced or cancelled request with code cancelled, and drops its replies', async () => {
    const worker = inProcessWorker();
    const client = createDataClient(() => worker.port);
    const first = client.parseText(bigCsv(20_000));
    const second = client.parseText(CSV);
    await expect(first).rejects.toMatchObject({ code: 'cancelled' });
    expect((await second).rows).toBe(3);
    const third = client.parseFile(new Blob([bigCsv(200_000)]));
    client.cancelParse();
    await expect(third).rejects.toBeInstanceOf(DataError);
    expect(worker.sent.at(-1)).toEqual({ type: 'cancel', requestId: 3 });
  });

  it('rejects a parse of a bad file with its DataError', async () => {
    const client = createDataClient(() => inProcessWorker().port);
    await expect(client.parseText('only\n1\n2\n')).rejects.toMatchObject({
      code: 'one-column',
      name: 'DataError',
    });
  });

  it('delivers each baseline to its callback and resolves when all are done', async () => {
    const client = createDataClient(() => inProcessWorker().port);
    const got: string[] = [];
    const sample = correlatedGaussian(400, 2, 0.6, 2);
    await client.computeBaselines(
      sample,
      { k: 3, shuffles: 4, seed: 1 },
      {
        onLinear: (r) => got.push(`linear ${r.canonicalCorrelations.length}`),
        onKsg: (r) => got.push(`ksg ${r.rowsUsed}`),
        onPermutation: (r) => got.push(`permutation ${r.pValue}`),
      },
    );
    expect(got).toEqual(['linear 2', 'ksg 400', 'permutation 0.2']);
  });

  it('rejects what is pending when the worker fails, and starts a new one next time', async () => {
    const workers = [inProcessWorker(), inProcessWorker()];
    let started = 0;
    const client = createDataClient(() => workers[started++].port);
    const pending = client.parseFile(new Blob([bigCsv(300_000)]));
    workers[0].crash();
    await expect(pending).rejects.toMatchObject({
      code: 'failed',
      detail: message('errors.dataWorker.failed', { detail: 'boom' }),
    });
    expect((await client.parseText(CSV)).rows).toBe(3);
    expect(started).toBe(2);
  });
});
