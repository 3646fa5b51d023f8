import { dayKey, type DayKey } from '../time/china'
import type { ImportRow, SnapshotMetrics } from './schemas'
import type { ImportCandidate } from './views'

/**
 * Reading a Channels data-centre export (视频号助手 → 数据中心 → 作品数据 → 导出). The app parses the CSV
 * or XLSX file on the phone (with a maintained parser) into header → cell records; this module maps the
 * Chinese headers and cells to an `ImportRow`, and the function matches rows to items.
 */
type RowField = Exclude<keyof ImportRow, 'itemId'>

/** Header aliases seen in exports over time, to the field they fill. */
export const EXPORT_COLUMNS: Record<string, RowField> = {
  视频标题: 'title',
  作品标题: 'title',
  标题: 'title',
  视频描述: 'title',
  发表时间: 'publishedAt',
  发布时间: 'publishedAt',
  曝光: 'impressions',
  曝光量: 'impressions',
  推荐: 'impressions',
  播放: 'plays',
  播放量: 'plays',
  播放次数: 'plays',
  点赞: 'likes',
  点赞量: 'likes',
  点赞数: 'likes',
  评论: 'comments',
  评论量: 'comments',
  评论数: 'comments',
  分享: 'shares',
  分享量: 'shares',
  分享数: 'shares',
  转发: 'shares',
  收藏: 'favorites',
  收藏量: 'favorites',
  关注: 'newFollowers',
  新增关注: 'newFollowers',
  涨粉: 'newFollowers',
  完播率: 'completionRate',
  平均播放时长: 'avgWatchSeconds',
  平均观看时长: 'avgWatchSeconds',
}

/** Columns without which a file cannot be imported. */
export const REQUIRED_COLUMNS: RowField[] = ['title', 'plays']

/**
 * Maps a header row: the field of each column (null when unknown) and the required fields missing.
 *
 * @example
 * mapHeaders(['视频标题', '发表时间', '播放量', '备注'])
 * //=> { fields: ['title', 'publishedAt', 'plays', null], missing: [] }
 */
export function mapHeaders(headers: readonly string[]): { fields: (RowField | null)[]; missing: RowField[] } {
  const fields = headers.map((h) => EXPORT_COLUMNS[normalizeHeader(h)] ?? null)
  return { fields, missing: REQUIRED_COLUMNS.filter((f) => !fields.includes(f)) }
}

function normalizeHeader(h: string): string {
  return String(h).replace(/[\s\u3000]/g, '').replace(/[（(].*?[)）]$/, '')
}

/**
 * Turns one parsed record (header → cell) into an import row. Cells that cannot be read are listed in
 * `problems` (in Chinese) and left out of the row.
 *
 * @example
 * mapExportRow({ 视频标题: '开箱', 发表时间: '2026/11/20 18:30', 播放量: '1.2万', 完播率: '35%', 平均播放时长: '1分05秒' })
 * //=> { row: { title: '开箱', publishedAt: '2026/11/20 18:30', plays: 12000, completionRate: 0.35, avgWatchSeconds: 65 }, problems: [] }
 */
export function mapExportRow(record: Readonly<Record<string, unknown>>): { row: ImportRow; problems: string[] } {
  const row: Record<string, unknown> = { title: '' }
  const problems: string[] = []
  for (const [header, cell] of Object.entries(record)) {
    const field = EXPORT_COLUMNS[normalizeHeader(header)]
    if (!field) continue
    const text = cell === null || cell === undefined ? '' : String(cell).trim()
    if (field === 'title' || field === 'publishedAt') {
      row[field] = text
      continue
    }
    if (text === '' || text === '-' || text === '--') continue
    const value = field === 'completionRate' ? parseRate(text) : field === 'avgWatchSeconds' ? parseDuration(text) : parseCount(text)
    if (value === null) problems.push(`${header}：无法识别“${text.slice(0, 20)}”`)
    else row[field] = value
  }
  return { row: row as ImportRow, problems }
}

/**
 * A count as exports write it: '1,234', '1.2万', '3亿', or a plain number.
 *
 * @example
 * parseCount('1.2万') //=> 12000
 * parseCount('abc')  //=> null
 */
export function parseCount(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*(万|w|亿)?$/i.exec(text.replace(/,/g, ''))
  if (!m) return null
  const mult = m[2] === '亿' ? 1e8 : m[2] ? 1e4 : 1
  return Math.round(Number(m[1]) * mult)
}

/**
 * A rate: '35%', '35.5%', or a share '0.35'.
 *
 * @example
 * parseRate('35%') //=> 0.35
 * parseRate('0.35') //=> 0.35
 */
export function parseRate(text: string): number | null {
  const pct = /^(\d+(?:\.\d+)?)\s*%$/.exec(text)
  if (pct) return Number(pct[1]) / 100
  return /^\d+(?:\.\d+)?$/.test(text) ? Number(text) : null
}

/**
 * A duration in seconds: '65', '65秒', '65s', '1分05秒', '01:05', '00:01:05'.
 *
 * @example
 * parseDuration('1分05秒') //=> 65
 * parseDuration('00:01:05') //=> 65
 */
export function parseDuration(text: string): number | null {
  const t = text.replace(/\s/g, '')
  if (/^\d+(\.\d+)?(秒|s)?$/i.test(t)) return Number(t.replace(/[秒s]/gi, ''))
  const cn = /^(?:(\d+)(?:小时|时))?(?:(\d+)分(?:钟)?)?(?:(\d+(?:\.\d+)?)秒)?$/.exec(t)
  if (cn && (cn[1] || cn[2] || cn[3])) return Number(cn[1] ?? 0) * 3600 + Number(cn[2] ?? 0) * 60 + Number(cn[3] ?? 0)
  const clock = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(t)
  if (clock) return Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3])
  return null
}

/**
 * The China-time day of an export's publish time ('2026/11/20 18:30', '2026-11-20 18:30:00',
 * '2026年11月20日 18:30', or ISO with an offset). Times without an offset are Beijing time.
 *
 * @example
 * exportDay('2026/11/20 23:30') //=> '2026-11-20'
 * exportDay('昨天')             //=> null
 */
export function exportDay(text: string | undefined): DayKey | null {
  if (!text) return null
  const t = text.trim()
  if (/[zZ]|[+-]\d{2}:?\d{2}$/.test(t) && !Number.isNaN(Date.parse(t))) return dayKey(t)
  const m = /^(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})日?/.exec(t)
  if (!m) return null
  const [mo, d] = [Number(m[2]), Number(m[3])]
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/**
 * The snapshot an import row stands for: 关注 counts as organic new followers (the export has no
 * paid split; 投流 follows come from the ad platform), completions = 完播率 × plays.
 *
 * @example
 * rowMetrics({ title: 't', plays: 1000, completionRate: 0.35, newFollowers: 12 })
 * //=> { plays: 1000, completions: 350, newFollowersOrganic: 12 }
 */
export function rowMetrics(row: ImportRow): SnapshotMetrics | null {
  if (row.plays === undefined) return null
  const m: SnapshotMetrics = { plays: row.plays }
  if (row.impressions !== undefined) m.impressions = row.impressions
  if (row.completionRate !== undefined) m.completions = Math.round(row.completionRate * row.plays)
  if (row.avgWatchSeconds !== undefined) m.avgWatchSeconds = row.avgWatchSeconds
  for (const k of ['likes', 'comments', 'shares', 'favorites'] as const) if (row[k] !== undefined) m[k] = row[k]
  if (row.newFollowers !== undefined) m.newFollowersOrganic = row.newFollowers
  return m
}

/** Titles compare without spaces, punctuation width or case: exports trim and re-encode them. */
export function normalizeTitle(t: string): string {
  return t
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u3000#＃"“”'‘’]/g, '')
}

export interface MatchableItem {
  id: string
  title: string
  publishedAt: Date | string | null
}

/**
 * Finds the item a row is about: same title (normalized) and, when the row has a publish time, the same
 * China-time publish day. Exactly one match is a match; otherwise the candidates to choose from by hand
 * (same title or same day, at most five).
 *
 * @example
 * matchRow({ title: '开箱', publishedAt: '2026/11/20 18:30' }, [{ id: 'a', title: '开箱', publishedAt: '2026-11-20T10:31:00Z' }])
 * //=> { itemId: 'a', candidates: [] }
 */
export function matchRow(row: Pick<ImportRow, 'title' | 'publishedAt'>, items: readonly MatchableItem[]): { itemId: string | null; candidates: ImportCandidate[] } {
  const title = normalizeTitle(row.title)
  const day = exportDay(row.publishedAt)
  const dayOf = (i: MatchableItem) => (i.publishedAt ? dayKey(i.publishedAt) : null)
  const exact = items.filter((i) => normalizeTitle(i.title) === title && (day === null || dayOf(i) === day))
  if (exact.length === 1) return { itemId: exact[0].id, candidates: [] }
  const near = (exact.length ? exact : items.filter((i) => normalizeTitle(i.title) === title || (day !== null && dayOf(i) === day))).slice(0, 5)
  return { itemId: null, candidates: near.map((i) => ({ id: i.id, title: i.title, publishedDay: dayOf(i) })) }
}
