/**
 * JS heap readings over the Chrome DevTools Protocol: the page's through a CDP session, the training
 * worker's through the same session auto-attached (non-flattened) to the page's dedicated workers,
 * talking to them with Target.sendMessageToTarget.
 */
import { readPage } from './browser.mjs';

/** Name the page gives its training worker (`new Worker(…, { name })`). */
const WORKER_NAME = 'mine-trainer';

/** Opens a CDP session on `page` (call before navigating) that can read the page's and its worker's heap. */
export async function attachHeapProbe(page) {
  const cdp = await page.context().newCDPSession(page);
  const workers = new Map(); // sessionId → targetInfo
  const pending = new Map(); // message id → { resolve, reject, timer }
  let nextId = 0;

  cdp.on('Target.attachedToTarget', ({ sessionId, targetInfo }) => {
    if (targetInfo.type === 'worker') workers.set(sessionId, targetInfo);
  });
  cdp.on('Target.detachedFromTarget', ({ sessionId }) => workers.delete(sessionId));
  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const reply = JSON.parse(message);
    const waiter = pending.get(reply.id);
    if (!waiter) return;
    pending.delete(reply.id);
    clearTimeout(waiter.timer);
    if (reply.error) waiter.reject(new Error(reply.error.message));
    else waiter.resolve(reply.result);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });

  /** Sends one CDP command to a worker session and resolves with its result. */
  const sendToWorker = (sessionId, method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = ++nextId;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`${method} in the worker got no answer within 15 s`));
      }, 15_000);
      pending.set(id, { resolve, reject, timer });
      cdp
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
        .catch((error) => {
          pending.delete(id);
          clearTimeout(timer);
          reject(error);
        });
    });

  return {
    /** The page's heap after two full GCs (the second frees what finalizers released): { usedBytes, totalBytes }. */
    async pageHeap() {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize, totalSize } = await cdp.send('Runtime.getHeapUsage');
      return { usedBytes: usedSize, totalBytes: totalSize };
    },
    /** The training worker's heap after two full GCs, or null when no worker is attached. */
    async workerHeap() {
      const entries = [...workers.entries()];
      const [sessionId, info] = entries.find(([, t]) => t.title === WORKER_NAME) ?? entries[0] ?? [];
      if (!sessionId) return null;
      await sendToWorker(sessionId, 'HeapProfiler.collectGarbage');
      await sendToWorker(sessionId, 'HeapProfiler.collectGarbage');
      const { usedSize, totalSize } = await sendToWorker(sessionId, 'Runtime.getHeapUsage');
      return { usedBytes: usedSize, totalBytes: totalSize, worker: info.title || info.url };
    },
  };
}

/** Reads tensors and both heaps at this moment; a failing reading becomes an `error` string, not a throw. */
export async function heapSnapshot(page, probe) {
  const snapshot = {};
  const attempt = async (key, read) => {
    try {
      snapshot[key] = await read();
    } catch (error) {
      snapshot[key] = null;
      snapshot[`${key}Error`] = error instanceof Error ? error.message.split('\n')[0] : String(error);
    }
  };
  await attempt('before', () => readPage(page));
  await attempt('pageHeap', () => probe.pageHeap());
  await attempt('workerHeap', () => probe.workerHeap());
  const readouts = snapshot.before;
  return {
    step: readouts?.step ?? null,
    state: readouts?.state ?? null,
    tensors: readouts?.tensors ?? null,
    tensorBytes: readouts?.tensorBytes ?? null,
    backendUsed: readouts?.backendUsed ?? null,
    pageHeapUsedBytes: snapshot.pageHeap?.usedBytes ?? null,
    pageHeapTotalBytes: snapshot.pageHeap?.totalBytes ?? null,
    workerHeapUsedBytes: snapshot.workerHeap?.usedBytes ?? null,
    workerHeapTotalBytes: snapshot.workerHeap?.totalBytes ?? null,
    errors: ['before', 'pageHeap', 'workerHeap'].map((k) => snapshot[`${k}Error`]).filter(Boolean),
  };
}
