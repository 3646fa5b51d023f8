import Papa from 'papaparse'
import { readSheet } from 'read-excel-file/universal'
import { mapHeaders, mapExportRow } from '../../../core/results/import'
import { importRow, type ImportRow } from '../../../core/results/schemas'
import { fieldErrors } from '../../../core/validation'

/**
 * Reading a data-centre export on the phone: CSV with papaparse, XLSX with read-excel-file's
 * "universal" build (fflate + a pure-JS XML parser, so it needs no DOM and no Node), headers and cells
 * mapped by core/results/import. Rows that cannot be read are kept with their reasons, never dropped.
 */
export interface ParsedFile {
  /** Rows ready for importPreview, with their position in the file. */
  rows: { index: number; row: ImportRow }[]
  /** Rows refused before anything is sent, with why (in Chinese). */
  refused: { index: number; title: string; reasons: string[] }[]
}

export class ImportFileError extends Error {}

/** How far down a file the header row may be (exports sometimes start with a title line). */
const HEADER_SEARCH_ROWS = 10

export async function parseExport(fileName: string, data: ArrayBuffer): Promise<ParsedFile> {
  const lower = fileName.toLowerCase()
  if (lower.endsWith('.xlsx')) return recordsToRows(await readXlsx(data))
  if (lower.endsWith('.csv')) return recordsToRows(readCsv(decodeText(data)))
  throw new ImportFileError('只支持 CSV 或 XLSX 文件（数据中心导出的格式）')
}

/** CSV text → rows of cells. */
export function readCsv(text: string): unknown[][] {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' })
  return result.data
}

async function readXlsx(data: ArrayBuffer): Promise<unknown[][]> {
  // The mini-program has no Blob; the reader only checks `instanceof Blob` before taking the ArrayBuffer.
  const g = globalThis as { Blob?: unknown }
  if (typeof g.Blob === 'undefined') g.Blob = class {}
  try {
    const sheet = await readSheet(data)
    return sheet.map((row) => row.map(cellText))
  } catch {
    throw new ImportFileError('这个 XLSX 文件打不开，请确认是数据中心导出的 Excel 文件')
  }
}

/** A date cell is a wall-clock time without a zone (read as UTC): write it back as the export showed it. */
function cellText(cell: unknown): unknown {
  if (cell instanceof Date) return cell.toISOString().slice(0, 16).replace('T', ' ')
  return cell
}

/** UTF-8 (with or without BOM); older exports saved by Excel on Windows are GB18030. */
export function decodeText(data: ArrayBuffer): string {
  if (typeof TextDecoder === 'undefined') return utf8(new Uint8Array(data))
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data)
  } catch {
    try {
      return new TextDecoder('gb18030').decode(data)
    } catch {
      return new TextDecoder('utf-8').decode(data)
    }
  }
}

/** The mini-program may lack TextDecoder: a plain UTF-8 decode. */
function utf8(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; ) {
    const c = bytes[i++]
    if (c < 0x80) out += String.fromCharCode(c)
    else if (c < 0xe0) out += String.fromCharCode(((c & 0x1f) << 6) | (bytes[i++] & 0x3f))
    else if (c < 0xf0) out += String.fromCharCode(((c & 0x0f) << 12) | ((bytes[i++] & 0x3f) << 6) | (bytes[i++] & 0x3f))
    else {
      const cp = (((c & 0x07) << 18) | ((bytes[i++] & 0x3f) << 12) | ((bytes[i++] & 0x3f) << 6) | (bytes[i++] & 0x3f)) - 0x10000
      out += String.fromCharCode(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff))
    }
  }
  return out
}

/** Rows of cells → import rows: find the header row, map each record, check it with the row schema. */
export function recordsToRows(cells: unknown[][]): ParsedFile {
  const headerAt = cells.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => mapHeaders(r.map((c) => String(c ?? ''))).missing.length === 0)
  if (headerAt < 0) throw new ImportFileError('没有找到表头：文件里要有“视频标题”和“播放量”两列')
  const headers = cells[headerAt].map((c) => String(c ?? '').trim())
  const out: ParsedFile = { rows: [], refused: [] }
  cells.slice(headerAt + 1).forEach((cellsOfRow, i) => {
    if (cellsOfRow.every((c) => c === null || c === undefined || String(c).trim() === '')) return
    const record: Record<string, unknown> = {}
    headers.forEach((h, k) => {
      if (h) record[h] = cellsOfRow[k]
    })
    const { row, problems } = mapExportRow(record)
    const checked = importRow.safeParse(row)
    const reasons = [...problems, ...(checked.success ? [] : fieldErrors(importRow, checked.error).map((f) => f.message))]
    if (!row.title) reasons.push('视频标题：不能为空')
    if (reasons.length) out.refused.push({ index: i, title: row.title || `第 ${i + 1} 行`, reasons })
    else out.rows.push({ index: i, row: checked.success ? checked.data : row })
  })
  if (!out.rows.length && !out.refused.length) throw new ImportFileError('文件里没有数据行')
  return out
}
