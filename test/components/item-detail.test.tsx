import { render, screen } from '@testing-library/react'
import ItemPage from '../../src/package-content/item'
import { setApiTransport } from '../../src/api'
import { MeProvider } from '../../src/state/me'
import { detail } from './content-fixtures'
import { FIELD, OPERATOR, fakeCloud, meAs, type FakeAnswer } from './fake-cloud'
import { production } from './review-fixtures'
import { resetTaroMock, setRouterParams } from './taro-mock'

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
})
