/**
 * Where the suite keeps finished cells across reloads: IndexedDB in the browser (a reload resumes
 * instead of losing them), or memory where there is none (a private window, the unit tests).
 */
import type { SuiteCellResult } from '../protocol/suite';

/** Finished cells by key (protocol/suiteRun's cellKey). */
export interface CellStore {
  /** The cells kept under any of `keys`. */
  load(keys: readonly string[]): Promise<Map<string, SuiteCellResult>>;
  save(key: string, result: SuiteCellResult): Promise<void>;
  /** Forgets every kept cell. */
  clear(): Promise<void>;
}

/** Cells in memory only. */
export function memoryCells(): CellStore {
  const cells = new Map<string, SuiteCellResult>();
  return {
    load: async (keys) =>
      new Map(keys.flatMap((k) => (cells.has(k) ? [[k, cells.get(k) as SuiteCellResult]] : []))),
    save: async (key, result) => void cells.set(key, result),
    clear: async () => cells.clear(),
  };
}

const DATABASE = 'mine-lab';
const STORE = 'suite-cells';

/** A request's result as a promise. */
function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/** Cells in IndexedDB (database "mine-lab", store "suite-cells"); memory if it cannot be opened. */
export function indexedDbCells(factory: IDBFactory | undefined = globalThis.indexedDB): CellStore {
  if (!factory) return memoryCells();
  let database: Promise<IDBDatabase> | null = null;
  const open = () => {
    database ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(DATABASE, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
    });
    return database;
  };
  const fallback = memoryCells();
  const store = async (mode: IDBTransactionMode) =>
    (await open()).transaction(STORE, mode).objectStore(STORE);
  return {
    async load(keys) {
      try {
        const objects = await store('readonly');
        const found = await Promise.all(
          keys.map((key) => done<SuiteCellResult | undefined>(objects.get(key))),
        );
        return new Map(keys.flatMap((key, i) => (found[i] ? [[key, found[i] as SuiteCellResult]] : [])));
      } catch {
        return fallback.load(keys);
      }
    },
    async save(key, result) {
      try {
        await done((await store('readwrite')).put(result, key));
      } catch {
        await fallback.save(key, result);
      }
    },
    async clear() {
      try {
        await done((await store('readwrite')).clear());
      } catch {
        await fallback.clear();
      }
    },
  };
}
