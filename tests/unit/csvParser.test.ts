import { describe, expect, it } from 'vitest';
import { MISSING_TOKENS, readCell } from '../../src/core/data/cells';
import { createCsvParser, parseCsvText } from '../../src/core/data/csvParser';
import { detectDelimiter } from '../../src/core/data/delimiter';
import { parseCsvBlob } from '../../src/core/data/parseBlob';
import { DATA_LIMITS, DataError, type ParsedTable, type TableColumn } from '../../src/core/data/table';
import { message, type Message } from '../../src/protocol/message';
import { inEnglish } from './inEnglish';

/** The column called `name`, which must exist. */
function column(table: ParsedTable, name: string): TableColumn {
  const found = table.columns.find((c) => c.name === name);
  if (!found) throw new Error(`no column ${name} in ${table.columns.map((c) => c.name).join(', ')}`);
  return found;
}

/** The values of numeric column `name`, as a plain array (NaN where missing). */
function values(table: ParsedTable, name: string): number[] {
  const found = column(table, name);
  if (found.kind !== 'numeric') throw new Error(`${name} is text: ${inEnglish(found.reason)}`);
  return Array.from(found.values);
}

/** The DataError `run` throws: its code, its message and that message in English. */
function failure(run: () => unknown): { code: DataError['code']; detail: Message; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof DataError)
      return { code: error.code, detail: error.detail, message: inEnglish(error.detail) };
    throw error;
  }
  throw new Error('expected a DataError');
}

/** Parses `text` fed in chunks of `size` characters, or as bytes in chunks of `size` bytes. */
function parseInChunks(text: string, size: number, as: 'text' | 'bytes'): ParsedTable {
  const parser = createCsvParser();
  if (as === 'text') for (let i = 0; i < text.length; i += size) parser.pushText(text.slice(i, i + size));
  else {
    const bytes = new TextEncoder().encode(text);
    for (let i = 0; i < bytes.length; i += size) parser.pushBytes(bytes.subarray(i, i + size));
  }
  return parser.finish();
}

describe('reading a cell', () => {
  it('reads plain decimals, signs and exponents, and refuses what is not a finite number', () => {
    expect(readCell(' 3.25 ', false)).toBe(3.25);
    expect(readCell('-.5', false)).toBe(-0.5);
    expect(readCell('+2e-3', false)).toBe(0.002);
    expect(readCell('1E5', false)).toBe(1e5);
    expect(readCell('7.', false)).toBe(7);
    for (const text of ['abc', '0x10', '1_000', '1,234', '1.2.3', 'Infinity', '1e400', '--1', '5 kg'])
      expect(readCell(text, false), text).toBeNull();
  });

  it('reads a decimal comma only when asked (files not separated by commas)', () => {
    expect(readCell('3,14', true)).toBe(3.14);
    expect(readCell('-0,5e1', true)).toBe(-5);
    expect(readCell('3,14', false)).toBeNull();
    expect(readCell('1.234,5', true)).toBeNull(); // thousands separators are never read
  });

  it('reads every missing token, in any case, as NaN', () => {
    for (const token of [...MISSING_TOKENS, 'NA', 'N/A', 'NaN', 'NULL', 'None', '#N/A', '  na  ']) {
      expect(readCell(token, false), token).toBeNaN();
    }
  });
});

describe('detecting the delimiter', () => {
  it('finds comma, semicolon and tab, and prefers the semicolon of decimal-comma files', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n4,5,6\n', true)).toBe(',');
    expect(detectDelimiter('a;b\n1;2\n', true)).toBe(';');
    expect(detectDelimiter('a\tb\n1,5\t2,5\n', true)).toBe('\t');
    expect(detectDelimiter('1,5;2,5\n3,5;4,5\n', true)).toBe(';'); // both split evenly: two numbers, not four
    expect(detectDelimiter('"x;y",b\n"1;2",3\n', true)).toBe(',');
  });
});

describe('parsing a CSV file', () => {
  it('reads a comma-separated file with a header, quotes and CRLF line ends', () => {
    const table = parseCsvText('x,"y, in m",label\r\n1,2.5,"a ""b"""\r\n-3,4e1,c\r\n');
    expect(table).toMatchObject({ rows: 2, delimiter: ',', hasHeader: true, decimalComma: false });
    expect(table.columns.map((c) => c.name)).toEqual(['x', 'y, in m', 'label']);
    expect(values(table, 'x')).toEqual([1, -3]);
    expect(values(table, 'y, in m')).toEqual([2.5, 40]);
    expect(column(table, 'label')).toEqual({
      name: 'label',
      kind: 'text',
      reason: message('errors.cell.notNumberAt', { value: 'a "b"', row: 2 }),
    });
  });

  it('reads a semicolon file with decimal commas and a quoted field holding a line break', () => {
    const table = parseCsvText('a;b;note\n1,5;-2,25;"two\nlines"\n3;4,0;x\n');
    expect(table).toMatchObject({ rows: 2, delimiter: ';', hasHeader: true, decimalComma: true });
    expect(values(table, 'a')).toEqual([1.5, 3]);
    expect(values(table, 'b')).toEqual([-2.25, 4]);
  });

  it('reads a tab-separated file', () => {
    const table = parseCsvText('u\tv\n0,5\t1\n2\t3\n');
    expect(table.delimiter).toBe('\t');
    expect(values(table, 'u')).toEqual([0.5, 2]);
  });

  it('strips a UTF-8 BOM, from bytes and from text', () => {
    const text = '\ufeffx,y\n1,2\n3,4\n';
    expect(parseInChunks(text, 1 << 20, 'bytes').columns[0].name).toBe('x');
    expect(parseCsvText(text).columns[0].name).toBe('x');
  });

  it('names the columns c1, c2… when the first row is numbers, and keeps that row', () => {
    const table = parseCsvText('1,2\n3,4\n5,6\n');
    expect(table).toMatchObject({ rows: 3, hasHeader: false });
    expect(values(table, 'c1')).toEqual([1, 3, 5]);
    expect(values(table, 'c2')).toEqual([2, 4, 6]);
  });

  it('tells a header by a text cell over a numeric column, even beside text columns', () => {
    expect(parseCsvText('species,mass\nAdelie,3750\nGentoo,5000\n').hasHeader).toBe(true);
    expect(parseCsvText('Adelie,3750\nGentoo,5000\n').hasHeader).toBe(false);
  });

  it('names blank and repeated header cells apart', () => {
    const table = parseCsvText('x,,x\n1,2,3\n');
    expect(table.columns.map((c) => c.name)).toEqual(['x', 'c2', 'x (2)']);
  });

  it('reads missing values as NaN and counts them per column', () => {
    const table = parseCsvText('a,b,c\n1,NA,\n2,nan,null\nN/A,3,-\n4,5,?\n');
    const a = column(table, 'a');
    expect(a.kind === 'numeric' && a.missing).toBe(1);
    expect(values(table, 'b')).toEqual([Number.NaN, Number.NaN, 3, 5]);
    const c = column(table, 'c');
    expect(c).toMatchObject({ kind: 'numeric', missing: 4 });
  });

  it('fills the fields a short row lacks as missing, and ignores empty lines and trailing empty fields', () => {
    const table = parseCsvText('a,b\n1,2\n\n3\n4,5,,\n');
    expect(table.rows).toBe(3);
    expect(values(table, 'b')).toEqual([2, Number.NaN, 5]);
  });

  it('says why a column is text: the first value that is not a number, by spreadsheet row', () => {
    const table = parseCsvText('a,b,c\n1,2,3\n4,abc,1e999\n5,"1,234",6\n');
    const reason = (of: TableColumn) => (of.kind === 'text' ? inEnglish(of.reason) : null);
    expect(column(table, 'b')).toMatchObject({
      kind: 'text',
      reason: message('errors.cell.notNumberAt', { value: 'abc', row: 3 }),
    });
    expect(reason(column(table, 'b'))).toBe("value 'abc' in row 3 is not a number");
    expect(reason(column(table, 'c'))).toBe("value '1e999' in row 3 is not a finite number");
    const t2 = parseCsvText('a,b\n1,"1,234"\n');
    expect(reason(column(t2, 'b'))).toBe(
      "value '1,234' in row 2 is not a number (thousands separators are not read: remove them)",
    );
  });

  it('gives the same table whatever the chunks: text or bytes, split anywhere, inside quotes and characters', () => {
    const text = 'größe;"note; with ""quotes"""\r\n1,5;"a\r\nb"\r\n2,5;ü\r\n3;x\r\n';
    const whole = parseCsvText(text);
    expect(whole.columns.map((c) => c.name)).toEqual(['größe', 'note; with "quotes"']);
    expect(values(whole, 'größe')).toEqual([1.5, 2.5, 3]);
    for (const size of [1, 2, 3, 5, 7]) {
      expect(parseInChunks(text, size, 'text'), `text chunks of ${size}`).toEqual(whole);
      expect(parseInChunks(text, size, 'bytes'), `byte chunks of ${size}`).toEqual(whole);
    }
  });

  it('parses a long file past the detection window and the header sample, chunk by chunk', () => {
    const lines = ['i;half'];
    for (let i = 0; i < 20_000; i++) lines.push(`${i};${i / 2}`.replace('.', ','));
    const table = parseInChunks(lines.join('\n'), 4096, 'bytes');
    expect(table.rows).toBe(20_000);
    const half = values(table, 'half');
    expect(half[19_999]).toBe(9999.5);
    expect(half.every((v, i) => v === i / 2)).toBe(true);
    expect(table.decimalComma).toBe(true);
  });
});

describe('files that cannot be used', () => {
  it('refuses an empty file, or one of blank lines, or only a BOM', () => {
    for (const text of ['', '\n\n  \n', '\ufeff'])
      expect(failure(() => parseCsvText(text)).code, JSON.stringify(text)).toBe('empty');
  });

  it('refuses a binary file: NUL bytes, invalid UTF-8 or UTF-16 in the first kilobyte', () => {
    const parse = (bytes: number[]) => () => {
      const parser = createCsvParser();
      parser.pushBytes(Uint8Array.from(bytes));
      return parser.finish();
    };
    const nul = failure(parse([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    expect(nul.code).toBe('binary');
    expect(nul.message).toMatch(/byte 5 is a NUL character.*Export a spreadsheet/);
    expect(failure(parse([0x61, 0x2c, 0xff, 0xfe, 0x31, 0x0a])).message).toMatch(/not valid UTF-8/);
    expect(failure(parse([0xff, 0xfe, 0x61, 0x00])).message).toMatch(/UTF-16/);
    expect(failure(() => parseCsvText('a,b\0\n')).code).toBe('binary');
  });

  it('refuses a file of one column', () => {
    const error = failure(() => parseCsvText('x\n1\n2\n'));
    expect(error.code).toBe('one-column');
    expect(error.message).toMatch(/Only one column was found/);
  });

  it('refuses a file without a numeric column, saying why for each', () => {
    const error = failure(() => parseCsvText('name,city\nAnn,Oslo\nBob,Rome\n'));
    expect(error.code).toBe('no-numeric-column');
    expect(error.message).toMatch(/name: value 'Ann' in row 2 is not a number; city: value 'Oslo' in row 2/);
  });

  it('refuses a header without data rows', () => {
    expect(failure(() => parseCsvText('x,y\n')).code).toBe('no-rows');
  });

  it('refuses a row with more fields than the header, and a quote never closed', () => {
    const extra = failure(() => parseCsvText('a,b\n1,2\n3,4,5\n'));
    expect(extra).toMatchObject({
      code: 'malformed',
      message: expect.stringMatching(/^Row 3 has 3 fields but the header has 2/),
    });
    expect(failure(() => parseCsvText('a,b\n1,"2\n3,4\n')).code).toBe('malformed');
  });

  it('stops at each limit with a message naming it, before allocating past it', () => {
    const limits = { ...DATA_LIMITS, maxRows: 5, maxColumns: 3, maxBytes: 1000, maxValues: 12 };
    const rows = (n: number, cols: number) =>
      [
        Array.from({ length: cols }, (_, c) => `c${c}`).join(','),
        ...Array.from({ length: n }, () => '1,'.repeat(cols - 1) + '1'),
      ].join('\n');
    expect(() => parseCsvText(rows(5, 1 + 1), limits)).not.toThrow();
    expect(failure(() => parseCsvText(rows(6, 1 + 1), limits))).toMatchObject({
      code: 'too-many-rows',
      message: expect.stringMatching(/more than 5 rows, the limit/),
    });
    expect(failure(() => parseCsvText(rows(1, 4), limits))).toMatchObject({
      code: 'too-many-columns',
      message: expect.stringMatching(/4 columns; the limit is 3/),
    });
    expect(failure(() => parseCsvText(rows(5, 3), limits))).toMatchObject({
      code: 'too-many-values',
      message: expect.stringMatching(/more than 12 values \(rows × 3 columns\), the limit/),
    });
    expect(failure(() => parseCsvText('a,b\n' + '1,2\n'.repeat(300), limits))).toMatchObject({
      code: 'too-large',
    });
    expect(failure(() => createCsvParser({ totalBytes: 1001, limits }))).toMatchObject({
      code: 'too-large',
      message: expect.stringMatching(/larger than 0.001 MB/),
    });
    expect(DATA_LIMITS).toEqual({
      maxRows: 1_000_000,
      maxColumns: 200,
      maxBytes: 200_000_000,
      maxValues: 50_000_000,
    });
  });
});

describe('streaming a File', () => {
  it('reads a Blob slice by slice, reporting bytes read, and ends at the full size', async () => {
    const text = 'x,y\n' + Array.from({ length: 5000 }, (_, i) => `${i},${2 * i}`).join('\n');
    const blob = new Blob([text]);
    const reports: [number, number][] = [];
    let clock = 0;
    const table = await parseCsvBlob(blob, {
      chunkBytes: 4096,
      progressIntervalMs: 100,
      now: () => (clock += 30),
      onProgress: (read, total) => reports.push([read, total]),
    });
    expect(table.rows).toBe(5000);
    expect(values(table, 'y')[4999]).toBe(9998);
    const slices = Math.ceil(blob.size / 4096);
    expect(reports.length).toBeGreaterThan(slices / 5); // one report per ≥ 100 ms, at 30 ms a slice
    expect(reports.length).toBeLessThan(slices);
    expect(
      reports.every(([read, total], i) => total === blob.size && (i === 0 || read >= reports[i - 1][0])),
    ).toBe(true);
    expect(reports.at(-1)).toEqual([blob.size, blob.size]);
  });

  it('stops when cancelled, between slices', async () => {
    const controller = new AbortController();
    const blob = new Blob(['x,y\n' + '1,2\n'.repeat(10_000)]);
    const promise = parseCsvBlob(blob, {
      chunkBytes: 1000,
      signal: controller.signal,
      progressIntervalMs: 0,
      onProgress: (read) => read > 5000 && controller.abort(),
    });
    await expect(promise).rejects.toMatchObject({ code: 'cancelled' });
  });
});
