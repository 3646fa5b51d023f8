// Seeds the demo team through the real cloud functions (the same code path a user takes), so the
// demo data can never disagree with what the functions themselves would store.
import type { PathEntry } from '../core/analytics/conversionPath'
import type { Department, Role } from '../core/roles'
import { seedContent } from './seed-content'
import { seedReview } from './seed-review'
import { seedResults } from './seed-results'
import { seedCompetitors } from './seed-competitors'
import { seedRisks } from './seed-risks'
import { seedBudget } from './seed-budget'
import type { Store } from './store'
import { MEMBERS, TEAMS } from '../cloudfunctions/common/db/collections'
import { addDays, dayKey } from '../core/time/china'

export interface SeedContext {
  invoke(fn: string, event: Record<string, unknown>, openid: string): Promise<unknown>
  store: Store
  now: Date
  /** Fires a function's timer trigger as the scheduler would (absent in tests that seed without a server). */
  timer?(fn: string, name: string): Promise<unknown>
}

interface DemoPerson {
  openid: string
  name: string
  department: Department
  role: Role
}

export const DEMO_TEAM_NAME = '集团品牌中心·视频号运营组'
export const DEMO_ADMIN = { openid: 'demo_admin_wangmin', name: '王敏', department: 'marketing' as Department }
export const DEMO_PEOPLE: DemoPerson[] = [
  { openid: 'demo_manager_chen', name: '陈静', department: 'marketing', role: 'manager' },
  { openid: 'demo_operator_li', name: '李娜', department: 'marketing', role: 'operator' },
  { openid: 'demo_operator_zhou', name: '周航', department: 'tech', role: 'operator' },
  { openid: 'demo_field_zhao', name: '赵强', department: 'sales', role: 'field' },
  { openid: 'demo_field_liu', name: '刘洋', department: 'sales', role: 'field' },
]

let seq = 0
const rid = (label: string) => `seed-${label}-${Date.now().toString(36)}-${seq++}`

async function call(ctx: SeedContext, openid: string, action: string, data: Record<string, unknown>) {
  const res = (await ctx.invoke('team', { action, data, requestId: rid(action) }, openid)) as {
    ok: boolean
    data?: unknown
    error?: { message: string }
  }
  if (!res.ok) throw new Error(`seed: team.${action} failed: ${res.error?.message}`)
  return res.data
}

/** Creates the demo team (an admin and one or two members of every role) and a quarter of its content. */
export default async function seed(ctx: SeedContext): Promise<void> {
  const me = (await call(ctx, DEMO_ADMIN.openid, 'createTeam', {
    name: DEMO_TEAM_NAME,
    memberName: DEMO_ADMIN.name,
    department: DEMO_ADMIN.department,
  })) as { team: { id: string } }
  for (const p of DEMO_PEOPLE) {
    const invite = (await call(ctx, DEMO_ADMIN.openid, 'createInvite', { role: p.role })) as { code: string }
    await call(ctx, p.openid, 'joinTeam', { code: invite.code, name: p.name, department: p.department })
  }
  const planners = ctx.store
    .find(MEMBERS, { query: { teamId: me.team.id, status: 'active', roles: { $in: ['operator', 'manager'] } } })
    .map((m) => ({ id: m._id, name: String(m.name) }))
  seedContent(ctx.store, me.team.id, planners, ctx.now)
  const everyone = ctx.store.find(MEMBERS, { query: { teamId: me.team.id, status: 'active' } }).map((m) => ({ id: m._id, roles: m.roles as Role[], name: String(m.name) }))
  const person = (id: string) => everyone.find((m) => m.id === id)!
  const manager = everyone.find((m) => m.roles.length === 1 && m.roles[0] === 'manager')!
  const admin = everyone.find((m) => m.roles.includes('admin') && m.roles.includes('manager'))!
  seedReview(ctx.store, me.team.id, { owner: person, reviewerFor: (ownerId) => (ownerId === manager.id ? admin : manager) }, ctx.now)
  const loggers = ctx.store
    .find(MEMBERS, { query: { teamId: me.team.id, status: 'active', roles: 'field' } })
    .map((m) => ({ id: m._id, name: String(m.name) }))
  seedResults(ctx.store, me.team.id, loggers, ctx.now)
  seedCompetitors(ctx.store, me.team.id, planners, ctx.now)
  const operators = everyone.filter((m) => m.roles.length === 1 && m.roles[0] === 'operator')
  seedRisks(ctx.store, me.team.id, { admin, manager, operators }, ctx.now)
  seedBudget(ctx.store, me.team.id, manager, ctx.now)
  // The demo's plan started five weeks ago, so its baselines are measured from the seeded weeks before
  // it and its ramps are part-way (a team created in the app starts its plan on the day it is created).
  const planStart = addDays(dayKey(ctx.now), -DEMO_PLAN_WEEKS * 7)
  // The plan's 8-step path from 关注 to 下单 at its start, shortened to 5 two weeks ago (转化路径步数 8 → 5, target ≤ 3).
  const conversionPaths: PathEntry[] = [
    { day: planStart, steps: ['关注', '浏览主页', '看直播', '进粉丝群', '领优惠券', '私信咨询', '加企业微信', '下单'], byName: admin.name, at: new Date(`${planStart}T10:00:00+08:00`) },
    { day: addDays(dayKey(ctx.now), -14), steps: ['关注', '看直播', '私信咨询', '加企业微信', '下单'], byName: manager.name, at: new Date(`${addDays(dayKey(ctx.now), -14)}T10:00:00+08:00`) },
  ]
  ctx.store.update(TEAMS, { _id: me.team.id }, { $set: { planStartDay: planStart, conversionPaths } }, { multi: false, upsert: false } as never)
  // The review gates' first outcomes (内容合格率) from the seeded decisions, as the hourly timer rebuilds
  // them for decisions it did not see, before the verdicts judge them.
  await ctx.timer?.('review', 'firstPassBackfill')
  // The two-week rule's verdicts for the plan's weeks so far, so 看板 opens with its alerts (the hourly timer would find them too).
  await ctx.timer?.('analytics', 'weeklyVerdicts')
  // Retrospectives (单条复盘) for the published items whose day 7 has passed, so 我的待办 opens with some to write.
  await ctx.timer?.('content', 'retrospectives')
  // Risk signals and review reminders from those alerts and the 日报 (the steering timer runs at :45).
  await ctx.timer?.('steering', 'steeringHourly')
}

/** How long ago the demo team's plan started. */
export const DEMO_PLAN_WEEKS = 5
