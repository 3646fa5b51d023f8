// Production histories for the demo team: every planned item is somewhere in its flow (every gate of
// the short-video flow occupied, some reviews overdue), the last weeks' published items carry full
// histories (cycle times around the 72 h baseline). Each history is played through the real approval
// machine (core/review) at simulated times and stored in the shape the review function writes.
import type { Format } from '../core/content/schemas'
import { defaultFlow } from '../core/review/flow'
import { initialState, transition, type Actor, type ProductionEvent, type ProductionState } from '../core/review/machine'
import { versionPreview } from '../core/review/preview'
import { ITEMS, NOTIFICATIONS, PRODUCTIONS, REVIEW_EVENTS, REVIEW_VERSIONS } from '../cloudfunctions/common/db/collections'
import type { ItemRecord } from '../cloudfunctions/common/db/content'
import { stateFields, type EventRecord, type NotificationRecord, type ProductionRecord, type VersionRecord } from '../cloudfunctions/common/db/review'
import type { Store } from './store'
import { prng } from './prng'

const HOUR = 3_600_000

interface Person {
  id: string
  roles: Actor['roles']
}

interface Target {
  gateIndex: number
  gateState: ProductionState['gateState']
  status: ProductionState['status']
  /** Hours between the last fact and now (a review waiting longer than its 24 h SLA is overdue). */
  lagHours: number
}

const TEXTS: Record<string, string> = {
  topic: '选题说明：用户痛点 + 一个反常识的开头',
  script: '脚本：开头 3 秒提问 → 演示 → 用户原话 → 行动号召',
  shooting: '原始素材已上传：门店 A 机位 + 产品特写',
  editing: '成片 58 秒，已加字幕和封面',
  final: '终版：标题、封面、话题标签、发布时间确认',
  rundown: '直播流程：暖场 5 分钟 → 讲解 → 抽奖 → 下单引导',
  rehearsal: '彩排录屏已上传，流程 52 分钟',
  draft: '图文初稿 6 张图 + 800 字',
}
const CHANGES = ['开头太平，前三秒要抓人', '字幕太小，手机上看不清', '产品卖点讲太多，用户痛点不够', '封面换成真人出镜的那张']

export function seedReview(store: Store, teamId: string, people: { owner: (id: string) => Person; reviewerFor: (ownerId: string) => Person }, now: Date): void {
  const rand = prng(4242)
  const items = store.find(ITEMS, { query: { teamId, status: { $in: ['planned', 'published'] } } }) as unknown as ItemRecord[]
  const planned = items.filter((i) => i.status === 'planned').sort((a, b) => +new Date(a.plannedAt!) - +new Date(b.plannedAt!))
  const recent = items.filter((i) => i.status === 'published' && +new Date(i.publishedAt!) > now.getTime() - 28 * 86400_000)
  const out: Out = { productions: [], events: [], versions: [], notices: [], cycles: [] }

  // Planned items, soonest first: the soonest are furthest along. Short videos cover every gate.
  const svTargets: Target[] = [
    { gateIndex: 4, gateState: 'in_review', status: 'scheduled', lagHours: 3 },
    { gateIndex: 4, gateState: 'in_review', status: 'in_production', lagHours: 30 },
    { gateIndex: 3, gateState: 'changes_requested', status: 'in_production', lagHours: 5 },
    { gateIndex: 2, gateState: 'in_review', status: 'in_production', lagHours: 40 },
    { gateIndex: 1, gateState: 'in_review', status: 'in_production', lagHours: 2 },
    { gateIndex: 1, gateState: 'drafting', status: 'in_production', lagHours: 6 },
    { gateIndex: 0, gateState: 'in_review', status: 'in_production', lagHours: 28 },
    { gateIndex: 0, gateState: 'in_review', status: 'in_production', lagHours: 1 },
  ]
  let sv = 0
  for (const item of planned) {
    const flow = defaultFlow(item.format)
    const target: Target =
      item.format === 'short_video' && sv < svTargets.length
        ? svTargets[sv++]
        : { gateIndex: Math.min(flow.length - 1, Math.floor(rand() * flow.length)), gateState: rand() < 0.5 ? 'in_review' : 'drafting', status: 'in_production', lagHours: 2 + Math.floor(rand() * 30) }
    play(out, item, item.format, target, people, rand, now)
  }
  for (const item of recent) {
    const flow = defaultFlow(item.format)
    const end = new Date(item.publishedAt!).getTime() - (4 + Math.floor(rand() * 20)) * HOUR
    play(out, item, item.format, { gateIndex: flow.length - 1, gateState: 'in_review', status: 'published', lagHours: (now.getTime() - end) / HOUR }, people, rand, now)
  }
  store.insert(PRODUCTIONS, out.productions as unknown as Record<string, unknown>[])
  store.insert(REVIEW_EVENTS, out.events as unknown as Record<string, unknown>[])
  store.insert(REVIEW_VERSIONS, out.versions as unknown as Record<string, unknown>[])
  if (out.notices.length) store.insert(NOTIFICATIONS, out.notices as unknown as Record<string, unknown>[])
  for (const p of out.productions.filter((x) => x.status === 'scheduled')) {
    store.update(ITEMS, { _id: p._id, teamId }, { $set: { status: 'scheduled' } }, { multi: false, upsert: false } as never)
  }
  // As the review function does at the final gate: the cycle time goes onto the item (published items
  // older than these histories went out without a production and carry none).
  for (const c of out.cycles) {
    store.update(ITEMS, { _id: c.itemId, teamId }, { $set: { finalApprovedAt: c.finalApprovedAt, cycleSeconds: c.cycleSeconds } }, { multi: false, upsert: false } as never)
  }
}

type Out = {
  productions: ProductionRecord[]
  events: EventRecord[]
  versions: VersionRecord[]
  notices: NotificationRecord[]
  cycles: { itemId: string; finalApprovedAt: Date; cycleSeconds: number }[]
}

/** Plays one item's history through the machine at relative hours, then shifts it so it ends `lagHours` before now. */
function play(out: Out, item: ItemRecord, format: Format, target: Target, people: Parameters<typeof seedReview>[2], rand: () => number, now: Date): void {
  const author = people.owner(item.ownerId)
  const reviewer = people.reviewerFor(item.ownerId)
  let s = initialState(defaultFlow(format), item.ownerId)
  let h = 0
  const facts: { type: EventRecord['type']; h: number; by: string; gate: number; versionNo: number | null; comment: string; passed: boolean }[] = [
    { type: 'started', h: 0, by: author.id, gate: 0, versionNo: null, comment: '', passed: false },
  ]
  const versions: { no: number; gate: number; h: number }[] = []
  let reviewSince = 0
  const step = (event: ProductionEvent, actor: Person) => {
    const r = transition(s, event, { memberId: actor.id, roles: actor.roles })
    if (!r.ok) throw new Error(`seed-review: ${r.reason}`)
    const prev = s
    s = r.state
    const comment = event.type === 'requestChanges' ? event.comment : event.type === 'approve' ? '可以，进入下一步' : ''
    const passed = event.type === 'approve' && (s.gateIndex !== prev.gateIndex || s.status !== prev.status)
    const type = event.type === 'submit' ? 'submitted' : event.type === 'approve' ? 'approved' : event.type === 'requestChanges' ? 'changes_requested' : 'published'
    facts.push({ type, h, by: actor.id, gate: prev.gateIndex, versionNo: s.versionNo, comment, passed })
    if (event.type === 'submit') {
      versions.push({ no: s.versionNo, gate: prev.gateIndex, h })
      reviewSince = h
    }
  }
  const finishes = target.status !== 'in_production'
  // Drafting at gate g means gate g-1 was the last one approved.
  const stopGate = finishes ? s.flow.length - 1 : target.gateState === 'drafting' ? target.gateIndex - 1 : target.gateIndex
  for (let g = 0; g <= stopGate; g++) {
    h += 2 + rand() * (g === 0 ? 4 : 10) // working on the gate
    step({ type: 'submit' }, author)
    const atTarget = !finishes && target.gateState !== 'drafting' && g === target.gateIndex
    if (atTarget && target.gateState === 'in_review') break
    if (rand() < 0.3 || (atTarget && target.gateState === 'changes_requested')) {
      h += 3 + rand() * 12 // waiting for review
      step({ type: 'requestChanges', comment: CHANGES[Math.floor(rand() * CHANGES.length)] }, reviewer)
      if (atTarget) break
      h += 2 + rand() * 6
      step({ type: 'submit' }, author)
    }
    h += 3 + rand() * 10 // waiting for review
    step({ type: 'approve' }, reviewer)
  }
  const end = now.getTime() - target.lagHours * HOUR
  const at = (rel: number) => new Date(end - (h - rel) * HOUR)
  const base = { teamId: item.teamId, itemId: item._id, updatedAt: now, version: 0 }
  facts.forEach((f, i) =>
    out.events.push({
      ...base,
      _id: `demo_ev_${item._id}_${i}`,
      type: f.type,
      gateIndex: f.gate,
      gateKey: s.flow[f.gate].key,
      gateName: s.flow[f.gate].name,
      versionNo: f.type === 'started' ? null : f.versionNo,
      comment: f.comment,
      passed: f.passed,
      at: at(f.h),
      createdAt: at(f.h),
      createdBy: f.by,
    }),
  )
  for (const v of versions) {
    const g = s.flow[v.gate]
    out.versions.push({ ...base, _id: `demo_ver_${item._id}_${v.no}`, no: v.no, gateIndex: v.gate, gateKey: g.key, gateName: g.name, text: TEXTS[g.key] ?? g.name, links: [], fileIds: [], note: v.no > 1 ? '按意见改好了' : '', createdAt: at(v.h), createdBy: author.id })
  }
  const latest = out.versions.find((v) => v.itemId === item._id && v.no === s.versionNo)
  const finalAt = s.status === 'scheduled' ? at(h) : null
  const topicAt = facts.find((f) => f.type === 'approved' && f.gate === 0 && f.passed)
  if (finalAt && topicAt) out.cycles.push({ itemId: item._id, finalApprovedAt: finalAt, cycleSeconds: Math.round((h - topicAt.h) * 3600) })
  if (target.status === 'published') {
    s = { ...s, status: 'published' }
    out.events.push({ ...base, _id: `demo_ev_${item._id}_pub`, type: 'published', gateIndex: s.gateIndex, gateKey: s.flow[s.gateIndex].key, gateName: s.flow[s.gateIndex].name, versionNo: s.versionNo, comment: item.postUrl ?? '', passed: false, at: new Date(item.publishedAt!), createdAt: new Date(item.publishedAt!), createdBy: author.id })
  }
  const inReview = s.status === 'in_production' && s.gateState === 'in_review'
  out.productions.push({
    ...base,
    _id: item._id,
    format,
    ...stateFields(s),
    startedAt: at(0),
    reviewSince: inReview ? at(reviewSince) : null,
    finalApprovedAt: finalAt,
    publishedAt: target.status === 'published' ? new Date(item.publishedAt!) : null,
    preview: latest ? versionPreview(latest) : null,
    createdAt: at(0),
    createdBy: author.id,
  })
  if (inReview) {
    const g = s.flow[s.gateIndex]
    out.notices.push({ ...base, _id: `demo_note_${item._id}`, memberId: reviewer.id, kind: 'review_requested', title: `待审核：${item.title}`, body: `提交了「${g.name}」第 ${s.versionNo} 版，请在 ${g.slaHours} 小时内审核`, read: false, createdAt: at(reviewSince), createdBy: author.id })
  }
}
