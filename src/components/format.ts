/** Number formatting shared by the readouts and sliders. */

const compact = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });
const fixed = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A setting's value for display: up to four significant digits, e.g. "0.0015", "20,000". */
export function formatSetting(value: number): string {
  return compact.format(value);
}

/** An information quantity to two decimals, e.g. "5.98" (the label names the unit); "—" when unknown. */
export function formatInformation(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '—' : fixed.format(value);
}
