/**
 * The incremental CSV parser: bytes (or text) in, in chunks of any size, a ParsedTable out.
 * Checks that the file is text, strips a UTF-8 BOM, guesses the delimiter and line ending from
 * its first 64 kB, then streams the rest through Papa Parse into the table builder. Pure and
 * synchronous: the worker feeds it a File's slices, tests feed it strings.
 */
import Papa, { type PapaReadable } from 'papaparse';
import { detectDelimiter, detectNewline } from './delimiter';
import { message, type Message } from '../../protocol/message';
import { DATA_LIMITS, DataError, type DataLimits, type ParsedTable } from './table';
import { createTableBuilder, type TableBuilder } from './tableBuilder';

/** Characters read before guessing the delimiter (or the whole input, if shorter). */
const DETECTION_CHARS = 64 * 1024;
/** Bytes checked for NULs and invalid UTF-8 to tell a binary file. */
const BINARY_PROBE_BYTES = 1024;

/** Takes a file's contents in order and parses them into a table. */
export interface CsvParser {
  /** The next bytes of the file (UTF-8; any split, even inside a character). */
  pushBytes(bytes: Uint8Array): void;
  /** The next characters (pasted text; a parser takes bytes or text, not both). */
  pushText(text: string): void;
  /** Bytes (or characters) taken so far. */
  readonly consumed: number;
  /** The table; throws a DataError for a file that cannot be used. */
  finish(): ParsedTable;
}

/** A Node-style readable that Papa Parse streams from, driven synchronously by `emit`. */
function createFeed() {
  type Listener = (value?: string | Error) => void;
  const listeners: Record<'data' | 'end' | 'error', Listener[]> = { data: [], end: [], error: [] };
  const readable: PapaReadable = {
    readable: true,
    read: () => undefined,
    on: (event, listener) => void listeners[event].push(listener),
    removeListener: (event, listener) => {
      listeners[event] = listeners[event].filter((l) => l !== listener);
    },
    pause: () => undefined,
    resume: () => undefined,
  };
  const emit = (event: 'data' | 'end', text?: string) => listeners[event].slice().forEach((l) => l(text));
  return { readable, emit };
}

/** Why `bytes` (a file's first bytes, `complete` if that is all of it) are not text, or null. */
function binaryReason(bytes: Uint8Array, complete: boolean): Message | null {
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  ) {
    return message('errors.binary.utf16');
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return message('errors.binary.nul', { byte: nul + 1 });
  try {
    // A character cut at the end of the probe is not an error, unless the file ends there.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !complete });
  } catch {
    return message('errors.binary.utf8');
  }
  return null;
}

/** A parser for one file; `totalBytes` (when known) lets it refuse an oversized file at once. */
export function createCsvParser(options: { totalBytes?: number; limits?: DataLimits } = {}): CsvParser {
  const limits = options.limits ?? DATA_LIMITS;
  const tooLarge = () =>
    new DataError('too-large', message('errors.tooLarge', { megabytes: limits.maxBytes / 1e6 }));
  if (options.totalBytes !== undefined && options.totalBytes > limits.maxBytes) throw tooLarge();

  const decoder = new TextDecoder('utf-8'); // strips a leading BOM; invalid bytes after the probe become U+FFFD
  let consumed = 0;
  let probe: Uint8Array | null = new Uint8Array(0); // the first bytes, until checked
  let head = ''; // text held back until the delimiter is guessed
  let stream: { builder: TableBuilder; emit: (event: 'data' | 'end', text?: string) => void } | null = null;
  let failure: unknown = null;
  let unclosedQuote = false;
  let finished = false;

  const check = () => {
    if (failure) throw failure;
  };

  /** Guesses the delimiter from the text held back, then streams everything through Papa Parse. */
  const start = (complete: boolean) => {
    const delimiter = detectDelimiter(head, complete);
    const builder = createTableBuilder(delimiter, limits);
    const feed = createFeed();
    Papa.parse(feed.readable, {
      delimiter,
      newline: detectNewline(head),
      skipEmptyLines: false,
      chunk: (results) => {
        if (failure) return;
        try {
          if (results.errors.some((e) => e.code === 'MissingQuotes')) unclosedQuote = true;
          builder.addRows(results.data);
        } catch (error) {
          failure = error;
        }
      },
      error: (error) => (failure ??= error),
    });
    stream = { builder, emit: feed.emit };
    const text = head;
    head = '';
    if (text) feed.emit('data', text);
    check();
    return stream;
  };

  const takeText = (text: string) => {
    if (stream) {
      if (text) stream.emit('data', text);
      check();
      return;
    }
    head += text;
    if (head.length >= DETECTION_CHARS) start(false);
  };

  const takeProbe = (complete: boolean) => {
    if (!probe) return;
    const bytes = probe;
    probe = null;
    const reason = binaryReason(bytes, complete);
    if (reason) {
      throw new DataError('binary', message('errors.binary.file', { reason }));
    }
    takeText(decoder.decode(bytes, { stream: !complete }));
  };

  const guard = (amount: number) => {
    if (finished) throw new Error('the parser has finished');
    check();
    consumed += amount;
    if (consumed > limits.maxBytes) throw (failure = tooLarge());
  };

  return {
    pushBytes(bytes) {
      guard(bytes.length);
      if (probe) {
        const joined = new Uint8Array(probe.length + bytes.length);
        joined.set(probe);
        joined.set(bytes, probe.length);
        probe = joined;
        if (probe.length >= BINARY_PROBE_BYTES) takeProbe(false);
        return;
      }
      takeText(decoder.decode(bytes, { stream: true }));
    },
    pushText(text) {
      guard(text.length);
      probe = null;
      if (consumed === text.length && text.slice(0, BINARY_PROBE_BYTES).includes('\0')) {
        throw new DataError('binary', message('errors.binary.pasted'));
      }
      takeText(consumed === text.length && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    },
    get consumed() {
      return consumed;
    },
    finish() {
      check();
      finished = true;
      takeProbe(true);
      head += decoder.decode();
      const { builder, emit } = stream ?? start(true);
      if (head) emit('data', head);
      emit('end');
      check();
      if (unclosedQuote) {
        throw new DataError('malformed', message('errors.unclosedQuote'));
      }
      return builder.finish();
    },
  };
}

/** Parses a whole text at once (pasted rows; tests). */
export function parseCsvText(text: string, limits?: DataLimits): ParsedTable {
  const parser = createCsvParser({ limits });
  parser.pushText(text);
  return parser.finish();
}
