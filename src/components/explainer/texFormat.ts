/** Numbers and logarithms as the explainer's formulas print them, in TeX and in plain text. */
import type { InfoUnit } from '../../protocol/config';
import { formatInformation, formatSetting } from '../format';

/** A formula twice: TeX for KaTeX (null: plain text only), and plain text shown until KaTeX has loaded. */
export interface Formula {
  readonly tex: string | null;
  readonly text: string;
}

/** A setting's value in TeX: up to four significant digits, thousands grouped as 20{,}000. */
export function texNumber(value: number): string {
  return formatSetting(value).replace(/,/g, '{,}');
}

/** A setting's value in plain text, e.g. "20,000". */
export function textNumber(value: number): string {
  return formatSetting(value);
}

/** An information quantity to two decimals with its unit, in TeX. */
export function texInfo(value: number, units: InfoUnit): string {
  return `${formatInformation(value).replace(/,/g, '{,}')}\\ \\text{${units}}`;
}

/** An information quantity to two decimals with its unit, in plain text. */
export function textInfo(value: number, units: InfoUnit): string {
  return `${formatInformation(value)} ${units}`;
}

/** The logarithm of the chosen units: log₂ for bits, ln for nats. */
export function unitLog(units: InfoUnit): Formula {
  return units === 'bits' ? { tex: '\\log_2', text: 'log₂' } : { tex: '\\ln', text: 'ln' };
}

/** A possibly negative value raised to a power in TeX, parenthesised when negative: (−0.5)^2. */
export function texSquared(value: number): string {
  return value < 0 ? `(${texNumber(value)})^2` : `${texNumber(value)}^2`;
}

/** TeX lines stacked and centred (a formula, then the values it is evaluated at). */
export function texLines(...lines: string[]): string {
  return lines.length === 1 ? lines[0] : `\\begin{gathered}${lines.join(' \\\\ ')}\\end{gathered}`;
}

/** A possibly negative value squared in plain text, parenthesised when negative: (-0.5)². */
export function textSquared(value: number): string {
  return value < 0 ? `(${textNumber(value)})²` : `${textNumber(value)}²`;
}
