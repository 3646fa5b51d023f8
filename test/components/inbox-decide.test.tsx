// Approving from the 审核 tab in two taps (the tab, then 通过), and sending a version back with the
// comment a small dialog asks for: the same actions as the production page, against the row's version.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { InboxView } from '../../core/review/schemas'
import ApprovalsPage from '../../src/pages/approvals'
import { setApiTransport } from '../../src/api'
import { MeProvider } from '../../src/state/me'
import { MANAGER, fakeCloud, meAs, type FakeAnswer } from './fake-cloud'
import { NO_NOTES, production, waitingEntry } from './review-fixtures'
import { resetTaroMock, taroCalls } from './taro-mock'

const PREVIEW = { note: '按意见改了开头', excerpt: '开场：店长拆箱\n中段：现场接水试喝\n结尾：引导到店…', cover: null, links: 1, files: 2 }
const inboxOf = (): InboxView => ({
  waiting: [
    waitingEntry({ itemId: 'item_old', title: '澄净 X3 开箱', versionNo: 2, version: 7, overdue: true, waitingHours: 30.5, preview: PREVIEW }),
    waitingEntry({ itemId: 'item_new', title: '滤芯怎么换', gateName: '剪辑', gateIndex: 3 }),
  ],
  mine: [],
  waitingTotal: 2,
  overdueTotal: 1,
  unread: 0,
})

function renderInbox(extra: Record<string, (d: unknown) => FakeAnswer> = {}) {
  let inbox = inboxOf()
  const cloud = fakeCloud({
    'review.inbox': () => ({ data: inbox }),
    'review.notifications': () => ({ data: NO_NOTES }),
    'review.approve': () => {
      inbox = { ...inbox, waiting: inbox.waiting.slice(1), waitingTotal: 1, overdueTotal: 0 }
      return { data: production({ gateIndex: 2, gateName: '拍摄', gateState: 'drafting' }) }
    },
    ...extra,
  })
  setApiTransport(cloud.transport)
  const view = render(
    <MeProvider initial={meAs(MANAGER)}>
      <ApprovalsPage />
    </MeProvider>,
  )
  return { view, cloud }
}

const calls = (cloud: ReturnType<typeof fakeCloud>, action: string) => cloud.calls.filter((c) => c.fn === 'review' && c.body.action === action)
const firstRow = (c: HTMLElement) => c.querySelector('.waiting-entry') as HTMLElement
const titles = (c: HTMLElement) => Array.from(c.querySelectorAll('.waiting-entry .inbox-entry__title'), (t) => t.textContent)

/** NutUI's TextArea renders Taro's <taro-textarea-core>, which jsdom cannot draw: send its input event as Taro does. */
function typeInto(selector: string, value: string) {
  const el = document.querySelector(`${selector} taro-textarea-core`)!
  act(() => {
    el.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true }))
  })
}

describe('审核 tab: deciding from the row', () => {
  beforeEach(() => resetTaroMock())
  afterEach(() => setApiTransport(null))

  it('shows enough of the version to decide: gate, note, first lines of the script, attachments and the wait', async () => {
    const { view } = renderInbox()
    await screen.findByText('澄净 X3 开箱')
    const row = firstRow(view.container)
    expect(row.querySelector('.inbox-chip')?.textContent).toBe('脚本 2/5')
    expect(row.querySelector('.waiting-entry__note')?.textContent).toBe('说明：按意见改了开头')
    expect(row.querySelector('.waiting-entry__excerpt')?.textContent).toBe('开场：店长拆箱\n中段：现场接水试喝\n结尾：引导到店…')
    expect(row.querySelector('.waiting-entry__attachments')?.textContent).toBe('附件 2 个 · 链接 1 个')
    expect(row.querySelector('.inbox-entry__wait')?.textContent).toBe('已逾期 · 已等待 30.5 小时（时限 24 小时）')
  })

  it('通过 on the row approves the row’s version with the production page’s action, and the row leaves', async () => {
    const { view, cloud } = renderInbox()
    await screen.findByText('澄净 X3 开箱')
    await act(async () => {
      fireEvent.click(firstRow(view.container).querySelector('.inbox-approve')!)
    })
    await waitFor(() => expect(titles(view.container)).toEqual(['滤芯怎么换']))
    expect(calls(cloud, 'approve').map((c) => c.body.data)).toEqual([{ itemId: 'item_old', version: 7, versionNo: 2 }])
    expect(taroCalls.toasts).toContain('已通过')
    expect(taroCalls.navigations).toEqual([]) // decided without opening the page
    await screen.findByText('待我审核 1 条')
  })

  it('a double tap on 通过 decides once', async () => {
    const { view, cloud } = renderInbox()
    await screen.findByText('澄净 X3 开箱')
    const button = firstRow(view.container).querySelector('.inbox-approve')!
    await act(async () => {
      fireEvent.click(button)
      fireEvent.click(button)
    })
    await waitFor(() => expect(titles(view.container)).toEqual(['滤芯怎么换']))
    expect(calls(cloud, 'approve')).toHaveLength(1)
  })

  it("a double tap's second tap, landing on the row or on the row that moved up, neither opens a page nor decides", async () => {
    const { view, cloud } = renderInbox()
    await screen.findByText('澄净 X3 开箱')
    await act(async () => {
      fireEvent.click(firstRow(view.container).querySelector('.inbox-approve')!)
    })
    await waitFor(() => expect(titles(view.container)).toEqual(['滤芯怎么换']))
    // The finger comes down again where the decided row was: now the next row's 通过, or its body.
    fireEvent.click(firstRow(view.container).querySelector('.inbox-approve')!)
    fireEvent.click(firstRow(view.container).querySelector('.inbox-entry__meta')!)
    expect(calls(cloud, 'approve')).toHaveLength(1)
    expect(taroCalls.navigations).toEqual([])
  })

  it('tapping 通过 again after a failure reuses the request id, so a decision that did go through is answered, not made twice', async () => {
    let tries = 0
    const { view, cloud } = renderInbox({
      'review.approve': () => {
        tries++
        return { error: { code: 'INTERNAL', message: '服务器内部错误，请稍后重试' } }
      },
    })
    await screen.findByText('澄净 X3 开箱')
    for (let i = 0; i < 2; i++) {
      await act(async () => {
        fireEvent.click(firstRow(view.container).querySelector('.inbox-approve')!)
      })
      await waitFor(() => expect(tries).toBe(i + 1))
    }
    const ids = calls(cloud, 'approve').map((c) => c.body.requestId)
    expect(ids).toHaveLength(2)
    expect(ids[0]).toBe(ids[1])
    expect(titles(view.container)).toEqual(['澄净 X3 开箱', '滤芯怎么换'])
  })

  it('when someone decided first, says so and shows the inbox as it now is', async () => {
    let inboxReads = 0
    const { view, cloud } = renderInbox({
      'review.inbox': () => ({ data: inboxReads++ === 0 ? inboxOf() : { ...inboxOf(), waiting: inboxOf().waiting.slice(1), waitingTotal: 1, overdueTotal: 0 } }),
      'review.approve': () => ({ error: { code: 'CONFLICT', message: '已有其他人先处理了，请查看最新状态' } }),
    })
    await screen.findByText('澄净 X3 开箱')
    await act(async () => {
      fireEvent.click(firstRow(view.container).querySelector('.inbox-approve')!)
    })
    await waitFor(() => expect(titles(view.container)).toEqual(['滤芯怎么换']))
    expect(taroCalls.toasts).toContain('已有其他人先处理了，请查看最新状态')
    expect(calls(cloud, 'inbox')).toHaveLength(2)
  })

  it('要求修改 asks for a comment, refuses an empty one naming the field, and sends nothing', async () => {
    const { view, cloud } = renderInbox()
    await screen.findByText('澄净 X3 开箱')
    await act(async () => {
      fireEvent.click(firstRow(view.container).querySelector('.inbox-request-changes')!)
    })
    await screen.findByText('要求修改「脚本」第 2 版')
    await act(async () => {
      fireEvent.click(document.querySelector('.changes-dialog__confirm')!)
    })
    await screen.findByText('意见：要求修改时必须填写意见')
    expect(calls(cloud, 'requestChanges')).toEqual([])
  })

  it('sends the version back with the comment, and the row leaves', async () => {
    let sent: unknown = null
    const { view } = renderInbox({
      'review.inbox': () => ({ data: sent ? { ...inboxOf(), waiting: inboxOf().waiting.slice(1), waitingTotal: 1, overdueTotal: 0 } : inboxOf() }),
      'review.requestChanges': (d) => {
        sent = d
        return { data: production({ gateState: 'changes_requested' }) }
      },
    })
    await screen.findByText('澄净 X3 开箱')
    await act(async () => {
      fireEvent.click(firstRow(view.container).querySelector('.inbox-request-changes')!)
    })
    await screen.findByText('要求修改「脚本」第 2 版')
    typeInto('.field-changes-comment', '开头太慢，前三秒直接展示出水效果')
    await act(async () => {
      fireEvent.click(document.querySelector('.changes-dialog__confirm')!)
    })
    await waitFor(() => expect(sent).toEqual({ itemId: 'item_old', version: 7, versionNo: 2, comment: '开头太慢，前三秒直接展示出水效果' }))
    await waitFor(() => expect(titles(view.container)[0]).toBe('滤芯怎么换'))
    expect(taroCalls.toasts).toContain('已要求修改')
  })

  it('tapping the row elsewhere still opens the full page', async () => {
    const { view } = renderInbox()
    await screen.findByText('澄净 X3 开箱')
    fireEvent.click(firstRow(view.container).querySelector('.waiting-entry__excerpt')!)
    expect(taroCalls.navigations).toEqual([{ kind: 'navigateTo', url: '/package-review/production/index?itemId=item_old' }])
  })
})
