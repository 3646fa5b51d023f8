import { resetTaroMock } from './taro-mock'
import { loadOutbox, queueEntry, setOutboxOwner } from '../../src/state/outbox'

const entry = (requestId: string) => ({ requestId, action: 'logFollowers' as const, input: { date: '2026-11-27', total: 5 }, label: '粉丝总数 5' })

describe('outbox per member', () => {
  beforeEach(() => {
    resetTaroMock()
    setOutboxOwner(null)
  })

  it("keeps one member's queued entries out of another member's outbox on a shared phone", () => {
    setOutboxOwner('member-a')
    queueEntry(entry('req-a'))
    setOutboxOwner('member-b')
    expect(loadOutbox()).toEqual([])
    queueEntry(entry('req-b'))
    setOutboxOwner('member-a')
    expect(loadOutbox().map((e) => e.requestId)).toEqual(['req-a'])
  })

  it('lets the first member who signs in adopt entries saved before anyone was known', () => {
    queueEntry(entry('req-early'))
    setOutboxOwner('member-a')
    expect(loadOutbox().map((e) => e.requestId)).toEqual(['req-early'])
    setOutboxOwner('member-b')
    expect(loadOutbox()).toEqual([])
  })
})
