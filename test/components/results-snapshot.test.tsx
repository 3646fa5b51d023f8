import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import SnapshotPage from '../../src/package-results/snapshot'
import { setApiTransport, type CallBody } from '../../src/api'
import { loadOutbox, syncOutbox } from '../../src/state/outbox'
import { MeProvider } from '../../src/state/me'
import { FIELD, fakeCloud, meAs, type FakeAnswer } from './fake-cloud'
import { ITEM, TODAY, history, snapshotView } from './results-fixtures'
import { resetTaroMock, setRouterParams, taroCalls } from './taro-mock'

function renderForm(handlers: Record<string, (data: unknown) => FakeAnswer> = {}) {
  setRouterParams({ itemId: ITEM.id })
  const cloud = fakeCloud({ 'results.itemHistory': () => ({ data: history() }), ...handlers })
  setApiTransport(cloud.transport)
  const view = render(
    <MeProvider initial={meAs(FIELD)}>
      <SnapshotPage />
    </MeProvider>,
  )
  return { cloud, view }
}

const type = (container: HTMLElement, field: string, value: string) =>
  fireEvent.input(container.querySelector(`.field-${field} input`)!, { target: { value } })
const submit = (container: HTMLElement) => fireEvent.click(container.querySelector('.snapshot-submit')!)

/** A network that is cut: every call fails before any answer. */
function cutNetwork(cloud: ReturnType<typeof fakeCloud>) {
  const answer = cloud.transport.call
  const sent: CallBody[] = []
  let down = true
  cloud.transport.call = async (fn, body) => {
    if (down) throw new Error('net::ERR_INTERNET_DISCONNECTED')
    sent.push(body)
    return answer(fn, body)
  }
  return { sent, restore: () => (down = false) }
}

describe('作品数据 snapshot form', () => {
  beforeEach(() => resetTaroMock())
  afterEach(() => setApiTransport(null))

  it('shows the last logged values beside each field', async () => {
    const { view } = renderForm()
    await screen.findByText(ITEM.title)
    expect(view.container.querySelector('.field-plays')!.textContent).toContain('上次 1,200')
    expect(view.container.querySelector('.field-completions')!.textContent).toContain('上次 420')
    expect(view.container.querySelector('.field-gmvYuan')!.textContent).toContain('上次 ¥1,299.00')
  })

  it('names 完播 > 播放 under 完播 in Chinese and sends nothing', async () => {
    const { view, cloud } = renderForm()
    await screen.findByText(ITEM.title)
    type(view.container, 'plays', '1500')
    type(view.container, 'completions', '1600')
    submit(view.container)
    const message = await screen.findByText('完播：不能大于播放（1,500）', { selector: '.field-error' })
    expect(message.closest('.field-completions')).not.toBeNull()
    expect(cloud.calls.filter((c) => c.body.action === 'logSnapshot')).toHaveLength(0)
  })

  it('refuses a cumulative number below the last one, under its field', async () => {
    const { view, cloud } = renderForm()
    await screen.findByText(ITEM.title)
    type(view.container, 'plays', '900')
    submit(view.container)
    const message = await screen.findByText(/^播放：不能少于 .* 的累计值 1,200$/, { selector: '.field-error' })
    expect(message.closest('.field-plays')).not.toBeNull()
    expect(cloud.calls.filter((c) => c.body.action === 'logSnapshot')).toHaveLength(0)
  })

  it('sends today’s numbers once, with 成交额 in fen', async () => {
    const { view, cloud } = renderForm({ 'results.logSnapshot': (d) => ({ data: snapshotView(d as never) }) })
    await screen.findByText(ITEM.title)
    type(view.container, 'plays', '1500')
    type(view.container, 'gmvYuan', '2599.5')
    type(view.container, 'orders', '2')
    submit(view.container)
    await waitFor(() => expect(taroCalls.navigations).toEqual([{ kind: 'navigateBack', url: undefined }]))
    const writes = cloud.calls.filter((c) => c.body.action === 'logSnapshot')
    expect(writes).toHaveLength(1)
    expect(writes[0].body.data).toEqual({ itemId: ITEM.id, date: TODAY, metrics: { plays: 1500, orders: 2, gmvFen: 259950 } })
    expect(loadOutbox()).toEqual([])
  })

  it('keeps an offline submission as 待同步 and a later sync sends the SAME requestId', async () => {
    const { view, cloud } = renderForm({ 'results.logSnapshot': (d) => ({ data: snapshotView(d as never) }) })
    await screen.findByText(ITEM.title)
    const net = cutNetwork(cloud)
    type(view.container, 'plays', '1500')
    submit(view.container)
    await waitFor(() => expect(loadOutbox()).toHaveLength(1))
    const [queued] = loadOutbox()
    expect(queued).toMatchObject({ status: 'pending', action: 'logSnapshot', input: { itemId: ITEM.id, date: TODAY, metrics: { plays: 1500 } } })
    expect(queued.label).toContain(ITEM.title)
    expect(taroCalls.toasts).toContain('没有网络，已保存，待同步')

    net.restore()
    const report = await act(() => syncOutbox())
    expect(report).toEqual({ sent: 1, failed: 0, left: 0 })
    expect(net.sent.filter((b) => b.action === 'logSnapshot').map((b) => b.requestId)).toEqual([queued.requestId])
    expect(loadOutbox()).toEqual([])
  })

  it('keeps the typed numbers as a draft when the page is closed and reopened', async () => {
    const first = renderForm()
    await screen.findByText(ITEM.title)
    type(first.view.container, 'plays', '1777')
    first.view.unmount()
    const second = renderForm()
    await screen.findByText(ITEM.title)
    expect((second.view.container.querySelector('.field-plays input') as HTMLInputElement).value).toBe('1777')
  })
})

describe('outbox sync', () => {
  beforeEach(() => resetTaroMock())
  afterEach(() => setApiTransport(null))

  it('keeps an entry the function refuses (VALIDATION) as failed, with its message', async () => {
    const { view, cloud } = renderForm({
      'results.logSnapshot': () => ({
        error: { code: 'VALIDATION', message: '播放：不能少于当天已填的 2000（填错了请用“更正”）', fields: [{ path: 'metrics.plays', message: '播放：不能少于当天已填的 2000（填错了请用“更正”）' }] },
      }),
    })
    await screen.findByText(ITEM.title)
    const net = cutNetwork(cloud)
    type(view.container, 'plays', '1500')
    submit(view.container)
    await waitFor(() => expect(loadOutbox()).toHaveLength(1))
    net.restore()
    const report = await act(() => syncOutbox())
    expect(report).toEqual({ sent: 0, failed: 1, left: 0 })
    expect(loadOutbox()).toMatchObject([{ status: 'failed', message: '播放：不能少于当天已填的 2000（填错了请用“更正”）' }])
  })

  it('leaves entries pending while the network is still down', async () => {
    const { view, cloud } = renderForm()
    await screen.findByText(ITEM.title)
    cutNetwork(cloud)
    type(view.container, 'plays', '1500')
    submit(view.container)
    await waitFor(() => expect(loadOutbox()).toHaveLength(1))
    const report = await act(() => syncOutbox())
    expect(report).toEqual({ sent: 0, failed: 0, left: 1 })
    expect(loadOutbox()).toMatchObject([{ status: 'pending' }])
  })
})
