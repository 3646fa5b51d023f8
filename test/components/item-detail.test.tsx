import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import ItemPage from '../../src/package-content/item'
import { setApiTransport } from '../../src/api'
import { MeProvider } from '../../src/state/me'
import { detail } from './content-fixtures'
import { FIELD, OPERATOR, fakeCloud, meAs, type FakeAnswer } from './fake-cloud'
import { production } from './review-fixtures'
import { resetTaroMock, setRouterParams, taroCalls } from './taro-mock'

const MOVED = detail({
  history: [
    { from: null, to: '2026-03-09T12:00:00.000Z', byId: 'm_op', byName: '李娜', reason: '', at: '2026-03-01T03:00:00.000Z' },
    { from: '2026-03-09T12:00:00.000Z', to: '2026-03-10T12:00:00.000Z', byId: 'm_op', byName: '李娜', reason: '达人档期冲突', at: '2026-03-02T03:00:00.000Z' },
  ],
})

function renderItemAs(me: typeof OPERATOR, extra: Record<string, (d: unknown) => FakeAnswer> = {}) {
  setRouterParams({ id: 'item_x' })
  const cloud = fakeCloud({ 'content.getItem': () => ({ data: MOVED }), ...extra })
  setApiTransport(cloud.transport)
  return render(
    <MeProvider initial={meAs(me)}>
      <ItemPage />
    </MeProvider>,
  )
}

describe('内容详情', () => {
  beforeEach(() => resetTaroMock())
  afterEach(() => setApiTransport(null))

  it('shows the reschedule history newest first: from → to, who, when and why', async () => {
    const view = renderItemAs(OPERATOR)
    await screen.findByText('澄净 X3 开箱')
    const entries = Array.from(view.container.querySelectorAll('.history-entry'), (e) => e.textContent)
    expect(entries).toEqual([
      '2026-03-09 20:00 → 2026-03-10 20:00李娜 · 2026-03-02 11:00原因：达人档期冲突',
      '排期到 2026-03-09 20:00李娜 · 2026-03-01 11:00',
    ])
  })

  it('gives a planner 编辑, 改期, 标记已发布 and 归档', async () => {
    const view = renderItemAs(OPERATOR)
    await screen.findByText('澄净 X3 开箱')
    for (const c of ['.item-edit', '.item-reschedule', '.item-publish', '.item-archive']) expect(view.container.querySelector(c)).not.toBeNull()
  })

  it('shows field staff the item read-only', async () => {
    const view = renderItemAs(FIELD)
    await screen.findByText('澄净 X3 开箱')
    expect(view.container.querySelector('.item-actions')).toBeNull()
    expect(screen.queryByText('改期')).toBeNull()
    expect(screen.getByText('原因：达人档期冲突')).toBeTruthy()
  })

  it('names who reviews the current gate of an item in production, and by when', async () => {
    const view = renderItemAs(OPERATOR, { 'review.getProduction': () => ({ data: production({ reviewerNames: ['陈静'] }) }) })
    await screen.findByText('「脚本」关由 陈静 审核')
    expect(view.container.querySelector('.item-production-link .gate-reviewers__when')?.textContent).toBe('截止 3月2日 09:00')
  })

  it('shows no reviewers before production starts', async () => {
    const view = renderItemAs(OPERATOR, { 'review.getProduction': () => ({ error: { code: 'NOT_FOUND', message: '这条内容还没有开始制作' } }) })
    await screen.findByText('澄净 X3 开箱')
    expect(view.container.querySelector('.item-production-link')).not.toBeNull()
    expect(view.container.querySelector('.gate-reviewers')).toBeNull()
  })

  describe('a refused write says why', () => {
    const publish = async (view: ReturnType<typeof renderItemAs>) => {
      await screen.findByText('澄净 X3 开箱')
      fireEvent.click(view.container.querySelector('.item-publish')!)
      fireEvent.click(await screen.findByText('已发布', { selector: '.item-publish-confirm *' }))
    }

    it("gives the function's reason when the item's state forbids it, not 他人修改", async () => {
      const refusal = { error: { code: 'CONFLICT' as const, message: '「选题」关还没有通过，不能标记已发布', current: MOVED } }
      const view = renderItemAs(OPERATOR, { 'content.markPublished': () => refusal })
      await publish(view)
      await waitFor(() => expect(taroCalls.toasts).toContain('「选题」关还没有通过，不能标记已发布'))
      expect(taroCalls.toasts).not.toContain('内容已被他人修改，已载入最新版本')
    })

    it('says someone else saved first when the item came back with another version', async () => {
      const refusal = { error: { code: 'CONFLICT' as const, message: '内容已被修改', current: { ...MOVED, version: MOVED.version + 1 } } }
      const view = renderItemAs(OPERATOR, { 'content.markPublished': () => refusal })
      await publish(view)
      await waitFor(() => expect(taroCalls.toasts).toContain('内容已被他人修改，已载入最新版本'))
    })
  })
})
