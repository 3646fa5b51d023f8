// A report's KPI table as an .xlsx file in cloud storage (issue 11 part 2), written with write-excel-file
// (the maintained writer of the read-excel-file the import already uses; small, one dependency). The
// rows are core/reports/share.ts's, read off the stored report: the file's numbers are the document's.
import writeXlsxFile from 'write-excel-file/node'
import type { analyticsContract } from '../../core/api/analytics'
import { AppError } from '../../core/errors'
import { reportTable, shareFileName } from '../../core/reports/share'
import type { Handlers } from '../common/action'
import { REPORTS } from '../common/db/collections'
import type { ReportRecord } from '../common/db/reports'
import { tempFileURL, uploadFile } from '../common/sdk'
import { viewOf } from './reportActions'

type C = typeof analyticsContract

/** The sheet's cells: bold header, the value column as numbers (blank where there is none), the footer lines under a gap. */
export function sheetOf(t: ReturnType<typeof reportTable>) {
  type Cell = { value: string | number; type?: typeof Number | typeof String; fontWeight?: 'bold' } | null
  const head: Cell[] = t.header.map((h) => ({ value: h, fontWeight: 'bold' }))
  const body: Cell[][] = t.rows.map((r) => r.map((v): Cell => (v === null ? null : typeof v === 'number' ? { value: v, type: Number } : { value: v, type: String })))
  const foot: Cell[][] = [[], ...t.footer.map((f): Cell[] => [{ value: f, type: String }])]
  return [head, ...body, ...foot]
}

export const reportExportHandlers: Pick<Handlers<C>, 'exportReport'> = {
  async exportReport({ ctx, input }) {
    const r = await ctx.repo<ReportRecord>(REPORTS).get(input.id)
    if (!r) throw new AppError('NOT_FOUND', '报告不存在')
    const view = viewOf(r, 'full')
    const table = reportTable(view)
    const buffer = await writeXlsxFile(sheetOf(table) as never, { sheet: table.sheet, columns: [{ width: 14 }, { width: 22 }, { width: 12 }, { width: 12 }, { width: 14 }, { width: 8 }, { width: 10 }, { width: 10 }] }).toBuffer()
    const fileName = shareFileName(view, 'xlsx')
    const fileID = await uploadFile(`reports/${ctx.team._id}/${r._id}-${ctx.newId('xlsx').slice(0, 12)}.xlsx`, buffer)
    ctx.audit({ subjectId: r._id, subjectName: view.title, detail: { fileID, rows: table.rows.length } })
    return { fileID, tempFileURL: await tempFileURL(fileID), fileName, rows: table.rows.length }
  },
}
