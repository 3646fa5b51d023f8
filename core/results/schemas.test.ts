import { logSpendInput } from '../analytics/schemas'
import { fieldErrors } from '../validation'
import { importConfirmInput, logLeadsInput, logLiveInput, logSnapshotInput } from './schemas'

const messages = (schema: Parameters<typeof fieldErrors>[0], input: unknown) => {
  const r = schema.safeParse(input)
  return r.success ? [] : fieldErrors(schema, r.error).map((f) => f.message)
}
const snap = (metrics: Record<string, unknown>) => ({ itemId: 'i', date: '2026-11-20', metrics })

describe('snapshot input', () => {
  it('accepts plays alone', () => expect(messages(logSnapshotInput, snap({ plays: 0 }))).toEqual([]))
  it('refuses completions above plays, naming 完播', () => expect(messages(logSnapshotInput, snap({ plays: 10, completions: 11 }))).toEqual(['完播：不能大于播放（10）']))
  it('refuses plays above impressions', () => expect(messages(logSnapshotInput, snap({ plays: 10, impressions: 9 }))).toEqual(['播放：不能大于曝光（9）']))
  it('refuses GMV without orders', () => expect(messages(logSnapshotInput, snap({ plays: 1, orders: 0, gmvFen: 100 }))).toEqual(['成交额：订单为 0 时成交额应为 0']))
  it('refuses negative and fractional counts in Chinese', () => {
    expect(messages(logSnapshotInput, snap({ plays: -1, likes: 1.5 }))).toEqual(['播放：不能为负数', '点赞：应为整数'])
  })
  it('requires plays', () => expect(messages(logSnapshotInput, snap({ likes: 1 }))).toEqual(['播放：必填']))
  it('refuses unknown metrics', () => expect(messages(logSnapshotInput, snap({ plays: 1, views: 2 }))).toEqual(['不支持的字段：views']))
})

describe('livestream input', () => {
  const live = { itemId: 'i', startAt: '2026-11-20T12:00:00Z', endAt: '2026-11-20T14:00:00Z', uniqueViewers: 100, peakConcurrent: 20, newFollowers: 3, orders: 2, gmvFen: 5000 }
  it('accepts a session', () => expect(messages(logLiveInput, live)).toEqual([]))
  it('refuses an end before the start', () => expect(messages(logLiveInput, { ...live, endAt: live.startAt })).toEqual(['下播时间：应晚于开播时间']))
  it('refuses a peak above the viewers', () => expect(messages(logLiveInput, { ...live, peakConcurrent: 101 })).toEqual(['最高在线：不能大于观看人数（100）']))
})

describe('edge cases: a value equal to its bound is accepted', () => {
  const live = { itemId: 'i', startAt: '2026-11-20T12:00:00Z', endAt: '2026-11-20T14:00:00Z', uniqueViewers: 100, peakConcurrent: 20, newFollowers: 3, orders: 2, gmvFen: 5000 }
  it('completions equal to plays', () => expect(messages(logSnapshotInput, snap({ plays: 10, completions: 10 }))).toEqual([]))
  it('plays equal to impressions', () => expect(messages(logSnapshotInput, snap({ plays: 10, impressions: 10 }))).toEqual([]))
  it('no orders and no GMV', () => expect(messages(logSnapshotInput, snap({ plays: 1, orders: 0, gmvFen: 0 }))).toEqual([]))
  it('a peak equal to the viewers', () => expect(messages(logLiveInput, { ...live, peakConcurrent: 100 })).toEqual([]))
  it('a session of one second and one of exactly 24 hours, but not a second longer', () => {
    expect(messages(logLiveInput, { ...live, endAt: '2026-11-20T12:00:01Z' })).toEqual([])
    expect(messages(logLiveInput, { ...live, endAt: '2026-11-21T12:00:00Z' })).toEqual([])
    expect(messages(logLiveInput, { ...live, endAt: '2026-11-21T12:00:01Z' })).toEqual(['下播时间：单场直播不能超过 24 小时'])
  })
  it('one lead, but not zero', () => {
    expect(messages(logLeadsInput, { date: '2026-11-20', channel: 'wecom', count: 1 })).toEqual([])
    expect(messages(logLeadsInput, { date: '2026-11-20', channel: 'wecom', count: 0 })).toEqual(['咨询数：至少为 1'])
  })
})

describe('leads input', () => {
  it('names the channel in Chinese', () => expect(messages(logLeadsInput, { date: '2026-11-20', channel: 'tv', count: 1 })).toEqual(['来源渠道：不是可选的值']))
})

describe('import confirm', () => {
  it('refuses the same item and day twice', () => {
    const row = { itemId: 'i', date: '2026-11-20', metrics: { plays: 1 } }
    expect(messages(importConfirmInput, { rows: [row, row] })).toEqual(['内容：第2行与第1行是同一内容同一天'])
  })
})

describe('field names people read', () => {
  it('never carry the storage unit: money is entered in 元, so no message says 分', () => {
    const shown = [...messages(logLiveInput, {}), ...messages(logSnapshotInput, snap({ plays: 1, orders: 0, gmvFen: 100 })), ...messages(logSpendInput, {})]
    expect(shown.some((m) => m.startsWith('成交额：'))).toBe(true)
    expect(shown.filter((m) => m.includes('（分）'))).toEqual([])
  })
})

describe('leads input', () => {
  it('gives one message for a negative count', () => {
    expect(messages(logLeadsInput, { date: '2026-11-20', channel: 'channels', count: -3 })).toEqual(['咨询数：至少为 1'])
  })
  it('refuses zero', () => expect(messages(logLeadsInput, { date: '2026-11-20', channel: 'channels', count: 0 })).toEqual(['咨询数：至少为 1']))
  it('accepts one', () => expect(messages(logLeadsInput, { date: '2026-11-20', channel: 'channels', count: 1 })).toEqual([]))
})
