import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { Correctable, LeadView, LiveView, RecentLive } from '../../core/results/views'
import LeadsPage from '../../src/package-results/leads'
import LivePage from '../../src/package-results/live'
import { setApiTransport } from '../../src/api'
import { MeProvider } from '../../src/state/me'
import { FIELD, fakeCloud, meAs, type FakeAnswer } from './fake-cloud'
import { TODAY } from './results-fixtures'
import { resetTaroMock, setRouterParams } from './taro-mock'

const SESSION: Correctable<LiveView> = {
  id: 'live_1',
  itemId: 'item_live',
  day: TODAY,
  startAt: `${TODAY}T19:00:00+08:00`,
  endAt: `${TODAY}T21:00:00+08:00`,
  durationSeconds: 7200,
  uniqueViewers: 800,
  peakConcurrent: 120,
  avgWatchSeconds: null,
  newFollowers: 30,
  comments: null,
  orders: 40,
  gmvFen: 400_000,
  supersedes: null,
  reason: null,
  loggedByName: '赵强',
  loggedAt: new Date().toISOString(),
  canCorrect: true,
}
const LIVES: RecentLive[] = [{ id: 'item_live', title: '周五新品直播', day: TODAY, status: 'published', sessions: [SESSION] }]

const LEAD: Correctable<LeadView> = {
  id: 'lead_1',
  date: TODAY,
  channel: 'wecom',
  count: 7,
  itemId: null,
  liveId: null,
  supersedes: null,
  reason: null,
  loggedByName: '赵强',
  loggedAt: new Date().toISOString(),
  canCorrect: true,
}

function renderPage(page: JSX.Element, handlers: Record<string, (data: unknown) => FakeAnswer>) {
  setRouterParams({})
  const cloud = fakeCloud(handlers)
  setApiTransport(cloud.transport)
  const view = render(<MeProvider initial={meAs(FIELD)}>{page}</MeProvider>)
  return { cloud, view }
}

const type = (container: HTMLElement, selector: string, value: string) => fireEvent.input(container.querySelector(`${selector} input`)!, { target: { value } })

describe('更正 a livestream session', () => {
  beforeEach(() => resetTaroMock())
  afterEach(() => setApiTransport(null))

  it('lists the logged session of the chosen livestream and sends its corrected numbers with the reason', async () => {
    const { view, cloud } = renderPage(<LivePage />, {
      'results.recentLives': () => ({ data: LIVES }),
      'results.correctLive': (d) => ({ data: { ...SESSION, ...(d as object), id: 'live_fix', supersedes: 'live_1' } }),
    })
    fireEvent.click(await screen.findByText('周五新品直播'))
    expect(await screen.findByText('已记录 1 场')).toBeTruthy()
    fireEvent.click(view.container.querySelector('.live-session__fix--live_1')!)
    expect(await screen.findByText('取消更正')).toBeTruthy()
    // Without a reason nothing is sent.
    fireEvent.click(view.container.querySelector('.live-submit')!)
    expect(await screen.findByText('更正原因：请填写')).toBeTruthy()
    expect(cloud.calls.filter((c) => c.body.action === 'correctLive')).toHaveLength(0)

    type(view.container, '.field-uniqueViewers', '1000')
    type(view.container, '.field-reason', '观看人数看错了')
    fireEvent.click(view.container.querySelector('.live-submit')!)
    await waitFor(() => expect(cloud.calls.filter((c) => c.body.action === 'correctLive')).toHaveLength(1))
    const sent = cloud.calls.find((c) => c.body.action === 'correctLive')!.body.data as Record<string, unknown>
    expect(sent).toMatchObject({ liveId: 'live_1', uniqueViewers: 1000, peakConcurrent: 120, orders: 40, gmvFen: 400_000, reason: '观看人数看错了' })
    expect(sent.itemId).toBeUndefined()
  })
})

describe('更正 a leads record', () => {
  beforeEach(() => resetTaroMock())
  afterEach(() => setApiTransport(null))

  it('shows recent records and replaces one count, down to zero, with a reason', async () => {
    const { view, cloud } = renderPage(<LeadsPage />, {
      'results.recentLeads': () => ({ data: [LEAD] }),
      'results.correctLeads': (d) => ({ data: { ...LEAD, ...(d as object), id: 'lead_fix', supersedes: 'lead_1' } }),
    })
    expect(await screen.findByText(/企业微信 · 7/)).toBeTruthy()
    fireEvent.click(view.container.querySelector('.lead-record__fix--lead_1')!)
    expect(await screen.findByText(/原为 7/)).toBeTruthy()
    type(view.container, '.field-count', '0')
    type(view.container, '.field-reason', '重复填报了')
    fireEvent.click(view.container.querySelector('.lead-correction-submit')!)
    await waitFor(() => expect(cloud.calls.filter((c) => c.body.action === 'correctLeads')).toHaveLength(1))
    expect(cloud.calls.find((c) => c.body.action === 'correctLeads')!.body.data).toEqual({ leadId: 'lead_1', count: 0, reason: '重复填报了' })
  })
})
