/**
 * A number as English text: "1,234", "2.5", "-1,000.125" (thousands grouped with commas, at most three
 * decimals, as `toLocaleString('en')` writes it). Written by hand because the first `toLocaleString` call
 * in a process loads ICU's number formatting, about 20 ms: the extension host paid it for the first tree
 * label, the CLI for its first sentence.
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) {
    return Number.isNaN(value) ? 'NaN' : value > 0 ? '∞' : '-∞';
  }
  const rounded = Math.round(Math.abs(value) * 1000) / 1000;
  const [whole = '0', fraction] = String(rounded).split('.');
  // String() of a number past 1e21 uses an exponent; such counts never occur, so they are left as they come.
  const grouped = whole.includes('e') ? whole : whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = value < 0 ? '-' : '';
  return `${sign}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}
