import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import ProductionPage from '../../src/package-review/production'
import { setApiTransport } from '../../src/api'
import { MeProvider } from '../../src/state/me'
import { detail } from './content-fixtures'
import { FIELD, MANAGER, OPERATOR, fakeCloud, meAs, type FakeAnswer } from './fake-cloud'
import { CYCLE, production, productionForAuthor, TIMELINE } from './review-fixtures'
import { resetTaroMock, setRouterParams, taroCalls } from './taro-mock'

function renderAs(me: typeof MANAGER, view = production(), extra: Record<string, (d: unknown) => FakeAnswer> = {}) {
  setRouterParams({ itemId: 'item_x' })
  const cloud = fakeCloud({
    'review.getProduction': () => ({ data: view }),
    'content.getItem': () => ({ data: detail() }),
    'review.timeline': () => ({ data: TIMELINE }),
    'review.itemCycle': () => ({ data: CYCLE }),
    ...extra,
  })
  setApiTransport(cloud.transport)
  const r = render(
    <MeProvider initial={meAs(me)}>
      <ProductionPage />
    </MeProvider>,
  )
  return { view: r, cloud }
}

/** NutUI's TextArea renders Taro's <taro-textarea-core>, which jsdom cannot draw: send its input event as Taro does. */
function typeInto(container: HTMLElement, selector: string, value: string) {
  const el = container.querySelector(`${selector} taro-textarea-core`)!
  act(() => {
    el.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true }))
  })
}

const actions = (cloud: ReturnType<typeof fakeCloud>) => cloud.calls.map((c) => `${c.fn}.${c.body.action}`)

describe('制作进度', () => {
  beforeEach(() => resetTaroMock())
  afterEach(() => setApiTransport(null))

  it('shows the gate stepper of the item’s flow with the current gate highlighted', async () => {
    const { view } = renderAs(MANAGER)
    await screen.findByText('「脚本」关')
    expect(Array.from(view.container.querySelectorAll('.gate-step__name'), (n) => n.textContent)).toEqual(['选题', '脚本', '拍摄', '剪辑', '终审'])
    expect(view.container.querySelector('.gate-step--current')?.textContent).toContain('脚本')
    expect(view.container.querySelectorAll('.gate-step--passed')).toHaveLength(1)
  })

  it('does not show the previous gate’s version as the one in a gate just reached', async () => {
    const { view } = renderAs(MANAGER, production({ gateIndex: 2, gateName: '拍摄', gateState: 'drafting', gateStateLabel: '制作中', versionNo: 3, submittedByName: '周航', reviewSince: null, dueAt: null, overdue: false }))
    await screen.findByText('本关还没有提交版本（上一关通过的是第 3 版）')
    expect(view.container.textContent).not.toContain('最新第 3 版')
  })

  it('names who reviews the current gate and by when', async () => {
    const { view } = renderAs(MANAGER)
    await screen.findByText('「脚本」关')
    expect(view.container.querySelector('.gate-reviewers__who')?.textContent).toBe('「脚本」关由 陈静、王敏 审核')
    expect(view.container.querySelector('.gate-reviewers__when')?.textContent).toBe('截止 3月2日 09:00')
  })

  it('for a gate without a deadline, says when the version was submitted and how long it has waited', async () => {
    const { view } = renderAs(MANAGER, production({ dueAt: null, reviewSince: new Date(Date.now() - 5 * 3_600_000).toISOString() }))
    await screen.findByText('「脚本」关')
    expect(view.container.querySelector('.gate-reviewers__when')?.textContent).toMatch(/^\d+月\d+日 \d\d:\d\d 提交，已等待 5 小时$/)
  })

  it('tells the author who will review the version they submitted', async () => {
    const reason = '你不是「脚本」关的审核人，本关由 陈静 审核'
    const { view } = renderAs(OPERATOR, productionForAuthor({ reviewerNames: ['陈静'], moves: { canSubmit: false, canReview: false, canPublish: false, reviewBlockedReason: reason } }))
    await screen.findByText('已提交第 2 版，等待 陈静 审核')
    expect(view.container.querySelector('.gate-reviewers__who')?.textContent).toBe('「脚本」关由 陈静 审核')
    expect(view.container.querySelector('.review-blocked__reason')).toBeNull() // not named a third time
  })

  it('tells a planner who is not the reviewer who is, as the function phrased it', async () => {
    const reason = '你不是「脚本」关的审核人，本关由 陈静 审核'
    const { view } = renderAs(OPERATOR, production({ ownerId: 'm_zhou', ownerName: '周航', reviewerNames: ['陈静'], moves: { canSubmit: false, canReview: false, canPublish: false, reviewBlockedReason: reason } }))
    await screen.findByText(reason)
    expect(view.container.querySelector('.decision-approve')).toBeNull()
  })

  it('gives a reviewer 通过 and 要求修改', async () => {
    const { view } = renderAs(MANAGER)
    await screen.findByText('「脚本」关')
    expect(view.container.querySelector('.decision-approve')).not.toBeNull()
    expect(view.container.querySelector('.decision-request-changes')).not.toBeNull()
  })

  it('hides the decision from an author who could otherwise review, and says why', async () => {
    // A manager who owns the item holds the reviewer role of the gate, yet may not review her own version.
    const { view } = renderAs(MANAGER, productionForAuthor({ ownerId: MANAGER.id, ownerName: MANAGER.name }))
    await screen.findByText('「脚本」关')
    expect(view.container.querySelector('.decision-approve')).toBeNull()
    expect(view.container.querySelector('.decision-request-changes')).toBeNull()
    expect(screen.getByText('不能审核自己的提交')).toBeTruthy()
  })

  it('refuses 要求修改 without a comment under the field and sends nothing', async () => {
    const { view, cloud } = renderAs(MANAGER)
    await screen.findByText('「脚本」关')
    await act(async () => {
      fireEvent.click(view.container.querySelector('.decision-request-changes')!)
    })
    await screen.findByText('意见：要求修改时必须填写意见')
    expect(actions(cloud)).not.toContain('review.requestChanges')
  })

  it('on a CONFLICT shows the function’s message and reloads the production', async () => {
    let current = production()
    const { view, cloud } = renderAs(MANAGER, current, {
      'review.getProduction': () => ({ data: current }),
      'review.approve': () => {
        // The other reviewer's decision won: the gate moved on.
        current = production({ gateIndex: 2, gateName: '拍摄', gateState: 'drafting', gateStateLabel: '制作中', moves: { canSubmit: false, canReview: false, canPublish: false, reviewBlockedReason: null } })
        return { error: { code: 'CONFLICT', message: '已有其他人先处理了，请查看最新状态' } }
      },
    })
    await screen.findByText('「脚本」关')
    await act(async () => {
      fireEvent.click(view.container.querySelector('.decision-approve')!)
    })
    await screen.findByText('「拍摄」关')
    expect(taroCalls.toasts).toContain('已有其他人先处理了，请查看最新状态')
    expect(actions(cloud).filter((a) => a === 'review.getProduction')).toHaveLength(2)
    expect(view.container.querySelector('.decision-approve')).toBeNull()
  })

  it('lets the author submit a version with text and a link, against the version they saw', async () => {
    const drafting = productionForAuthor({ gateState: 'changes_requested', gateStateLabel: '需修改', moves: { canSubmit: true, canReview: false, canPublish: false, reviewBlockedReason: null } })
    const { view, cloud } = renderAs(OPERATOR, drafting, { 'review.submitVersion': () => ({ data: productionForAuthor({ versionNo: 3 }) }) })
    await screen.findByText('提交「脚本」第 3 版')
    expect(screen.getByText(/浏览器版不能上传文件/)).toBeTruthy()
    typeInto(view.container, '.field-version-text', '开场改成用户提问')
    typeInto(view.container, '.field-version-links', 'https://pan.example.com/s/abc')
    await act(async () => {
      fireEvent.click(view.container.querySelector('.version-submit')!)
    })
    await waitFor(() => expect(actions(cloud)).toContain('review.submitVersion'))
    const body = cloud.calls.find((c) => c.body.action === 'submitVersion')!.body
    expect(body.data).toEqual({ itemId: 'item_x', version: 5, text: '开场改成用户提问', links: ['https://pan.example.com/s/abc'] })
    expect(body.requestId).toBeTruthy()
  })

  it('shows the cycle time in hours against the 24-hour target, and the timeline newest first', async () => {
    const { view } = renderAs(MANAGER)
    await screen.findByText('31.5 小时')
    expect(screen.getByText('目标 ≤ 24 小时')).toBeTruthy()
    expect(screen.getByText('自选题通过起 · 等待审核 12 小时 · 制作 19.5 小时')).toBeTruthy()
    const labels = Array.from(view.container.querySelectorAll('.timeline-entry__label'), (l) => l.textContent)
    expect(labels).toEqual(['李娜 提交了「脚本」 第 2 版', '李娜 开始制作，进入「选题」'])
    expect(screen.getByText('开场：店长拆箱')).toBeTruthy()
  })

  it('shows field staff the production read-only', async () => {
    const { view } = renderAs(FIELD, production({ moves: { canSubmit: false, canReview: false, canPublish: false, reviewBlockedReason: '一线/外勤成员不能提交、审核或发布内容' } }))
    await screen.findByText('「脚本」关')
    expect(view.container.querySelector('.decision-panel')).toBeNull()
    expect(view.container.querySelector('.version-form')).toBeNull()
    expect(view.container.querySelector('.timeline-comment')).toBeNull()
  })

  it('offers 标记已发布 once the final gate passed', async () => {
    const scheduled = production({ status: 'scheduled', statusLabel: '待发布', gateIndex: 4, gateName: '终审', gateStateLabel: '待发布', gates: production().gates.map((g) => ({ ...g, passed: true })), moves: { canSubmit: false, canReview: false, canPublish: true, reviewBlockedReason: null } })
    const { view } = renderAs(OPERATOR, scheduled)
    await screen.findByText('终审已通过，待发布')
    expect(screen.getByText(/计划 2026-03-10 20:00 发布/)).toBeTruthy()
    expect(view.container.querySelector('.production-publish')).not.toBeNull()
  })
})
