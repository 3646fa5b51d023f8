import type { KpiCard } from '../analytics/schemas'
import type { ReportView } from './schemas'
import { reportRows, reportTable, shareFileName, shareImage, SHARE_WIDTH, type ShareColors } from './share'

const card = (kpi: string, label: string, value: number | null, display: string, target: string, light: KpiCard['light'], reviewedEvery: 'quarter' | 'month' = 'quarter'): KpiCard =>
  ({ kpi, label, unit: 'ratio', reviewedEvery, value, display, target: null, targetDisplay: target, horizonText: null, direction: 'higher', light, previous: null, change: null, changeDisplay: '+2.0%', trend: [], asOf: null, asOfText: '' }) as unknown as KpiCard

const COMPLETION = card('completionRate', '完播率', 0.352, '35.2%', '≥ 50.0%', 'red')
const OUTPUT = card('output', '内容产出', 6, '6 条', '≥ 5 条', 'green')
const NET = card('netAdds', '净增粉丝', null, '—', '≥ 300 人', 'none', 'month')

const base = {
  id: 't_weekly_2026-W48',
  kind: 'weekly',
  kindLabel: '周报',
  title: '周报 · 2026-W48（11-23 至 11-29）',
  period: '2026-W48',
  revision: 1,
  generatedAt: '2026-11-30T02:30:00.000Z',
  headline: '红灯 1 项',
  from: '2026-11-23',
  to: '2026-11-29',
  audience: 'full',
  definitionsVersion: 1,
  dataAsOf: '2026-11-30T02:30:00.000Z',
  dataAsOfText: '数据截至 11-30 10:30',
  generatedByName: '定时生成',
  superseded: false,
  daily: null,
  weekly: null,
  monthly: null,
} as const

const ranking = { metric: 'completionRate' as const, label: '完播率', ranked: 1, top: [{ itemId: 'i1', title: '冬季新品开箱', tags: '', plays: 500, rate: 0.4, display: '40.0%（播放 500）' }], bottom: [] }
const weekly: ReportView = {
  ...base,
  weekly: {
    week: '2026-W48',
    cards: [COMPLETION, OUTPUT],
    verdicts: [
      { kpi: 'completionRate', label: '完播率', verdict: 'miss', verdictLabel: '未达标' },
      { kpi: 'output', label: '内容产出', verdict: 'hit', verdictLabel: '达标' },
    ],
    funnel: { biggestDrop: '最大流失：曝光→播放', rate: '12.0%', previousBiggestDrop: null, previousRate: null },
    rankings: [ranking],
    mix: [],
    published: 6,
    alertsOpened: [],
    alertsEnded: [],
    asOfText: '',
  },
}
const monthly: ReportView = {
  ...base,
  kind: 'monthly',
  kindLabel: '月报',
  title: '月报 · 2026 年 11 月',
  period: '2026-11',
  revision: 2,
  from: '2026-11-01',
  to: '2026-11-30',
  monthly: { month: '2026-11', monthCards: [NET], quarterCards: [COMPLETION], quarterFrom: '2026-10-01', rankings: [ranking], published: 21, alertsOpened: [], alertsEnded: [], openDecisions: [], asOfText: '' },
}

const COLORS: ShareColors = { page: '#f5f6f7', card: '#ffffff', title: '#1d2129', body: '#5c6068', help: '#8a8f99', brand: '#07c160', line: '#eceef1', light: { green: 'g', yellow: 'y', red: 'r', none: 'n' } }
const texts = (r: ReportView) => shareImage(r, COLORS).ops.flatMap((o) => (o.op === 'text' ? [o.text] : []))

describe('reportRows / reportTable', () => {
  it('a 周报: every card with the week\'s verdict, values as the document has them', () => {
    expect(reportRows(weekly).map((r) => [r.label, r.span, r.value, r.display, r.target, r.lightWord, r.verdict])).toEqual([
      ['完播率', '11-23 至 11-29', 0.352, '35.2%', '≥ 50.0%', '未达标', '未达标'],
      ['内容产出', '11-23 至 11-29', 6, '6 条', '≥ 5 条', '达标', '达标'],
    ])
    const t = reportTable(weekly)
    expect(t.header).toEqual(['指标', '统计范围', '数值', '显示值', '本期目标', '状态', '较上期', '周评定'])
    expect(t.rows[0]).toEqual(['完播率', '11-23 至 11-29', 0.352, '35.2%', '≥ 50.0%', '未达标', '+2.0%', '未达标'])
    expect(t.footer).toEqual(['周报 · 2026-W48（11-23 至 11-29）', '数据截至 11-30 10:30', '定时生成 · 第 1 版 · 指标口径 v1'])
  })

  it('a 月报: core KPIs over the quarter to date first, then the month\'s; no value stays empty, never 0', () => {
    const t = reportTable(monthly)
    expect(t.rows.map((r) => r.slice(0, 4))).toEqual([
      ['完播率', '本季度至今（10-01 至 11-30）', 0.352, '35.2%'],
      ['净增粉丝', '本月（11-01 至 11-30）', null, '—'],
    ])
    expect(t.header).not.toContain('周评定')
  })
})

describe('shareImage', () => {
  it('shows every number of the report: value, target and light word of each KPI, and its freshness and version', () => {
    const all = texts(weekly).join('\n')
    for (const r of reportRows(weekly)) {
      expect(all).toContain(r.display)
      expect(all).toContain(`目标 ${r.target} · ${r.lightWord} · 较上期 ${r.change}`)
      expect(all).toContain(`周评定 ${r.verdict}`)
    }
    expect(all).toContain('数据截至 11-30 10:30 · 定时生成 · 第 1 版 · 指标口径 v1')
    expect(all).toContain('本周最大流失：曝光→播放（12.0%）')
    expect(all).toContain('完播率最高：冬季新品开箱 40.0%（播放 500）')
  })

  it('is phone-width, grows with its rows, paints the page first and each light by its colour', () => {
    const img = shareImage(weekly, COLORS)
    expect(img.width).toBe(SHARE_WIDTH)
    expect(img.ops[0]).toEqual({ op: 'rect', x: 0, y: 0, w: SHARE_WIDTH, h: img.height, color: COLORS.page })
    expect(img.ops.filter((o) => o.op === 'dot').map((o) => (o as { color: string }).color)).toEqual(['r', 'g'])
    const more = shareImage({ ...weekly, weekly: { ...weekly.weekly!, cards: [COMPLETION, OUTPUT, COMPLETION] } }, COLORS)
    expect(more.height).toBeGreaterThan(img.height)
    for (const o of img.ops) if (o.op === 'text') expect(o.y).toBeLessThan(img.height)
    // The card under the rows is painted before them.
    const cardAt = img.ops.findIndex((o) => o.op === 'rect' && o.color === COLORS.card)
    const firstDot = img.ops.findIndex((o) => o.op === 'dot')
    expect(cardAt).toBeGreaterThan(0)
    expect(cardAt).toBeLessThan(firstDot)
  })

  it('file names carry the kind, period and revision', () => {
    expect(shareFileName(weekly, 'png')).toBe('周报-2026-W48.png')
    expect(shareFileName(monthly, 'xlsx')).toBe('月报-2026-11-v2.xlsx')
  })
})
