/**
 * Reading one cell of a CSV file as a number. Missing values are a short fixed list of tokens;
 * numbers are plain decimals with an optional exponent ("1.5", "-.5", "2e-3"), and in files not
 * separated by commas also with a decimal comma ("3,14"). Thousands separators are not read:
 * "1,234" means 1.234 in much of Europe and 1234 elsewhere, so a column holding them is reported
 * as text, with the value that stopped it.
 */
import { message, type Message } from '../../protocol/message';

/**
 * Cells read as missing (compared after trimming, ignoring case): the empty cell and what R,
 * pandas, Excel, SQL and the UCI repository write for "no value".
 */
export const MISSING_TOKENS: readonly string[] = ['', 'na', 'n/a', '#n/a', 'nan', 'null', 'none', '-', '?'];

const MISSING = new Set(MISSING_TOKENS);
const DECIMAL_POINT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?(?:\d+,?\d*|,\d+)(?:[eE][+-]?\d+)?$/;

/** The longest token in MISSING_TOKENS: a longer cell is never missing. */
const LONGEST_MISSING = Math.max(...MISSING_TOKENS.map((t) => t.length));

/** A cell that is not a number: it makes its column a text column. */
export const NOT_A_NUMBER = null;

/**
 * The number a cell holds: NaN when it is missing, NOT_A_NUMBER (null) when it is text or a
 * number too large to be finite. `decimalComma` also accepts a comma as the decimal mark.
 */
export function readCell(raw: string, decimalComma: boolean): number | null {
  const text = raw.trim();
  if (text.length <= LONGEST_MISSING && MISSING.has(text.toLowerCase())) return Number.NaN;
  let value: number;
  if (DECIMAL_POINT.test(text)) value = Number(text);
  else if (decimalComma && DECIMAL_COMMA.test(text)) value = Number(text.replace(',', '.'));
  else return NOT_A_NUMBER;
  return Number.isFinite(value) ? value : NOT_A_NUMBER;
}

const THOUSANDS = /^[+-]?\d{1,3}(?:[,.' ]\d{3})+(?:[.,]\d+)?$/;

/** Why a cell is not a number, for the text column's reason ("value 'abc' in row 3 is not a number"). */
export function notNumberReason(raw: string, row: number, decimalComma: boolean): Message {
  const text = raw.trim();
  const value = text.length > 24 ? `${text.slice(0, 24)}…` : text;
  const tooLarge = DECIMAL_POINT.test(text) || (decimalComma && DECIMAL_COMMA.test(text));
  if (THOUSANDS.test(text)) return message('errors.cell.thousands', { value, row });
  return message(tooLarge ? 'errors.cell.notFinite' : 'errors.cell.notNumberAt', { value, row });
}
