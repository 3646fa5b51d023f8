import { meetingSummary, nextFreeDays, saveDecisionInput, scheduleIdeasInput, setReviewPlanInput } from './meetings'
import { parseInput } from '../validation'

describe('meetingSummary', () => {
  it('lists notes, the meeting\'s decisions, and which carried-over decisions were done or are still open', () => {
    const s = meetingSummary('定了两条', [{ text: '约拍门店', ownerName: '周航', dueDay: '2026-12-10' }], [
      { title: '写脚本', ownerName: '李娜', status: 'done', dueDay: '2026-12-01' },
      { title: '剪片', ownerName: '周航', status: 'open', dueDay: '2026-12-02' },
    ])
    expect(s).toEqual({
      notes: '定了两条',
      decisions: [{ text: '约拍门店', ownerName: '周航', dueDay: '2026-12-10' }],
      done: [{ title: '写脚本', ownerName: '李娜' }],
      stillOpen: [{ title: '剪片', ownerName: '周航', dueDay: '2026-12-02' }],
    })
  })
})

describe('nextFreeDays', () => {
  it('skips days that already have something on the calendar', () => {
    expect(nextFreeDays('2026-12-01', ['2026-12-01', '2026-12-03'], 2)).toEqual(['2026-12-02', '2026-12-04'])
  })

  it('crosses month ends', () => {
    expect(nextFreeDays('2026-12-31', [], 2)).toEqual(['2026-12-31', '2027-01-01'])
  })
})

describe('inputs', () => {
  const message = (schema: Parameters<typeof parseInput>[0], input: unknown) => {
    try {
      parseInput(schema, input)
      return null
    } catch (e) {
      return (e as { fields?: { path: string; message: string }[] }).fields
    }
  }

  it('wants the layer shares to add up to 100', () => {
    expect(message(setReviewPlanInput, { meetingId: 'm', month: '2027-01', layerShares: { intro: 50, value: 30, story: 10 }, theme: '' }))
      .toEqual([{ path: 'layerShares', message: '内容结构：三项合计应为 100%' }])
  })

  it('refuses the same idea twice in one step', () => {
    expect(message(scheduleIdeasInput, { meetingId: 'm', ideas: [{ itemId: 'a', day: '2027-01-02' }, { itemId: 'a', day: '2027-01-03' }] }))
      .toEqual([{ path: 'ideas', message: '选题：选题不能重复' }])
  })

  it('names a decision\'s fields in Chinese', () => {
    expect(message(saveDecisionInput, { meetingId: 'm', text: '跟进', ownerId: 'u', dueDay: '2027-02-30' }))
      .toEqual([{ path: 'dueDay', message: '截止日期：没有这一天（2027-02-30）' }])
  })
})
