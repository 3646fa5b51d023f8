// A small world for tests that go through the local cloud: team A with one member of each role,
// team B with its own admin, and an outsider with no team. Built through the real functions.
import type { Role } from '../../core/roles'
import type { MemberView } from '../../core/team/schemas'
import { createTestCloud, type TestCloud } from './cloud'
import { ITEMS, RETROSPECTIVES } from '../../cloudfunctions/common/db/collections'
import { newItemRecord } from '../../cloudfunctions/common/db/content'
import { dayKey } from '../../core/time/china'

export type CallerKind = Role | 'outsider' | 'otherTeam' | 'anonymous'
export const CALLER_KINDS: CallerKind[] = ['admin', 'manager', 'operator', 'field', 'outsider', 'otherTeam', 'anonymous']

export interface World {
  cloud: TestCloud
  openid: Record<Exclude<CallerKind, 'anonymous'>, string> & { owner: string }
  /** Member ids in team A by role (single-role members), plus the owner who created it. */
  memberId: Record<Role | 'owner', string>
  memberVersion: Record<Role | 'owner', number>
  teamA: string
  teamB: string
  /** An open invite of team A. */
  inviteCode: string
  /** A planned content item of team A, owned by the operator, and an idea. */
  itemId: string
  itemVersion: number
  ideaId: string
  /** An image-text item of team A (owned by the team creator) in review at its topic gate, which admin, manager and operator may review. */
  reviewItemId: string
  reviewVersion: number
  /** A short video published two days ago and a livestream held yesterday (results need published items). */
  publishedItemId: string
  publishedTitle: string
  liveItemId: string
  /** The published video's retrospective (单条复盘), due and owned by the operator, as the content timer creates it. */
  retrospectiveId: string
  /** An open 选题会 of team A attended by the field member, with one decision whose task (待办) the field member owns. */
  meetingId: string
  meetingVersion: number
  decisionId: string
  taskId: string
}

let n = 0
const rid = () => `test-${Date.now().toString(36)}-${(n++).toString(36)}`

export async function ok<T = unknown>(cloud: TestCloud, fn: string, openid: string, action: string, data: unknown = {}): Promise<T> {
  const res = await cloud.call(fn, openid, { action, data, requestId: rid() })
  if (!res.ok) throw new Error(`${fn}.${action} failed: ${res.error.code} ${res.error.message}`)
  return res.data as T
}

export async function buildWorld(cloud: TestCloud, tag = rid()): Promise<World> {
  const id = (k: string) => `t_${k}_${tag}`.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 60)
  const openid = {
    owner: id('owner'),
    admin: id('admin'),
    manager: id('manager'),
    operator: id('operator'),
    field: id('field'),
    outsider: id('outsider'),
    otherTeam: id('other'),
  }
  const me = await ok<{ team: { id: string }; member: { id: string } }>(cloud, 'team', openid.owner, 'createTeam', {
    name: '测试团队甲',
    memberName: '团队创建人',
    department: 'marketing',
  })
  const roles: Role[] = ['admin', 'manager', 'operator', 'field']
  for (const role of roles) {
    const inv = await ok<{ code: string }>(cloud, 'team', openid.owner, 'createInvite', { role })
    await ok(cloud, 'team', openid[role], 'joinTeam', { code: inv.code, name: `成员${role}`, department: 'sales' })
  }
  const other = await ok<{ team: { id: string } }>(cloud, 'team', openid.otherTeam, 'createTeam', {
    name: '测试团队乙',
    memberName: '乙队管理员',
    department: 'tech',
  })
  const members = await ok<MemberView[]>(cloud, 'team', openid.owner, 'listMembers')
  const byName = (name: string) => members.find((m) => m.name === name)!
  const memberId = { owner: me.member.id } as World['memberId']
  const memberVersion = { owner: 0 } as World['memberVersion']
  for (const role of roles) {
    memberId[role] = byName(`成员${role}`).id
    memberVersion[role] = byName(`成员${role}`).version
  }
  const invite = await ok<{ code: string }>(cloud, 'team', openid.owner, 'createInvite', { role: 'operator' })
  const base = { format: 'short_video', layer: 'value', category: 'pain_point', ownerId: memberId.operator }
  const item = await ok<{ id: string; version: number }>(cloud, 'content', openid.owner, 'createItem', {
    ...base,
    title: '门店店长的一天',
    plannedAt: new Date(Date.now() + 2 * 86400_000).toISOString(),
  })
  const idea = await ok<{ id: string }>(cloud, 'content', openid.owner, 'createItem', { ...base, title: '用户最常问的三个问题', source: 'sales' })
  const published = publishedItems(cloud, me.team.id, memberId.operator, tag)
  const review = await reviewItem(cloud, openid.owner, me.member.id)
  const meeting = await topicMeeting(cloud, openid.owner, memberId.field)
  return {
    cloud,
    openid,
    memberId,
    memberVersion,
    teamA: me.team.id,
    teamB: other.team.id,
    inviteCode: invite.code,
    itemId: item.id,
    itemVersion: item.version,
    ideaId: idea.id,
    ...review,
    ...published,
    ...meeting,
  }
}

/**
 * A local cloud for the file and a fresh world before each test; the cloud closed after the file.
 * `use` takes them (and may add to the world) before the test runs.
 *
 * @example
 * let cloud: TestCloud, w: World
 * worldEachTest((c, world) => { cloud = c; w = world })
 */
export function worldEachTest(use: (cloud: TestCloud, w: World) => void | Promise<void>): void {
  let cloud: TestCloud | undefined
  beforeAll(async () => {
    cloud = await createTestCloud()
  })
  beforeEach(async () => {
    await use(cloud!, await buildWorld(cloud!))
  })
  afterAll(() => cloud?.close())
}

/** A local cloud and one world for the file (or the enclosing describe), built before its first test; the cloud closed after its last. */
export function worldOnce(use: (cloud: TestCloud, w: World) => void | Promise<void>): void {
  let cloud: TestCloud | undefined
  beforeAll(async () => {
    cloud = await createTestCloud()
    await use(cloud, await buildWorld(cloud))
  })
  afterAll(() => cloud?.close())
}

/** A 选题会 with the field member attending and owning its one decision's task. */
async function topicMeeting(cloud: TestCloud, owner: string, fieldId: string) {
  const m = await ok<{ id: string; version: number; attendees: { id: string }[] }>(cloud, 'content', owner, 'openMeeting', { kind: 'topic', day: dayKey(new Date()) })
  await ok(cloud, 'content', owner, 'updateMeeting', { id: m.id, version: m.version, attendeeIds: [...m.attendees.map((a) => a.id), fieldId] })
  const withDecision = await ok<{ version: number; decisions: { id: string }[] }>(cloud, 'content', owner, 'saveDecision', {
    meetingId: m.id,
    text: '门店实拍素材收集',
    ownerId: fieldId,
    dueDay: dayKey(new Date(Date.now() + 3 * 86400_000)),
  })
  const decisionId = withDecision.decisions[0].id
  return { meetingId: m.id, meetingVersion: withDecision.version, decisionId, taskId: `${m.id}_${decisionId}` }
}

/** Past items cannot come through createItem (it refuses past times): written as the content function would. */
function publishedItems(cloud: TestCloud, teamId: string, ownerId: string, tag: string) {
  const make = (kind: string, title: string, format: 'short_video' | 'livestream', daysAgo: number) => {
    const at = new Date(Date.now() - daysAgo * 86400_000)
    const item = newItemRecord({ _id: `pub_${kind}_${tag}`.slice(0, 64), teamId, title, format, layer: 'intro', category: 'brand', ownerId, plannedAt: at, createdBy: ownerId, now: at })
    return { ...item, status: 'published', publishedAt: at, day: dayKey(at) }
  }
  const post = make('post', `澄净 X3 开箱 ${tag}`, 'short_video', 2)
  const live = make('live', `直播：冬季焕新 ${tag}`, 'livestream', 1)
  cloud.store.insert(ITEMS, [post, live] as unknown as Record<string, unknown>[])
  const retro = {
    _id: `retro_${post._id}`, teamId, createdAt: post.publishedAt, updatedAt: post.publishedAt, createdBy: 'system', version: 0,
    itemId: post._id, ownerId, title: post.title, layer: post.layer, category: post.category, format: post.format, publishedDay: post.day,
    day7: { asOf: null, plays: 0, completions: null, interactions: null, newFollowers: null, inquiries: null },
    status: 'due', taskId: null, worked: '', change: '', tags: [], outcome: null, comparison: null, averageNote: null, writtenAt: null, writtenById: null, writtenByName: null,
  }
  cloud.store.insert(RETROSPECTIVES, [retro] as unknown as Record<string, unknown>[])
  return { publishedItemId: post._id, publishedTitle: post.title, liveItemId: live._id, retrospectiveId: retro._id }
}

/** One item in review: the image-text topic gate opened to every planner role, so the matrix can approve it as each. */
async function reviewItem(cloud: TestCloud, owner: string, ownerId: string) {
  const reviewers = { roles: ['admin', 'manager', 'operator'], memberIds: [] }
  const gates = [{ key: 'topic', name: '选题', reviewers, mode: 'any', slaHours: 24 }, { key: 'final', name: '终审', reviewers, mode: 'any', slaHours: 24 }]
  await ok(cloud, 'review', owner, 'updateFlow', { format: 'image_text', gates, version: 0 })
  const item = await ok<{ id: string }>(cloud, 'content', owner, 'createItem', {
    title: '图文：滤芯更换指南',
    format: 'image_text',
    layer: 'value',
    category: 'pain_point',
    ownerId,
    plannedAt: new Date(Date.now() + 3 * 86400_000).toISOString(),
  })
  await ok(cloud, 'review', owner, 'startProduction', { itemId: item.id })
  const p = await ok<{ version: number }>(cloud, 'review', owner, 'submitVersion', { itemId: item.id, version: 0, text: '选题：滤芯多久换一次' })
  return { reviewItemId: item.id, reviewVersion: p.version }
}
