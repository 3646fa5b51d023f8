/**
 * Numbers as field staff type them on a numeric keyboard: digits, maybe a decimal point, maybe the
 * thousands commas the data centre shows. Money is typed in 元 and stored in fen (integers), so sums
 * stay exact. How numbers are shown (not typed) is core/format.ts.
 */

/** '' → undefined (left blank), '1,234' → 1234, anything else unreadable → NaN. */
export function readNumber(text: string | undefined): number | undefined {
  const t = (text ?? '').replace(/[,，\s]/g, '')
  if (t === '') return undefined
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN
}

/**
 * 元 as typed → fen. Rounds to the fen so '12.345' does not become a fractional fen.
 *
 * @example
 * yuanToFen('1299.9') //=> 129990
 */
export function yuanToFen(text: string | undefined): number | undefined {
  const n = readNumber(text)
  if (n === undefined || Number.isNaN(n)) return n
  return Math.round(n * 100)
}

/** fen → '1299.90' style text to edit in a form field ('1299' when whole; no separators, so it reads back). */
export function fenToYuanText(fen: number): string {
  return fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2)
}
