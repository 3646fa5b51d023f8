import {
  averageValues,
  averageWindow,
  caseFilters,
  compareToAverage,
  day7Sums,
  firstLine,
  listCasesInput,
  matchesText,
  retroDueDay,
  retroId,
  saveRetrospectiveInput,
  valuesOf,
  type Day7Sums,
} from './retrospectives'
import { sourceGroup, sourceLabel } from './tasks'

const sums = (plays: number, completions: number | null, rest: Partial<Day7Sums> = {}): Day7Sums => ({ asOf: '2026-11-07', plays, completions, interactions: null, newFollowers: null, inquiries: null, ...rest })

describe('day7Sums', () => {
  const points = [
    { date: '2026-12-02', metrics: { plays: 100 } },
    { date: '2026-12-07', metrics: { plays: 900, completions: 300, likes: 40, comments: 10, newFollowersOrganic: 5, newFollowersPaid: 2, inquiries: 3 } },
    { date: '2026-12-09', metrics: { plays: 2000, completions: 800 } },
  ]

  it('takes the values in force on publish day + 6 (the publish day is day 1)', () => {
    expect(day7Sums(points, '2026-12-01')).toEqual({ asOf: '2026-12-07', plays: 900, completions: 300, interactions: 50, newFollowers: 7, inquiries: 3 })
  })

  it('takes the latest earlier point when day 7 itself was not logged', () => {
    expect(day7Sums(points, '2026-12-02').asOf).toBe('2026-12-07')
    expect(day7Sums(points.slice(0, 1), '2026-12-01')).toMatchObject({ asOf: '2026-12-02', plays: 100, completions: null })
  })

  it('never uses numbers logged after day 7', () => {
    expect(day7Sums(points, '2026-11-25')).toMatchObject({ asOf: null, plays: 0 })
  })

  it('keeps a metric never logged as null, not 0', () => {
    expect(day7Sums([{ date: '2026-12-03', metrics: { plays: 10 } }], '2026-12-01')).toMatchObject({ completions: null, interactions: null, newFollowers: null, inquiries: null })
  })
})

describe('averageValues', () => {
  it('means counts per item and pools rates over plays', () => {
    const avg = averageValues([sums(100, 50, { newFollowers: 4 }), sums(300, 60, { newFollowers: 2 })])
    expect(avg.items).toBe(2)
    expect(avg.values).toEqual({ plays: 200, completionRate: 110 / 400, interactionRate: null, newFollowers: 3, inquiries: null })
  })

  it('leaves out items with no numbers by day 7, and a rate over items that did not log it', () => {
    const avg = averageValues([sums(100, 50), sums(300, null), { ...sums(0, null), asOf: null }])
    expect(avg.items).toBe(2)
    expect(avg.values.completionRate).toBe(0.5)
  })

  it('has no average without items', () => {
    expect(averageValues([])).toEqual({ items: 0, values: { plays: null, completionRate: null, interactionRate: null, newFollowers: null, inquiries: null } })
  })
})

describe('compareToAverage', () => {
  it('says how far above or below the average each metric is', () => {
    const rows = compareToAverage(valuesOf(sums(1200, 300)), { plays: 1000, completionRate: 0.3125, interactionRate: null, newFollowers: null, inquiries: null })
    expect(rows[0]).toEqual({ metric: 'plays', label: '播放', value: '1,200', average: '1,000', versus: '高 20%', direction: 'higher' })
    expect(rows[1]).toMatchObject({ metric: 'completionRate', value: '25.0%', average: '31.3%', versus: '低 20%', direction: 'lower' })
    expect(rows[2]).toMatchObject({ metric: 'interactionRate', value: '—', versus: '—', direction: null })
  })

  it('reads within 5% of the average as 持平', () => {
    expect(compareToAverage(valuesOf(sums(1040, null)), valuesOf(sums(1000, null)))[0]).toMatchObject({ versus: '持平', direction: 'same' })
  })
})

describe('days and ids', () => {
  it('is due 7 days after publishing; the average covers the 30 days before', () => {
    expect(retroDueDay('2026-11-28')).toBe('2026-12-05')
    expect(averageWindow('2026-12-01')).toEqual({ from: '2026-11-01', to: '2026-11-30' })
  })

  it('has one id per item, shared by the record and its task', () => {
    expect(retroId('i1')).toBe('retro_i1')
  })

  it('is a task of its own group, labelled by the publish day', () => {
    const source = { kind: 'retrospective' as const, itemId: 'i', retrospectiveId: 'r', publishedDay: '2026-11-24' }
    expect(sourceGroup(source)).toBe('retrospective')
    expect(sourceLabel(source)).toBe('单条复盘 11月24日发布')
  })
})

describe('the case library', () => {
  const c = { title: '门店开箱', worked: '前三秒有冲突', change: '结尾太长', tags: ['Vlog'] }

  it('finds the text in the title, what worked, what to change or a tag, ignoring case', () => {
    expect(matchesText(c, '冲突')).toBe(true)
    expect(matchesText(c, '结尾')).toBe(true)
    expect(matchesText(c, 'vlog')).toBe(true)
    expect(matchesText(c, '直播')).toBe(false)
    expect(matchesText(c, '  ')).toBe(true)
  })

  it('turns only the filters set into equality fields', () => {
    expect(caseFilters({ layer: 'intro', outcome: 'above' })).toEqual({ layer: 'intro', outcome: 'above' })
    expect(caseFilters({})).toEqual({})
  })

  it('refuses an unknown outcome, naming the field', () => {
    const r = listCasesInput.safeParse({ outcome: 'great' })
    expect(r.success).toBe(false)
  })

  it('shortens what worked to one line', () => {
    expect(firstLine('第一行\n第二行')).toBe('第一行')
    expect(firstLine('长'.repeat(50), 10)).toBe(`${'长'.repeat(9)}…`)
  })
})

describe('saveRetrospectiveInput', () => {
  const ok = { id: 'r1', version: 0, worked: '开头好', change: '结尾弱', tags: ['开箱'], outcome: 'met' }

  it('accepts a complete retrospective', () => {
    expect(saveRetrospectiveInput.parse(ok)).toEqual(ok)
  })

  it('requires what worked and what to change', () => {
    expect(saveRetrospectiveInput.safeParse({ ...ok, worked: ' ' }).success).toBe(false)
    expect(saveRetrospectiveInput.safeParse({ ...ok, change: '' }).success).toBe(false)
  })
})
