import { fieldErrors } from '../validation'
import { addCompetitorInput, competitorComparisonInput, logCompetitorWeekInput, updateCompetitorInput } from './competitors'

const errorsOf = (schema: Parameters<typeof fieldErrors>[0], input: unknown) => {
  const r = schema.safeParse(input)
  return r.success ? [] : fieldErrors(schema, r.error)
}
const week = { competitorId: 'c1', week: '2026-W48', followers: 12_000, posts: 5, bestLikes: 320 }

describe('logCompetitorWeekInput', () => {
  it('takes a week of three non-negative integers; the week may be left out', () => {
    expect(logCompetitorWeekInput.parse(week)).toEqual(week)
    const { week: _w, ...noWeek } = week
    expect(logCompetitorWeekInput.parse(noWeek)).toEqual(noWeek)
  })

  it('names the field in Chinese when a number is negative, fractional or missing', () => {
    expect(errorsOf(logCompetitorWeekInput, { ...week, followers: -1 })).toEqual([{ path: 'followers', message: '粉丝数：不能为负数' }])
    expect(errorsOf(logCompetitorWeekInput, { ...week, posts: 2.5 })).toEqual([{ path: 'posts', message: '当周发布数：应为整数' }])
    expect(errorsOf(logCompetitorWeekInput, { ...week, bestLikes: undefined })).toEqual([{ path: 'bestLikes', message: '最佳作品点赞：必填' }])
  })

  it('holds posts to 7 × 50 a week and the counts to sane sizes', () => {
    expect(logCompetitorWeekInput.safeParse({ ...week, posts: 350 }).success).toBe(true)
    expect(errorsOf(logCompetitorWeekInput, { ...week, posts: 351 })).toEqual([{ path: 'posts', message: '当周发布数：不能超过 350（每天 50 条 × 7 天）' }])
    expect(errorsOf(logCompetitorWeekInput, { ...week, followers: 1_000_000_001 })[0].message).toMatch(/^粉丝数：不能超过 10 亿/)
    expect(errorsOf(logCompetitorWeekInput, { ...week, bestLikes: 100_000_001 })[0].message).toMatch(/^最佳作品点赞：不能超过 1 亿/)
  })

  it('refuses a best post without any post that week', () => {
    expect(errorsOf(logCompetitorWeekInput, { ...week, posts: 0, bestLikes: 10 })).toEqual([{ path: 'bestLikes', message: '最佳作品点赞：本周没有发布作品时应为 0' }])
    expect(logCompetitorWeekInput.safeParse({ ...week, posts: 0, bestLikes: 0 }).success).toBe(true)
  })

  describe('edge cases', () => {
    it('refuses a malformed week and one that does not exist', () => {
      expect(errorsOf(logCompetitorWeekInput, { ...week, week: '2026-48' })).toEqual([{ path: 'week', message: '周：应为 2026-W48 这样的周' }])
      expect(errorsOf(logCompetitorWeekInput, { ...week, week: '2025-W53' })).toEqual([{ path: 'week', message: '周：没有这一周（2025-W53）' }])
    })

    it('refuses a number sent as text', () => {
      expect(errorsOf(logCompetitorWeekInput, { ...week, followers: '12000' })).toEqual([{ path: 'followers', message: '粉丝数：请输入数字' }])
    })
  })
})

describe('addCompetitorInput and updateCompetitorInput', () => {
  it('needs a visible name and a kind of 同行 or 标杆', () => {
    expect(addCompetitorInput.parse({ name: ' 小王净水 ', kind: 'peer' })).toEqual({ name: '小王净水', kind: 'peer' })
    expect(errorsOf(addCompetitorInput, { name: '\u200B', kind: 'peer' })).toEqual([{ path: 'name', message: '账号名称：不能只包含空白或不可见字符' }])
    expect(errorsOf(addCompetitorInput, { name: '小王', kind: 'friend' })).toEqual([{ path: 'kind', message: '账号类型：不是可选的值' }])
    expect(errorsOf(addCompetitorInput, { name: 'x'.repeat(31), kind: 'peer' })).toEqual([{ path: 'name', message: '账号名称：最多 30 个字' }])
  })

  it('edits any of the fields, archiving included', () => {
    expect(updateCompetitorInput.parse({ id: 'c1', version: 2, archived: true })).toEqual({ id: 'c1', version: 2, archived: true })
  })
})

describe('competitorComparisonInput', () => {
  it('takes 2 to 26 weeks', () => {
    expect(competitorComparisonInput.parse({})).toEqual({})
    expect(errorsOf(competitorComparisonInput, { weeks: 27 })).toEqual([{ path: 'weeks', message: '周数：最多 26 周' }])
    expect(errorsOf(competitorComparisonInput, { weeks: 1 })).toEqual([{ path: 'weeks', message: '周数：至少 2 周' }])
  })
})
