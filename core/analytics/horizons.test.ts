import fc from 'fast-check'
import { emptyRollup, type DayRollup } from '../results/rollup'
import type { Sums } from '../results/metrics'
import { addDays } from '../time/china'
import { horizonText, kpiCard } from './cards'
import { addMonths, HORIZONS, inForce, measureBaselines, ramp, rangeTargetOf, scaled, type PlanBasis } from './horizons'
import { light } from './kpi'
import { KPI_DEFS } from './kpiDefs'
import { KPIS, type KpiKey } from './schemas'
import { targetView } from './targets'

const roll = (d: string, total: Sums, followers?: number): DayRollup => ({ ...emptyRollup(d), total, followers: followers === undefined ? null : { total: followers, factId: `f${d}` } })
const plan = (measured: PlanBasis['measured'] = {}): PlanBasis => ({ startDay: '2026-09-01', measured })
const at = (kpi: KpiKey, to: string, days: number, p = plan(), target = targetView(kpi, null)) => rangeTargetOf(kpi, target, p, { to, days })

describe('ramps (hand-computed)', () => {
  it('completion 35% → 50% within 3 months of 2026-09-01: start, middle, deadline, after', () => {
    // 2026-09-01 → 2026-12-01 is 91 days.
    expect(at('completionRate', '2026-09-01', 1).value).toBeCloseTo(0.35)
    expect(at('completionRate', '2026-10-16', 7).value).toBeCloseTo(0.35 + (0.15 * 45) / 91)
    expect(at('completionRate', '2026-12-01', 7)).toMatchObject({ value: 0.5, end: 0.5, deadline: '2026-12-01', baseline: 0.35 })
    expect(at('completionRate', '2027-02-01', 30).value).toBe(0.5)
  })

  it('interaction 15% → 35% within 6 months; a range before the plan starts judges against the baseline', () => {
    expect(at('interactionRate', '2026-08-20', 7).value).toBeCloseTo(0.15)
    expect(at('interactionRate', '2026-12-01', 7).value).toBeCloseTo(0.15 + (0.2 * 91) / 181) // 09-01 → 03-01 is 181 days
    expect(at('interactionRate', '2026-12-01', 7).deadline).toBe('2027-03-01')
  })

  it('followers ramp from the total measured at the start to 100,000 in 3 months, read at the range end, not scaled', () => {
    const p = plan({ followers: 40_000 })
    expect(at('followers', '2026-10-16', 1, p).value).toBeCloseTo(40_000 + (60_000 * 45) / 91)
    expect(at('followers', '2026-10-16', 30, p).value).toBeCloseTo(40_000 + (60_000 * 45) / 91)
    // No total measured: no target to judge by (light none), the end still shown.
    expect(at('followers', '2026-10-16', 7)).toMatchObject({ value: null, end: 100_000, deadline: '2026-12-01' })
  })

  it('a team target replaces the end value; the ramp still starts at the baseline', () => {
    const t = { ...targetView('completionRate', null), value: 0.55, version: 1 }
    expect(at('completionRate', '2026-10-16', 7, plan(), t).value).toBeCloseTo(0.35 + (0.2 * 45) / 91)
  })

  it('ramp() and addMonths() at their edges', () => {
    expect(ramp(0, 10, '2026-01-01', '2026-01-11', '2026-01-06')).toBe(5)
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28')
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(addMonths('2026-10-15', 14)).toBe('2027-12-15')
  })
})

describe('relative targets from measured baselines', () => {
  it('inquiries = weekly baseline × 3, scaled per week; order conversion = baseline × 1.25', () => {
    const p = plan({ inquiries: 300, orderConversion: 0.12 })
    expect(at('inquiries', '2026-10-07', 7, p)).toMatchObject({ value: 900, end: 900, baseline: 300 })
    expect(at('inquiries', '2026-10-01', 1, p).value).toBeCloseTo(900 / 7)
    expect(at('orderConversion', '2026-10-31', 31, p).value).toBeCloseTo(0.15)
  })

  it('without a measured baseline: inquiries has no target (light none), order conversion uses the plan\'s 15%', () => {
    expect(at('inquiries', '2026-10-07', 7).value).toBeNull()
    expect(at('orderConversion', '2026-10-07', 7).value).toBeCloseTo(0.1875)
  })

  it('a target the team set (version > 0) is taken as it is', () => {
    const t = { ...targetView('inquiries', null), value: 700, version: 2 }
    expect(at('inquiries', '2026-10-14', 14, plan({ inquiries: 300 }), t).value).toBe(1400)
  })

  it('measures the 4 weeks before the start and the follower total at it', () => {
    const start = '2026-09-01'
    const rollups = [
      roll(addDays(start, -29), { leads: 999, itemsLogged: 1 }), // outside the 4 weeks
      roll(addDays(start, -28), { leads: 400, inquiries: 200, orders: 30, gmvFen: 900_000, plays: 1000, likes: 90, comments: 20, itemsLogged: 1 }),
      roll(addDays(start, -3), { leads: 400, inquiries: 200, orders: 20, gmvFen: 600_000, plays: 1000, likes: 110, comments: 30, itemsLogged: 1 }, 38_000),
      roll(start, { leads: 50, itemsLogged: 1 }), // the start day belongs to the plan, not the baseline
    ]
    // likes 200 / plays 2000 = 10%, comments 50 / 2000 = 2.5%, GMV ¥15,000 / 50 orders = ¥300
    expect(measureBaselines(rollups, start).measured).toEqual({ inquiries: 300, orderConversion: 0.125, followers: 38_000, likeRate: 0.1, commentRate: 0.025, avgOrderValue: 300 })
    // No total before the start: the first one after it stands in.
    expect(measureBaselines([roll(addDays(start, 5), {}, 41_000)], start).measured).toEqual({ inquiries: null, orderConversion: null, followers: 41_000, likeRate: null, commentRate: null, avgOrderValue: null })
    // Orders without GMV logged give no 客单价 (not ¥0).
    expect(measureBaselines([roll(addDays(start, -3), { orders: 5, itemsLogged: 1 })], start).measured.avgOrderValue).toBeNull()
  })
})

describe('range scaling', () => {
  it('weekly counts × days / 7; a monthly growth rate compounds; rates and levels stay', () => {
    expect(scaled('week', 5, 1)).toBeCloseTo(5 / 7)
    expect(scaled('week', 5, 31)).toBeCloseTo(155 / 7)
    expect(scaled('compoundMonth', 0.35, 30)).toBeCloseTo(0.35)
    expect(scaled('compoundMonth', 0.35, 7)).toBeCloseTo(Math.pow(1.35, 7 / 30) - 1)
    expect(scaled('compoundMonth', 0.35, 60)).toBeCloseTo(1.35 * 1.35 - 1)
    expect(scaled('same', 0.5, 92)).toBe(0.5)
    expect(scaled('point', 100_000, 7)).toBe(100_000)
  })

  it('every KPI states its scaling', () => {
    for (const k of KPIS) expect(HORIZONS[k].scale).toMatch(/^(week|same|point|compoundMonth)$/)
  })
})

describe('no card is red or green by construction', () => {
  // A team exactly on plan, every day: each KPI's daily value is what its target asks for a day.
  const start = '2026-09-01'
  const p = plan({ inquiries: 280, orderConversion: 0.1, followers: 40_000 })

  it('organic growth of 35% a month, compounded daily, is green for a week, a month and a quarter (a week was red before)', () => {
    const daily = Math.pow(1.35, 1 / 30) - 1
    for (const days of [1, 7, 30, 92]) {
      const from = '2026-10-01'
      const to = addDays(from, days - 1)
      const rollups: DayRollup[] = [roll(addDays(from, -1), {}, 10_000)]
      let total = 10_000
      for (let d = 0; d < days; d++) {
        const adds = total * daily
        total += adds
        rollups.push(roll(addDays(from, d), { newFollowersOrganic: adds, itemsLogged: 1 }))
      }
      const c = kpiCard('organicGrowthRate', { data: { rollups, items: [] }, range: { from, to, days }, previous: { from: addDays(from, -days), to: addDays(from, -1) }, target: targetView('organicGrowthRate', null), plan: p })
      expect([days, c.light]).toEqual([days, 'green'])
    }
  })

  it('property: on-plan values are green and clearly-behind values red, for any range and any day of the plan', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KPIS), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 92 }), (kpi, offset, days) => {
        const to = addDays(start, offset)
        const t = rangeTargetOf(kpi, targetView(kpi, null), p, { to, days })
        if (t.value === null) return
        const def = KPI_DEFS[kpi]
        const tol = targetView(kpi, null).tolerance
        const behind = def.direction === 'higher' ? t.value * (1 - 2 * tol) - 1e-9 : t.value * (1 + 2 * tol) + 1e-9
        // The light compares the raw value with the range target, so judging the target itself must be green.
        expect(lightOf(kpi, t.value, t.value)).toBe('green')
        if (t.value > 0) expect(lightOf(kpi, behind, t.value)).toBe('red')
      }),
    )
  })

  it('says where a target comes from', () => {
    const ramped = rangeTargetOf('completionRate', targetView('completionRate', null), p, { to: '2026-10-16', days: 7 })
    expect(horizonText('completionRate', KPI_DEFS.completionRate, ramped)).toBe('终期 ≥ 50.0% · 2026-12-01 截止')
    const rel = rangeTargetOf('inquiries', targetView('inquiries', null), p, { to: '2026-10-16', days: 7 })
    expect(horizonText('inquiries', KPI_DEFS.inquiries, rel)).toBe('基线 280 次/周 +200%')
    const none = rangeTargetOf('inquiries', targetView('inquiries', null), plan(), { to: '2026-10-16', days: 7 })
    expect(horizonText('inquiries', KPI_DEFS.inquiries, none)).toBe('缺少基线，请设定目标')
    expect(horizonText('output', KPI_DEFS.output, rangeTargetOf('output', targetView('output', null), p, { to: '2026-10-16', days: 30 }))).toBe('按每周 ≥ 5 条折算')
    expect(horizonText('organicGrowthRate', KPI_DEFS.organicGrowthRate, rangeTargetOf('organicGrowthRate', targetView('organicGrowthRate', null), p, { to: '2026-10-16', days: 7 }))).toBe('每月 ≥ 35.0%，按复利折算')
    expect(horizonText('paidShare', KPI_DEFS.paidShare, rangeTargetOf('paidShare', targetView('paidShare', null), p, { to: '2026-10-16', days: 7 }))).toBeNull()
  })
})

function lightOf(kpi: KpiKey, value: number, target: number) {
  return light(value, target, KPI_DEFS[kpi].direction, targetView(kpi, null).tolerance)
}

describe('the 目标 screen says how each target is used', () => {
  it('ramps, baselines and scaling in words, for every KPI', () => {
    const views = KPIS.map((k) => targetView(k, null))
    expect(views.find((t) => t.kpi === 'completionRate')!.horizon).toBe('从基线 35.0% 起，计划开始后 3 个月内线性爬升到此目标；看板按所选范围最后一天在爬坡线上的值亮灯')
    expect(views.find((t) => t.kpi === 'followers')!.horizon).toMatch(/^从计划开始时的实际值起，计划开始后 3 个月内/)
    expect(views.find((t) => t.kpi === 'inquiries')!.horizon).toBe('未调整时 = 计划开始前 4 周实测基线 +200%；调整后按调整值（每周，按范围天数折算）')
    expect(views.find((t) => t.kpi === 'organicGrowthRate')!.horizon).toBe('每月目标，其他范围按 30 天一个月复利折算')
    expect(views.find((t) => t.kpi === 'output')!.horizon).toBe('每周目标，按所选范围的天数折算')
    for (const v of views) expect(v.horizon.length).toBeGreaterThan(4)
  })
})

describe('targets in force', () => {
  it('an unset relative target shows baseline × factor (or nothing to go on); a set one and the rest stay', () => {
    const views = KPIS.map((k) => targetView(k, null))
    const shown = inForce(views, plan({ inquiries: 149 }))
    expect(shown.find((t) => t.kpi === 'inquiries')!.value).toBe(447)
    expect(shown.find((t) => t.kpi === 'orderConversion')!.value).toBeCloseTo(0.1875) // the plan's 15% until measured
    expect(inForce(views, plan()).find((t) => t.kpi === 'inquiries')!.value).toBeNull()
    const set = views.map((t) => (t.kpi === 'inquiries' ? { ...t, value: 700, version: 3 } : t))
    expect(inForce(set, plan({ inquiries: 149 })).find((t) => t.kpi === 'inquiries')!.value).toBe(700)
    expect(shown.find((t) => t.kpi === 'completionRate')).toEqual(views.find((t) => t.kpi === 'completionRate'))
  })
})
