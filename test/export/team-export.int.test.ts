// team.exportTeamData through the local cloud: the demo team (data in nearly every collection, plus
// enough extra notifications to need several pages) next to two other teams; the file in storage
// must hold exactly the demo team's documents, collection by collection.
import { randomUUID } from 'node:crypto'
import cloudSdk = require('wx-server-sdk')
import type { TeamExport } from '../../core/team/export'
import seed, { DEMO_ADMIN, DEMO_PEOPLE } from '../../emulator/seed'
import { createTestCloud, type TestCloud } from '../support/cloud'
import { samples } from '../support/samples'
import { buildWorld, ok, type World } from '../support/world'
import { dayKey } from '../../core/time/china'
import { AUDIT, COLLECTION_NAMES, INVITES, ITEMS, MEMBERS, NOTIFICATIONS, TEAMS } from '../../cloudfunctions/common/db/collections'
import { EXCLUDED, EXPORTED } from '../../cloudfunctions/team/exportPlan'

let cloud: TestCloud
let world: World
let teamId: string
let liveCode: string
let expected: Record<string, string[]>
let answer: TeamExport
let lines: { header?: { teamId: string; counts: Record<string, number>; excluded: Record<string, string> }; collection?: string; doc?: Record<string, unknown> }[]
let text: string
const EXTRA_NOTIFICATIONS = 2345

const storage = cloudSdk as unknown as { downloadFile(o: { fileID: string }): Promise<{ fileContent: Buffer }> }

/** The ids the store holds for a team, per exported collection, read straight from the store. */
function storedIds(id: string): Record<string, string[]> {
  return Object.fromEntries(
    EXPORTED.map(({ collection, key }) => [collection, cloud.store.find(collection, { query: key === '_id' ? { _id: id } : { teamId: id } }).map((d) => String(d._id)).sort()]),
  )
}

beforeAll(async () => {
  cloud = await createTestCloud()
  await seed({ invoke: (fn, event, openid) => cloud.call(fn, openid, event as never), store: cloud.store, now: new Date(), timer: (fn, name) => cloud.timer(fn, name) })
  world = await buildWorld(cloud)
  teamId = String(cloud.store.find(MEMBERS, { query: { openid: DEMO_ADMIN.openid } })[0].teamId)
  // More than two pages of one collection, with ids interleaved among another team's.
  const note = (team: string, i: number) => ({ _id: `n_${String(i).padStart(5, '0')}_${team === teamId ? 'a' : 'b'}`, teamId: team, memberId: 'm', kind: 'review', itemId: 'i', title: '通知', body: '', read: false })
  cloud.store.insert(NOTIFICATIONS, Array.from({ length: EXTRA_NOTIFICATIONS }, (_, i) => note(teamId, i)))
  cloud.store.insert(NOTIFICATIONS, Array.from({ length: 300 }, (_, i) => note(world.teamA, i)))
  // The collections the demo leaves empty get a document each, through their functions.
  await ok(cloud, 'review', DEMO_ADMIN.openid, 'updateFlow', samples.review.updateFlow(world))
  await ok(cloud, 'analytics', DEMO_ADMIN.openid, 'setTarget', samples.analytics.setTarget(world))
  const published = cloud.store.find(ITEMS, { query: { teamId, status: 'published' }, sort: { publishedAt: -1 }, limit: 1 })[0]
  await ok(cloud, 'results', DEMO_PEOPLE[3].openid, 'importConfirm', { fileName: '数据中心导出.csv', rows: [{ itemId: published._id, date: dayKey(new Date()), metrics: { plays: 999_999, likes: 99_999 } }] })
  await ok(cloud, 'analytics', DEMO_ADMIN.openid, 'generateReport', { kind: 'daily', day: dayKey(new Date(Date.now() - 86_400_000)) })
  // A/B experiments: a push test running, with one day's counts.
  const x = await ok<{ id: string; version: number }>(cloud, 'research', DEMO_ADMIN.openid, 'createExperiment', (({ id: _id, version: _v, ...draft }) => draft)(samples.research.updateExperiment(world)))
  await ok(cloud, 'research', DEMO_ADMIN.openid, 'startExperiment', { id: x.id, version: x.version })
  await ok(cloud, 'research', DEMO_PEOPLE[3].openid, 'logVariantCounts', { ...samples.research.logVariantCounts(world), experimentId: x.id })
  // The team's phase plan, started from the defaults.
  await ok(cloud, 'steering', DEMO_ADMIN.openid, 'startPhasePlan', samples.steering.startPhasePlan(world))
  // The four meetings: one 选题会 with a decision (a task).
  const meeting = await ok<{ id: string }>(cloud, 'content', DEMO_ADMIN.openid, 'openMeeting', samples.content.openMeeting(world))
  const admin = await ok<{ member: { id: string } }>(cloud, 'team', DEMO_ADMIN.openid, 'me')
  await ok(cloud, 'content', DEMO_ADMIN.openid, 'saveDecision', { meetingId: meeting.id, text: '整理下周选题', ownerId: admin.member.id, dueDay: dayKey(new Date()) })
  liveCode = (await ok<{ code: string }>(cloud, 'team', DEMO_ADMIN.openid, 'createInvite', { role: 'field' })).code

  expected = storedIds(teamId)
  answer = await ok<TeamExport>(cloud, 'team', DEMO_ADMIN.openid, 'exportTeamData')
  text = (await storage.downloadFile({ fileID: answer.fileID })).fileContent.toString('utf8')
  lines = text.trimEnd().split('\n').map((l) => JSON.parse(l))
}, 120_000)
afterAll(() => cloud.close())

const docsOf = (collection: string) => lines.filter((l) => l.collection === collection).map((l) => l.doc!)

test('every collection of the registry is either exported or excluded with a reason', () => {
  expect([...EXPORTED.map((e) => e.collection), ...Object.keys(EXCLUDED)].sort()).toEqual([...COLLECTION_NAMES].sort())
})

test("the file's counts per collection equal the team's documents in the store, in the answer and the header alike", () => {
  const counts = Object.fromEntries(Object.entries(expected).map(([c, ids]) => [c, ids.length]))
  expect(answer.counts).toEqual(counts)
  expect(lines[0].header).toMatchObject({ teamId, counts })
  for (const { collection } of EXPORTED) expect(docsOf(collection)).toHaveLength(counts[collection])
  expect(lines).toHaveLength(1 + Object.values(counts).reduce((a, b) => a + b, 0))
  // Every collection holds some of the team's documents, and one needed three pages.
  expect(Object.entries(counts).filter(([, n]) => n === 0)).toEqual([])
  expect(counts[NOTIFICATIONS]).toBeGreaterThan(2 * 1000)
})

test('holds exactly the stored documents of the team, each once (invites compared apart, their live code is masked)', () => {
  for (const { collection } of EXPORTED) {
    if (collection === INVITES) continue
    expect(docsOf(collection).map((d) => String(d._id)).sort()).toEqual(expected[collection])
  }
  expect(docsOf(TEAMS)).toEqual([expect.objectContaining({ _id: teamId, name: '集团品牌中心·视频号运营组' })])
})

test("holds nothing of another team's", () => {
  for (const line of lines.slice(1)) expect(line.doc!.teamId).toBe(teamId)
  expect(text).not.toContain(world.teamA)
  expect(text).not.toContain(world.teamB)
  expect(text).not.toContain('测试团队甲')
})

test('leaves out openids and masks an invite code that could still be used', () => {
  for (const p of [DEMO_ADMIN, ...DEMO_PEOPLE]) expect(text).not.toContain(p.openid)
  expect(docsOf(MEMBERS).every((m) => !('openid' in m))).toBe(true)
  expect(text).not.toContain(liveCode)
  expect(docsOf(INVITES)).toContainEqual(expect.objectContaining({ _id: `${liveCode.slice(0, 2)}******`, codeMasked: true, status: 'open' }))
  expect(docsOf(INVITES).filter((i) => i.status === 'used')).toHaveLength(DEMO_PEOPLE.length)
})

test('writes dates as Extended JSON, so they stay dates', () => {
  expect(docsOf(TEAMS)[0].createdAt).toEqual({ $date: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) })
})

test('answers the size and a temporary address of the file, and names the collections in Chinese', () => {
  expect(answer.bytes).toBe(Buffer.byteLength(text))
  expect(answer.tempFileURL).toMatch(/^\/files\/exports\//)
  expect(answer.fileName).toMatch(/^团队数据_\d{8}-\d{6}\.jsonl$/)
  expect(answer.collections.find((c) => c.collection === NOTIFICATIONS)).toEqual({ collection: NOTIFICATIONS, label: '通知', count: expected[NOTIFICATIONS].length })
})

test('the audit log records the export, with its counts', () => {
  const entries = cloud.store.find(AUDIT, { query: { teamId, action: 'exportTeamData' } })
  expect(entries).toEqual([expect.objectContaining({ actorName: DEMO_ADMIN.name, summary: '导出团队数据', detail: expect.objectContaining({ fileID: answer.fileID, counts: answer.counts }) })])
})

test.each(DEMO_PEOPLE.map((p) => [p.name, p.role, p.openid]))('%s (%s) is refused with FORBIDDEN and nothing is recorded', async (_name, _role, openid) => {
  const res = await cloud.call('team', openid, { action: 'exportTeamData', data: {}, requestId: `export-${randomUUID()}` })
  expect(res).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '你的角色没有权限执行此操作' } })
  expect(cloud.store.find(AUDIT, { query: { teamId, action: 'exportTeamData' } })).toHaveLength(1)
})
