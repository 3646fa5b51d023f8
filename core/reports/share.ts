// A report leaves the app two ways (issue 11 part 2): as a phone-sized image and as a spreadsheet of its
// KPI table. Both are read off the frozen report view here, so the numbers in the picture and in the file
// are the document's own (share.test.ts holds them to it); the app only paints the image's draw list.
import { LIGHT_WORDS, type Light } from '../analytics/kpi'
import type { KpiCard } from '../analytics/schemas'
import type { ReportView } from './schemas'

/** One row of a report's KPI table. */
export interface KpiRow {
  kpi: string
  label: string
  /** The days the value covers, e.g. "11-23 至 11-29" or "本季度至今（10-01 起）". */
  span: string
  value: number | null
  display: string
  target: string
  light: Light
  lightWord: string
  change: string
  /** 周报 only: the two-week rule's verdict for the week. */
  verdict?: string
}

function row(c: KpiCard, span: string, verdict?: string): KpiRow {
  return {
    kpi: c.kpi,
    label: c.label,
    span,
    value: c.value,
    display: c.display,
    target: c.targetDisplay,
    light: c.light,
    lightWord: LIGHT_WORDS[c.light],
    change: c.changeDisplay,
    ...(verdict !== undefined ? { verdict } : {}),
  }
}

const days = (from: string, to: string) => (from === to ? from.slice(5) : `${from.slice(5)} 至 ${to.slice(5)}`)

/** The KPI table of a report: its cards, each with the days it covers (a 月报's core KPIs run from the quarter's first day). */
export function reportRows(r: ReportView): KpiRow[] {
  if (r.weekly) {
    const verdicts = new Map(r.weekly.verdicts.map((v) => [v.kpi, v.verdictLabel]))
    return r.weekly.cards.map((c) => row(c, days(r.from, r.to), verdicts.get(c.kpi) ?? '未评定'))
  }
  if (r.monthly) {
    const m = r.monthly
    return [...m.quarterCards.map((c) => row(c, `本季度至今（${days(m.quarterFrom, r.to)}）`)), ...m.monthCards.map((c) => row(c, `本月（${days(r.from, r.to)}）`))]
  }
  return (r.daily?.cards ?? []).map((c) => row(c, days(r.from, r.to)))
}

export type Cell = string | number | null

/** The spreadsheet of a report: a header, then one line per KPI (the value as a number where it is one, and as shown). */
export function reportTable(r: ReportView): { sheet: string; header: string[]; rows: Cell[][]; footer: string[] } {
  const rows = reportRows(r)
  const weekly = Boolean(r.weekly)
  const header = ['指标', '统计范围', '数值', '显示值', '本期目标', '状态', '较上期', ...(weekly ? ['周评定'] : [])]
  return {
    sheet: r.kindLabel,
    header,
    rows: rows.map((x) => [x.label, x.span, x.value, x.display, x.target, x.lightWord, x.change, ...(weekly ? [x.verdict ?? ''] : [])]),
    footer: [r.title, r.dataAsOfText, `${r.generatedByName} · 第 ${r.revision} 版 · 指标口径 v${r.definitionsVersion}`],
  }
}

/** One thing to paint: text (left, right or centred at x; y is the baseline) or a filled rectangle or dot. */
export type DrawOp =
  | { op: 'text'; x: number; y: number; text: string; size: number; color: string; bold?: boolean; align?: 'left' | 'right' | 'center' }
  | { op: 'rect'; x: number; y: number; w: number; h: number; color: string; radius?: number }
  | { op: 'dot'; x: number; y: number; r: number; color: string }

export interface ShareImage {
  width: number
  height: number
  ops: DrawOp[]
}

/** The colours of the picture (the app's palette: src/styles/palette.ts). */
export interface ShareColors {
  page: string
  card: string
  title: string
  body: string
  help: string
  brand: string
  line: string
  light: Record<Light, string>
}

/** 750 design pixels wide, as the app's pages: a phone shows it edge to edge. */
export const SHARE_WIDTH = 750
const PAD = 32
const ROW_H = 96

/**
 * The picture of a report: a title block, then one row per KPI (name and span left; value, target and
 * light word right), then a few lines of what a 周报 or 月报 adds. Heights follow the content.
 */
export function shareImage(r: ReportView, colors: ShareColors): ShareImage {
  const ops: DrawOp[] = []
  const right = SHARE_WIDTH - PAD
  let y = PAD
  const text = (x: number, dy: number, s: string, size: number, color: string, extra: { bold?: boolean; align?: 'left' | 'right' | 'center' } = {}) => ops.push({ op: 'text', x, y: y + dy, text: s, size, color, ...extra })

  text(PAD, 44, r.title, 36, colors.title, { bold: true })
  text(PAD, 88, `${r.dataAsOfText} · ${r.generatedByName} · 第 ${r.revision} 版 · 指标口径 v${r.definitionsVersion}`, 22, colors.help)
  y += 120

  const rows = reportRows(r)
  const cardTop = y
  const cardAt = ops.length
  y += 8
  for (const x of rows) {
    // The light's dot before the name; its word is in the line under the value (never colour alone).
    ops.push({ op: 'dot', x: PAD + 32, y: y + 31, r: 8, color: colors.light[x.light] })
    text(PAD + 52, 40, x.label, 28, colors.title, { bold: true })
    text(PAD + 52, 76, x.verdict ? `${x.span} · 周评定 ${x.verdict}` : x.span, 20, colors.help)
    text(right - 24, 40, x.display, 30, colors.title, { bold: true, align: 'right' })
    text(right - 24, 76, `目标 ${x.target} · ${x.lightWord} · 较上期 ${x.change}`, 20, colors.body, { align: 'right' })
    y += ROW_H
    ops.push({ op: 'rect', x: PAD + 24, y: y - 1, w: SHARE_WIDTH - 2 * PAD - 48, h: 1, color: colors.line })
  }
  if (!rows.length) {
    text(PAD + 24, 48, '这份报告没有指标卡片', 24, colors.body)
    y += ROW_H
  }
  // The card goes under its rows: painted first, sized once the rows are known.
  ops.splice(cardAt, 0, { op: 'rect', x: PAD, y: cardTop, w: SHARE_WIDTH - 2 * PAD, h: y - cardTop + 8, color: colors.card, radius: 16 })
  y += 24

  for (const line of extraLines(r)) {
    text(PAD, 32, line, 24, colors.body)
    y += 44
  }
  text(SHARE_WIDTH / 2, 48, '视频号运营台 · 报告生成后数字不再变化', 20, colors.help, { align: 'center' })
  y += 80
  return { width: SHARE_WIDTH, height: Math.ceil(y), ops: [{ op: 'rect', x: 0, y: 0, w: SHARE_WIDTH, h: Math.ceil(y), color: colors.page }, ...ops] }
}

/** What a 周报 or 月报 adds under the table, one short line each (a 日报's lists stay in the app). */
function extraLines(r: ReportView): string[] {
  const out: string[] = []
  const ranking = (r.weekly ?? r.monthly)?.rankings.find((x) => x.metric === 'completionRate')
  if (r.weekly?.funnel.biggestDrop) out.push(`本周${r.weekly.funnel.biggestDrop}（${r.weekly.funnel.rate}）`)
  if (ranking?.top[0]) out.push(`完播率最高：${clip(ranking.top[0].title, 16)} ${ranking.top[0].display}`)
  if (r.weekly) out.push(`本周发布 ${r.weekly.published} 条 · 新开预警 ${r.weekly.alertsOpened.length} 项 · 结束预警 ${r.weekly.alertsEnded.length} 项`)
  if (r.monthly) out.push(`本月发布 ${r.monthly.published} 条 · 月度复盘待决策 ${r.monthly.openDecisions.length} 项`)
  if (r.daily && r.audience === 'full') out.push(`待录入作品 ${r.daily.missingCount} 条 · 超时评审 ${r.daily.overdueReviewCount} 条 · 预警 ${r.daily.alerts.length} 项`)
  return out
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)

/** The file names a report is shared under: "周报-2026-W48.png" / ".xlsx". */
export function shareFileName(r: Pick<ReportView, 'kindLabel' | 'period' | 'revision'>, ext: 'png' | 'xlsx'): string {
  return `${r.kindLabel}-${r.period}${r.revision > 1 ? `-v${r.revision}` : ''}.${ext}`
}
