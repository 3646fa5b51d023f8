import { z } from 'zod'
import { isCalendarDay } from './time/china'

/**
 * The small schemas every action input is built from, so one rule has one definition: a record id,
 * a day key, an instant, a count, a version and a visible name or title. Each takes the field's Chinese
 * label (`.describe`), which `fieldErrors` puts in front of the message.
 */

/** The longest id a client may send (ids are made by the database or by us). */
export const ID_MAX = 64

/**
 * A record id as the client sends it: 1–64 characters once trimmed.
 *
 * @example
 * idSchema('内容').parse(' abc ') //=> 'abc'
 * idSchema('内容').safeParse('').success //=> false ('内容：不能为空')
 */
export function idSchema(label: string) {
  return z.string().trim().min(1).max(ID_MAX).describe(label)
}

/** The message of a day key that is not 'YYYY-MM-DD'. */
export const DAY_FORMAT_MESSAGE = '应为 YYYY-MM-DD 格式的日期'

/**
 * A China-time day key 'YYYY-MM-DD' that names a real calendar day. A malformed string and an impossible
 * day (2024-02-31, 2026-13-45) are refused with one message each.
 *
 * @example
 * dayKeySchema('日期').parse('2024-02-29') //=> '2024-02-29'
 * dayKeySchema('日期').safeParse('2024-02-31').success //=> false ('日期：没有这一天（2024-02-31）')
 * dayKeySchema('日期').safeParse('2024/02/01').success //=> false ('日期：应为 YYYY-MM-DD 格式的日期')
 */
export function dayKeySchema(label: string) {
  return z
    .string()
    .superRefine((s, ctx) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) ctx.addIssue({ code: 'custom', message: DAY_FORMAT_MESSAGE })
      else if (!isCalendarDay(s)) ctx.addIssue({ code: 'custom', message: `没有这一天（${s}）` })
    })
    .describe(label)
}

/**
 * A from..to range of day keys (开始日期, 结束日期), in order and at most a year long. The order and length
 * are checked only once both ends are real days: each end says on its own what is wrong with it.
 *
 * @example
 * dayRangeSchema().safeParse({ from: '2026-12-01', to: '2026-11-01' }).success
 * //=> false ('结束日期：结束日期不能早于开始日期')
 * dayRangeSchema().safeParse({ from: '2026-01-01', to: '2027-06-01' }).success //=> false ('结束日期：范围最长一年')
 */
export function dayRangeSchema() {
  return z
    .object({ from: dayKeySchema('开始日期'), to: dayKeySchema('结束日期') })
    .strict()
    .superRefine((r, ctx) => {
      if (!isCalendarDay(r.from) || !isCalendarDay(r.to)) return
      if (r.from > r.to) ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期' })
      else if (Date.parse(r.to) - Date.parse(r.from) > 366 * 86400_000) ctx.addIssue({ code: 'custom', path: ['to'], message: '范围最长一年' })
    })
}

/**
 * An instant as an ISO 8601 string with its offset ('2026-11-27T10:00:00+08:00' or '…Z').
 *
 * @example
 * isoTimeSchema('发布时间').safeParse('2026-11-27 10:00').success //=> false ('发布时间：应为带时区的时间')
 */
export function isoTimeSchema(label: string) {
  return z.string().datetime({ offset: true, message: '应为带时区的时间' }).describe(label)
}

/** The largest count a form may carry: far above any real figure, far below where doubles lose integers. */
export const COUNT_MAX = 10_000_000_000

/**
 * A count: a non-negative integer (plays, leads, followers, amounts in fen).
 *
 * @example
 * countSchema('播放').safeParse(-1).success  //=> false ('播放：不能为负数')
 * countSchema('播放').safeParse(1.5).success //=> false ('播放：应为整数')
 */
export function countSchema(label: string, max: number = COUNT_MAX) {
  return z.number().int('应为整数').min(0, '不能为负数').max(max, '数值过大').describe(label)
}

/** The optimistic-concurrency version a client read and sends back. */
export const versionSchema = z.number().int().min(0).describe('版本')

/**
 * Characters that are not seen but change what is seen: bidirectional embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069), direction marks (U+200E, U+200F) and zero-width characters
 * (U+200B–U+200D, U+2060, U+FEFF). A title starting with U+202E shows its text reversed in every list.
 */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g

/**
 * `s` without invisible and direction-changing characters.
 *
 * @example
 * stripInvisible('\u202E选题') //=> '选题'
 * stripInvisible('\u200B\u200B') //=> ''
 */
export function stripInvisible(s: string): string {
  return s.replace(INVISIBLE, '')
}

/** The message of a name or title with nothing visible in it. */
export const INVISIBLE_ONLY_MESSAGE = '不能只包含空白或不可见字符'

/**
 * A name or title people read (member, team, item, gate, tag): invisible and direction-changing characters
 * are removed, the rest trimmed, and at least one visible character is required. The length limit stays a
 * `.max()` on the inner string (`textLimitOf` and the forms' counters read it).
 *
 * @example
 * visibleText('标题', 60).parse('\u202E新品上市 ') //=> '新品上市'
 * visibleText('标题', 60).safeParse('\u200B\u200B').success //=> false ('标题：不能只包含空白或不可见字符')
 * visibleText('标题', 60).safeParse('').success //=> false ('标题：不能为空')
 * visibleText('月度主题', 30, { min: 0 }).parse('\u200B') //=> '' (an optional text may be emptied)
 */
export function visibleText(label: string, max: number, opts: { min?: number } = {}) {
  const min = opts.min ?? 1
  const inner = z.string().trim().min(min).max(max)
  return z
    .preprocess((v, ctx) => {
      if (typeof v !== 'string') return v
      const cleaned = stripInvisible(v).trim()
      // Something was typed, yet nothing would show: say so, rather than the plain "empty".
      if (min > 0 && v.length > 0 && cleaned === '') ctx.addIssue({ code: 'custom', message: INVISIBLE_ONLY_MESSAGE, fatal: true })
      return cleaned
    }, inner)
    .describe(label) as unknown as z.ZodEffects<typeof inner, string, string>
}
