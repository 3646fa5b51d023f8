import { z } from 'zod'
import { COUNT_MAX, countSchema, dayKeySchema, dayRangeSchema, idSchema, isoTimeSchema, stripInvisible, visibleText } from './atoms'
import { createItemInput, rangeInput as contentRangeInput, setMonthThemeInput, updateItemInput, weekViewInput } from './content/schemas'
import { dashboardInput, logSpendInput } from './analytics/schemas'
import { cycleRangeInput } from './review/schemas'
import { gateSchema } from './review/flow'
import { logFollowersInput, logLeadsInput, logSnapshotInput, rollupsInput } from './results/schemas'
import { createTeamInput, joinTeamInput, updateProfileInput } from './team/schemas'
import { fieldErrors, labelAt } from './validation'

/** The Chinese messages `schema` gives `value`, as the function would answer them. */
function messages(schema: z.ZodTypeAny, value: unknown): string[] {
  const r = schema.safeParse(value)
  return r.success ? [] : fieldErrors(schema, r.error).map((f) => f.message)
}

describe('dayKeySchema', () => {
  const day = z.object({ day: dayKeySchema('日期') })

  it('takes a real day, leap days included', () => {
    expect(day.parse({ day: '2024-02-29' })).toEqual({ day: '2024-02-29' })
  })

  it('refuses a day the calendar does not have, naming the field', () => {
    expect(messages(day, { day: '2024-02-31' })).toEqual(['日期：没有这一天（2024-02-31）'])
    expect(messages(day, { day: '2023-02-29' })).toEqual(['日期：没有这一天（2023-02-29）'])
    expect(messages(day, { day: '2026-13-45' })).toEqual(['日期：没有这一天（2026-13-45）'])
    expect(messages(day, { day: '2024-99-99' })).toEqual(['日期：没有这一天（2024-99-99）'])
  })

  it('refuses another format with one message', () => {
    expect(messages(day, { day: '2024/02/01' })).toEqual(['日期：应为 YYYY-MM-DD 格式的日期'])
    expect(messages(day, { day: '2024-2-1' })).toEqual(['日期：应为 YYYY-MM-DD 格式的日期'])
    expect(messages(day, { day: '2024-02-01T00:00:00Z' })).toEqual(['日期：应为 YYYY-MM-DD 格式的日期'])
  })

  describe('every action input that takes a day uses it', () => {
    const cases: [string, z.ZodTypeAny, (d: string) => unknown][] = [
      ['content.weekView', weekViewInput, (d) => ({ day: d })],
      ['review.cycleRange', cycleRangeInput, (d) => ({ from: d, to: d })],
      ['results.logSnapshot', logSnapshotInput, (d) => ({ itemId: 'i', date: d, metrics: { plays: 1 } })],
      ['results.logLeads', logLeadsInput, (d) => ({ date: d, channel: 'channels', count: 1 })],
      ['results.logFollowers', logFollowersInput, (d) => ({ date: d, total: 1 })],
      ['results.rollups', rollupsInput, (d) => ({ from: d, to: d })],
      ['analytics.dashboard', dashboardInput, (d) => ({ range: 'custom', from: d, to: d })],
      ['analytics.logSpend', logSpendInput, (d) => ({ date: d, amountFen: 1 })],
    ]
    it.each(cases)('%s refuses 2024-02-31', (_name, schema, input) => {
      expect(schema.safeParse(input('2024-02-31')).success).toBe(false)
      expect(messages(schema, input('2024-02-31')).join()).toContain('没有这一天')
    })
  })
})

describe('dayRangeSchema', () => {
  const range = dayRangeSchema()
  it('takes a range in order, one day long or a whole year', () => {
    expect(range.safeParse({ from: '2026-12-01', to: '2026-12-01' }).success).toBe(true)
    expect(range.safeParse({ from: '2024-01-01', to: '2025-01-01' }).success).toBe(true)
  })
  it('refuses an end before the start, and a range over a year', () => {
    expect(messages(range, { from: '2026-12-02', to: '2026-12-01' })).toEqual(['结束日期：结束日期不能早于开始日期'])
    expect(messages(range, { from: '2024-01-01', to: '2025-01-02' })).toEqual(['结束日期：范围最长一年'])
  })
  it('says only what is wrong with an impossible end, not that the range is too long', () => {
    expect(messages(range, { from: '2024-02-01', to: '2024-99-99' })).toEqual(['结束日期：没有这一天（2024-99-99）'])
  })
  it.each([
    ['content.mixStats / exportCsv', contentRangeInput],
    ['review.cycleStats', cycleRangeInput],
    ['results.rollups', rollupsInput],
  ])('%s uses it', (_name, schema) => {
    expect(messages(schema, { from: '2024-02-01', to: '2024-99-99' })).toEqual(['结束日期：没有这一天（2024-99-99）'])
  })
})

describe('idSchema', () => {
  it('trims and bounds an id', () => {
    expect(idSchema('内容').parse(' a1 ')).toBe('a1')
    expect(messages(z.object({ id: idSchema('内容') }), { id: 'x'.repeat(65) })).toEqual(['内容：最多 64 个字'])
  })
})

describe('isoTimeSchema', () => {
  it('takes an instant with an offset and refuses one without', () => {
    expect(isoTimeSchema('发布时间').safeParse('2026-11-27T10:00:00+08:00').success).toBe(true)
    expect(messages(z.object({ at: isoTimeSchema('发布时间') }), { at: '2026-11-27 10:00' })).toEqual(['发布时间：应为带时区的时间'])
  })
})

describe('countSchema', () => {
  const s = z.object({ n: countSchema('播放') })
  it('takes zero and the largest count', () => {
    expect(s.parse({ n: 0 })).toEqual({ n: 0 })
    expect(s.parse({ n: COUNT_MAX })).toEqual({ n: COUNT_MAX })
  })
  it('refuses a negative, a fraction and a count past the largest', () => {
    expect(messages(s, { n: -1 })).toEqual(['播放：不能为负数'])
    expect(messages(s, { n: 1.5 })).toEqual(['播放：应为整数'])
    expect(messages(s, { n: COUNT_MAX + 1 })).toEqual(['播放：数值过大'])
  })
})

describe('visibleText', () => {
  const s = z.object({ title: visibleText('标题', 60) })

  it('removes direction overrides, isolates, marks and zero-width characters', () => {
    expect(s.parse({ title: '\u202E新品上市' })).toEqual({ title: '新品上市' })
    expect(stripInvisible('a\u202Ab\u202Bc\u202Cd\u202De\u2066f\u2067g\u2068h\u2069i\u200Ej\u200Fk\u200Bl\u200Cm\u200Dn\u2060o\uFEFFp')).toBe('abcdefghijklmnop')
  })

  it('refuses a title of only invisible characters, naming the field', () => {
    expect(messages(s, { title: '\u200B\u200C\u200D' })).toEqual(['标题：不能只包含空白或不可见字符'])
    expect(messages(s, { title: '\u202E' })).toEqual(['标题：不能只包含空白或不可见字符'])
    expect(messages(s, { title: ' \u2060 ' })).toEqual(['标题：不能只包含空白或不可见字符'])
  })

  it('still says an empty or missing title is empty or required', () => {
    expect(messages(s, { title: '' })).toEqual(['标题：不能为空'])
    expect(messages(s, {})).toEqual(['标题：必填'])
  })

  it('counts the limit on what is left, and keeps the limit readable on the schema', () => {
    expect(s.safeParse({ title: `${'字'.repeat(60)}\u200B` }).success).toBe(true)
    expect(messages(s, { title: '字'.repeat(61) })).toEqual(['标题：最多 60 个字'])
    const inner = visibleText('标题', 60).innerType()
    expect(inner).toBeInstanceOf(z.ZodString)
    expect(inner.maxLength).toBe(60)
    expect(labelAt(s, ['title'])).toBe('标题')
  })

  it('lets an optional text be emptied', () => {
    expect(visibleText('月度主题', 30, { min: 0 }).parse('\u200B')).toBe('')
  })

  describe('every name and title uses it', () => {
    const item = { format: 'short_video', layer: 'intro', category: 'brand', ownerId: 'm1' }
    const cases: [string, z.ZodTypeAny, unknown, string][] = [
      ['content.createItem title', createItemInput, { ...item, title: '\u200B' }, '标题'],
      ['content.createItem tags', createItemInput, { ...item, title: 't', tags: ['\u200D'] }, '标签第1项'],
      ['content.updateItem title', updateItemInput, { id: 'i', version: 0, title: '\u202E' }, '标题'],
      ['team.createTeam name', createTeamInput, { name: '\u200B\u200B\u200B', memberName: '王', department: 'marketing' }, '团队名称'],
      ['team.createTeam memberName', createTeamInput, { name: '团队', memberName: '\uFEFF', department: 'marketing' }, '姓名'],
      ['team.updateProfile name', updateProfileInput, { name: '\u2066\u2069', department: 'marketing' }, '姓名'],
      ['team.joinTeam name', joinTeamInput, { code: 'ABCDEFGH', name: '\u200E', department: 'marketing' }, '姓名'],
      ['review gate name', gateSchema, { key: 'a', name: '\u200B', reviewers: { roles: ['admin'], memberIds: [] }, mode: 'any', slaHours: 1 }, '关卡名称'],
    ]
    it.each(cases)('%s', (_name, schema, input, label) => {
      expect(messages(schema, input)).toContain(`${label}：不能只包含空白或不可见字符`)
    })
    it('content.setMonthTheme strips a theme', () => {
      expect(setMonthThemeInput.parse({ month: '2026-11', theme: '\u202E双十一' }).theme).toBe('双十一')
    })
  })
})
