import { exportDay, mapExportRow, mapHeaders, matchRow, parseCount, parseDuration, parseRate, rowMetrics } from './import'

describe('mapHeaders', () => {
  it('maps the Chinese columns of a data-centre export and ignores the rest', () => {
    expect(mapHeaders(['视频标题', '发表时间', '播放量', '点赞', '评论', '分享', '关注', '完播率', '平均播放时长', '备注'])).toEqual({
      fields: ['title', 'publishedAt', 'plays', 'likes', 'comments', 'shares', 'newFollowers', 'completionRate', 'avgWatchSeconds', null],
      missing: [],
    })
  })

  it('names required columns that are missing', () => {
    expect(mapHeaders(['发表时间', '点赞']).missing).toEqual(['title', 'plays'])
  })

  it('tolerates spaces and a unit in brackets', () => {
    expect(mapHeaders([' 播放量 ', '平均播放时长(秒)']).fields).toEqual(['plays', 'avgWatchSeconds'])
  })
})

describe('cells', () => {
  it.each([['1,234', 1234], ['1.2万', 12000], ['3亿', 3e8], ['0', 0], ['x', null], ['-5', null]])('count %s → %s', (t, v) => {
    expect(parseCount(t)).toBe(v)
  })
  it.each([['35%', 0.35], ['0.35', 0.35], ['abc', null]])('rate %s → %s', (t, v) => expect(parseRate(t)).toBe(v))
  it.each([['65', 65], ['65秒', 65], ['12.5s', 12.5], ['1分05秒', 65], ['01:05', 65], ['1:00:00', 3600], ['很久', null]])('duration %s → %s', (t, v) =>
    expect(parseDuration(t)).toBe(v),
  )
  it.each([['2026/11/20 23:30', '2026-11-20'], ['2026年11月2日 08:00', '2026-11-02'], ['2026-11-20T16:30:00Z', '2026-11-21'], ['昨天', null]])('day %s → %s', (t, v) =>
    expect(exportDay(t)).toBe(v),
  )
})

describe('mapExportRow', () => {
  it('reads a row and reports cells it cannot read', () => {
    const { row, problems } = mapExportRow({ 视频标题: '开箱', 播放量: '1.2万', 点赞: '很多', 完播率: '35%', 评论: '-' })
    expect(row).toEqual({ title: '开箱', plays: 12000, completionRate: 0.35 })
    expect(problems).toEqual(['点赞：无法识别“很多”'])
  })
})

describe('rowMetrics', () => {
  it('turns the completion rate into completions and follows into organic follows', () => {
    expect(rowMetrics({ title: 't', plays: 1000, completionRate: 0.351, newFollowers: 3, likes: 9 })).toEqual({ plays: 1000, completions: 351, newFollowersOrganic: 3, likes: 9 })
  })
  it('needs plays', () => expect(rowMetrics({ title: 't', likes: 1 })).toBeNull())
})

describe('matchRow', () => {
  const items = [
    { id: 'a', title: '澄净 X3 开箱', publishedAt: '2026-11-20T10:00:00Z' },
    { id: 'b', title: '澄净 X3 开箱', publishedAt: '2026-11-25T10:00:00Z' },
    { id: 'c', title: '店长的一天', publishedAt: '2026-11-20T12:00:00Z' },
  ]
  it('matches by title and publish day, ignoring spaces', () => {
    expect(matchRow({ title: '澄净X3开箱', publishedAt: '2026/11/25 18:00' }, items)).toEqual({ itemId: 'b', candidates: [] })
  })
  it('offers candidates when the title is ambiguous without a day', () => {
    expect(matchRow({ title: '澄净 X3 开箱' }, items)).toMatchObject({ itemId: null, candidates: [{ id: 'a' }, { id: 'b' }] })
  })
  it('offers the items of the same day when the title matches none', () => {
    expect(matchRow({ title: '改过的标题', publishedAt: '2026-11-20 20:00' }, items).candidates.map((c) => c.id)).toEqual(['a', 'c'])
  })
})
