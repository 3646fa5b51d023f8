/** Byte-order mark: Excel on Windows only reads a UTF-8 CSV's Chinese text correctly with it. */
export const UTF8_BOM = '\uFEFF'

/**
 * One CSV cell: quoted when it holds a comma, quote or line break; a leading = + - @ is
 * prefixed with ' so a spreadsheet never runs a title as a formula.
 *
 * @example
 * csvCell('a,b')      //=> '"a,b"'
 * csvCell('=1+1')     //=> "'=1+1"
 * csvCell(null)       //=> ''
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  let s = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** A whole CSV document with a BOM and CRLF line ends (what Excel expects). */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return UTF8_BOM + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n'
}
