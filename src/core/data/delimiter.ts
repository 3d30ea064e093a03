/**
 * Which character separates the fields, and how lines end, guessed from the start of a file.
 */
import Papa from 'papaparse';

/**
 * The separators tried, in order of preference: tab, then semicolon, then comma. The first that
 * splits the first sampled line into ≥ 2 fields, and nine in ten of the others into as many, wins. Semicolon goes before comma
 * because semicolon-separated files are the ones that write decimal commas: "1,5;2,5" splits
 * evenly on both, and means two numbers.
 */
export const DELIMITERS: readonly string[] = ['\t', ';', ','];

/** Lines sampled to judge a delimiter. */
const SAMPLE_LINES = 50;
/** The share of sampled lines that must have as many fields as the first. */
const AGREEING_SHARE = 0.9;

/** How lines end in `sample`: the first line break found decides ('\n' when there is none). */
export function detectNewline(sample: string): '\n' | '\r\n' | '\r' {
  const lf = sample.indexOf('\n');
  const cr = sample.indexOf('\r');
  if (cr < 0) return '\n';
  if (lf < 0) return '\r';
  if (lf === cr + 1) return '\r\n';
  return lf < cr ? '\n' : '\r';
}

/**
 * The delimiter of a file whose first characters are `sample` (`complete` when the sample is the
 * whole file; otherwise its last, perhaps cut, line is not judged). Falls back to ','.
 */
export function detectDelimiter(sample: string, complete: boolean): string {
  const newline = detectNewline(sample);
  for (const delimiter of DELIMITERS) {
    const rows = Papa.parse(sample, {
      delimiter,
      newline,
      preview: SAMPLE_LINES + 1,
      skipEmptyLines: true,
    }).data;
    const judged = complete || rows.length <= 1 ? rows : rows.slice(0, -1);
    if (judged.length === 0) continue;
    const fields = judged[0].length;
    const agreeing = judged.filter((row) => row.length === fields).length;
    if (fields >= 2 && agreeing >= AGREEING_SHARE * judged.length) return delimiter;
  }
  return ',';
}
