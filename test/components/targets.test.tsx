import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import TargetsPage from '../../src/package-analytics/targets'
import { setApiTransport } from '../../src/api'
import { MeProvider } from '../../src/state/me'
import type { MemberView } from '../../core/team/schemas'
import type { TargetView } from '../../core/analytics/targetSchemas'
import { HISTORY, TARGETS } from './analytics-fixtures'
import { ADMIN, MANAGER, OPERATOR, fakeCloud, meAs } from './fake-cloud'
import { resetTaroMock, taroCalls } from './taro-mock'

function renderPage(who: MemberView, handlers: Parameters<typeof fakeCloud>[0] = {}) {
  const cloud = fakeCloud({
    'analytics.targets': () => ({ data: TARGETS }),
    'analytics.targetHistory': () => ({ data: HISTORY }),
    ...handlers,
  })
  setApiTransport(cloud.transport)
  const view = render(
    <MeProvider initial={meAs(who)}>
      <TargetsPage />
    </MeProvider>,
  )
  return { cloud, view }
}

/**
 * Types into a field row: a number field's <input>, or NutUI's TextArea, whose <taro-textarea-core>
 * jsdom cannot draw, so its input event is sent as Taro does.
 */
async function typeInto(container: HTMLElement, field: string, value: string) {
  await act(async () => {
    const input = container.querySelector(`.field-${field} input`)
    if (input) fireEvent.input(input, { target: { value } })
    else container.querySelector(`.field-${field} taro-textarea-core`)!.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true }))
  })
}

const completion = (c: HTMLElement) => c.querySelector('.target--completionRate')!

describe('目标管理', () => {
  beforeEach(() => resetTaroMock())
  afterEach(() => setApiTransport(null))

  it('lists every target with its value, tolerance, direction and how often it is reviewed', async () => {
    const { view } = renderPage(OPERATOR)
    await screen.findByText('完播率')
    expect(completion(view.container).textContent).toContain('50.0%')
    expect(completion(view.container).textContent).toContain('越高越好 · 黄灯容差 10.0% · 每季度复核')
    expect(view.container.querySelector('.target--paidShare')!.textContent).toContain('越低越好 · 黄灯容差 10.0% · 每月复核')
  })

  it('lets operators read the history but not change a target', async () => {
    const { view } = renderPage(OPERATOR)
    await screen.findByText('完播率')
    expect(view.container.querySelector('.target-edit')).toBeNull()
    expect(view.container.querySelector('.target-plan')).toBeNull()
    fireEvent.click(completion(view.container).querySelector('.target-history-toggle')!)
    expect(await screen.findByText('原因：行业头部已到 55%')).toBeTruthy()
    expect(completion(view.container).textContent).toContain('45.0% → 50.0%')
    expect(completion(view.container).textContent).toContain('陈静')
  })

  it('shows the Chinese message under the field when the reason is missing, and sends nothing', async () => {
    const { view, cloud } = renderPage(ADMIN)
    await screen.findByText('完播率')
    fireEvent.click(completion(view.container).querySelector('.target-edit')!)
    await typeInto(view.container, 'value', '55')
    await act(async () => {
      fireEvent.click(view.container.querySelector('.target-save')!)
    })
    expect(await screen.findByText('调整原因：请填写调整原因')).toBeTruthy()
    expect(cloud.calls.some((c) => c.body.action === 'setTarget')).toBe(false)
  })

  it('refuses a tolerance over 100% with the schema message under the tolerance field', async () => {
    const { view } = renderPage(ADMIN)
    await screen.findByText('完播率')
    fireEvent.click(completion(view.container).querySelector('.target-edit')!)
    await typeInto(view.container, 'tolerance', '150')
    await typeInto(view.container, 'reason', '试一试')
    await act(async () => {
      fireEvent.click(view.container.querySelector('.target-save')!)
    })
    expect(view.container.querySelector('.field-tolerance')!.textContent).toContain('黄灯容差：不能超过 100%')
  })

  it('an admin overrides this period\'s target: the value as a ratio with the version it saw and a requestId', async () => {
    const saved: TargetView = { ...TARGETS[0], value: 0.55, version: 2, updatedAt: '2026-11-27T03:00:00.000Z', updatedByName: '陈静' }
    const { view, cloud } = renderPage(ADMIN, { 'analytics.setTarget': () => ({ data: saved }) })
    await screen.findByText('完播率')
    fireEvent.click(completion(view.container).querySelector('.target-edit')!)
    await typeInto(view.container, 'value', '55')
    await typeInto(view.container, 'reason', '行业头部已到 55%')
    await act(async () => {
      fireEvent.click(view.container.querySelector('.target-save')!)
    })
    const call = cloud.calls.find((c) => c.body.action === 'setTarget')!
    expect(call.body.data).toEqual({ kpi: 'completionRate', value: 0.55, tolerance: 0.1, reason: '行业头部已到 55%', version: 1 })
    expect(call.body.requestId).toEqual(expect.any(String))
    expect(taroCalls.toasts).toContain('本期目标已修改')
    await waitFor(() => expect(view.container.querySelector('.target-form')).toBeNull())
  })

  it('on CONFLICT says so, reloads the targets and saves against the newer version', async () => {
    let current = TARGETS
    const newer: TargetView = { ...TARGETS[0], value: 0.52, version: 3, updatedByName: '王敏', updatedAt: '2026-11-27T03:00:00.000Z' }
    let attempts = 0
    const { view, cloud } = renderPage(ADMIN, {
      'analytics.targets': () => ({ data: current }),
      'analytics.setTarget': (d) => {
        attempts++
        if ((d as { version: number }).version !== 3) {
          current = [newer, TARGETS[1]]
          return { error: { code: 'CONFLICT', message: '目标已被其他人修改，请刷新后重试' } }
        }
        return { data: { ...newer, value: 0.55, version: 4 } }
      },
    })
    await screen.findByText('完播率')
    fireEvent.click(completion(view.container).querySelector('.target-edit')!)
    await typeInto(view.container, 'value', '55')
    await typeInto(view.container, 'reason', '行业头部已到 55%')
    await act(async () => {
      fireEvent.click(view.container.querySelector('.target-save')!)
    })
    expect(taroCalls.toasts).toContain('目标已被其他人修改，请刷新后重试')
    await waitFor(() => expect(completion(view.container).textContent).toContain('52.0%'))
    expect(completion(view.container).textContent).toContain('王敏')
    expect(screen.getByText('这个目标刚被其他人修改过，已显示最新的目标值；请确认后再保存。')).toBeTruthy()
    expect(cloud.calls.filter((c) => c.body.action === 'targets')).toHaveLength(2)
    await act(async () => {
      fireEvent.click(view.container.querySelector('.target-save')!)
    })
    const sets = cloud.calls.filter((c) => c.body.action === 'setTarget')
    expect(attempts).toBe(2)
    expect((sets[1].body.data as { version: number }).version).toBe(3)
    expect(sets[1].body.requestId).not.toBe(sets[0].body.requestId)
  })

  it('a manager sets next period\'s target (not this one\'s), is reminded near the period\'s end, and sends planTarget with the plan\'s version', async () => {
    const period = { current: '2026-Q4', currentLabel: '2026 年第 4 季度', next: '2027-Q1', nextLabel: '2027 年第 1 季度', planned: null, reminderDue: true }
    const listed = [{ ...TARGETS[0], period }, TARGETS[1]]
    const saved: TargetView = { ...TARGETS[0], period: { ...period, reminderDue: false, planned: { value: 0.55, tolerance: 0.1, version: 1, updatedByName: '陈静', updatedAt: '2026-12-20T03:00:00.000Z' } } }
    const { view, cloud } = renderPage(MANAGER, { 'analytics.targets': () => ({ data: listed }), 'analytics.planTarget': () => ({ data: saved }) })
    await screen.findByText('完播率')
    expect(view.container.querySelector('.targets-page__reminder')!.textContent).toContain('请在本期结束前设定下期目标：完播率')
    expect(completion(view.container).textContent).toContain('本期 2026 年第 4 季度：50.0%')
    expect(completion(view.container).textContent).toContain('下期 2027 年第 1 季度：未设定，将沿用本期')
    expect(view.container.querySelector('.target-edit')).toBeNull()
    fireEvent.click(completion(view.container).querySelector('.target-plan')!)
    expect(view.container.querySelector('.target-form__period')!.textContent).toContain('设定2027 年第 1 季度的目标')
    await typeInto(view.container, 'value', '55')
    await typeInto(view.container, 'reason', '下季度对标行业头部')
    await act(async () => {
      fireEvent.click(view.container.querySelector('.target-save')!)
    })
    const call = cloud.calls.find((c) => c.body.action === 'planTarget')!
    expect(call.body.data).toEqual({ kpi: 'completionRate', value: 0.55, tolerance: 0.1, reason: '下季度对标行业头部', version: 0 })
    expect(cloud.calls.some((c) => c.body.action === 'setTarget')).toBe(false)
    expect(taroCalls.toasts).toContain('下期目标已设定')
  })

  it('an admin classes a KPI and names its owner from the managers and admins; the reason is required', async () => {
    const saved: TargetView = { ...TARGETS[1], reviewedEvery: 'quarter', ownerId: MANAGER.id, ownerName: MANAGER.name }
    const { view, cloud } = renderPage(ADMIN, { 'team.listMembers': () => ({ data: [ADMIN, MANAGER, OPERATOR] }), 'analytics.setKpiSetting': () => ({ data: saved }) })
    await screen.findByText('完播率')
    const paid = view.container.querySelector('.target--paidShare')!
    expect(paid.textContent).toContain('负责人：全体主管')
    fireEvent.click(paid.querySelector('.target-settings')!)
    await waitFor(() => expect(view.container.querySelector(`.kpi-owner--${MANAGER.id}`)).toBeTruthy())
    // Operators cannot close a special analysis, so they are not offered as owners.
    expect(view.container.querySelector(`.kpi-owner--${OPERATOR.id}`)).toBeNull()
    await act(async () => {
      fireEvent.click(view.container.querySelector('.kpi-class--quarter input') ?? view.container.querySelector('.kpi-class--quarter')!)
      fireEvent.click(view.container.querySelector(`.kpi-owner--${MANAGER.id} input`) ?? view.container.querySelector(`.kpi-owner--${MANAGER.id}`)!)
    })
    await act(async () => {
      fireEvent.click(view.container.querySelector('.target-save')!)
    })
    expect(await screen.findByText('原因：请填写原因')).toBeTruthy()
    expect(cloud.calls.some((c) => c.body.action === 'setKpiSetting')).toBe(false)
    await typeInto(view.container, 'reason', '投流关系到季度预算')
    await act(async () => {
      fireEvent.click(view.container.querySelector('.target-save')!)
    })
    const call = cloud.calls.find((c) => c.body.action === 'setKpiSetting')!
    expect(call.body.data).toEqual({ kpi: 'paidShare', reviewedEvery: 'quarter', ownerId: MANAGER.id, reason: '投流关系到季度预算' })
  })

  it('a manager enters a baseline only where none was measured; operators see where each baseline comes from', async () => {
    const listed: TargetView[] = [
      { ...TARGETS[0], kpi: 'inquiries', label: '咨询量', unit: 'count', unitWord: '次', perWeek: true, value: null, baseline: { value: null, source: 'none', note: '计划开始（2026-09-01）前 4 周没有数据，可由主管录入基线' } },
      { ...TARGETS[0], kpi: 'orderConversion', label: '咨询成交率', baseline: { value: 0.15, source: 'measured', note: '计划开始（2026-09-01）前 4 周实测' } },
    ]
    const op = renderPage(OPERATOR, { 'analytics.targets': () => ({ data: listed }) })
    await screen.findByText('咨询量')
    expect(op.view.container.querySelector('.target--orderConversion .target__baseline')!.textContent).toBe('基线 15.0%（计划开始（2026-09-01）前 4 周实测）')
    expect(op.view.container.querySelector('.target-baseline')).toBeNull()
    op.view.unmount()

    const { view, cloud } = renderPage(MANAGER, { 'analytics.targets': () => ({ data: listed }), 'analytics.setBaseline': () => ({ data: listed[0] }) })
    await screen.findByText('咨询量')
    expect(view.container.querySelector('.target--orderConversion .target-baseline')).toBeNull()
    fireEvent.click(view.container.querySelector('.target--inquiries .target-baseline')!)
    await typeInto(view.container, 'baseline', '250')
    await typeInto(view.container, 'reason', '去年同期台账')
    await act(async () => {
      fireEvent.click(view.container.querySelector('.target-save')!)
    })
    expect(cloud.calls.find((c) => c.body.action === 'setBaseline')!.body.data).toEqual({ kpi: 'inquiries', value: 250, reason: '去年同期台账' })
    expect(taroCalls.toasts).toContain('基线已录入')
  })

  it('staff edit the conversion path as ordered steps; the card shows it with its length', async () => {
    const listed: TargetView[] = [{ ...TARGETS[0], kpi: 'pathSteps', label: '转化路径步数', unit: 'count', unitWord: '步', direction: 'lower', value: 3 }]
    let path = { steps: ['关注', '浏览主页', '私信咨询', '下单'], byName: '李娜', at: '2026-11-20T03:00:00.000Z', history: [] as { day: string; length: number; byName: string }[] }
    const { view, cloud } = renderPage(OPERATOR, {
      'analytics.targets': () => ({ data: listed }),
      'analytics.conversionPath': () => ({ data: path }),
      'analytics.setConversionPath': (d) => {
        path = { steps: (d as { steps: string[] }).steps, byName: '李娜', at: '2026-12-01T03:00:00.000Z', history: [{ day: '2026-11-20', length: 4, byName: '李娜' }] }
        return { data: path }
      },
    })
    expect(await screen.findByText('关注 → 浏览主页 → 私信咨询 → 下单（4 步）')).toBeTruthy()
    fireEvent.click(view.container.querySelector('.path-edit')!)
    fireEvent.click(view.container.querySelectorAll('.path-step__remove')[1])
    expect(view.container.querySelector('.path-save')!.textContent).toContain('保存（3 步）')
    await act(async () => {
      fireEvent.click(view.container.querySelector('.path-save')!)
    })
    expect(cloud.calls.find((c) => c.body.action === 'setConversionPath')!.body.data).toEqual({ steps: ['关注', '私信咨询', '下单'] })
    expect(await screen.findByText('关注 → 私信咨询 → 下单（3 步）')).toBeTruthy()
  })
})
