/**
 * The bundled example datasets: the manifest `examples/index.json` and each CSV beside it, files of
 * the site itself (precached for offline use), fetched relative to the page so any sub-path works.
 */
import { MessageError, message } from '../protocol/message';

/** One bundled example, as the manifest describes it. */
export interface ExampleEntry {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly file: string;
  readonly rows: number;
  readonly columns: readonly string[];
  /** The columns suggested as X and as Y. */
  readonly x: readonly string[];
  readonly y: readonly string[];
  /** The exact MI where it is known (generated data), else null. */
  readonly trueMiNats: number | null;
  readonly licence: string;
  readonly citation: string;
}

/** Fetches the manifest and example files (replaceable in tests). */
export interface ExampleSource {
  manifest(): Promise<readonly ExampleEntry[]>;
  file(entry: ExampleEntry): Promise<Blob>;
}

/** The bundled examples, fetched from the site relative to the page (the manifest once). */
export function siteExamples(): ExampleSource {
  let manifest: Promise<readonly ExampleEntry[]> | null = null;
  const fetchOk = async (path: string) => {
    const response = await fetch(new URL(path, document.baseURI));
    if (!response.ok) throw new MessageError(message('errors.siteFile', { path, status: response.status }));
    return response;
  };
  return {
    manifest() {
      manifest ??= fetchOk('examples/index.json').then(async (r) => (await r.json()) as ExampleEntry[]);
      manifest.catch(() => (manifest = null)); // try again next time
      return manifest;
    },
    file: async (entry) => (await fetchOk(`examples/${encodeURIComponent(entry.file)}`)).blob(),
  };
}
