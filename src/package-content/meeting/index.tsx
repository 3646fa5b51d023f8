import '../inputs'
import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { manifest } from '../../../core/api/manifest'
import { KPI_DEFS } from '../../../core/analytics/kpiDefs'
import { MEETING_STATUS_LABELS, type DecisionView, type MeetingView } from '../../../core/content/meetings'
import { firstOpenDay } from '../../../core/content/slots'
import { mayCloseTask } from '../../../core/content/tasks'
import { allows } from '../../../core/roles'
import { api } from '../../api'
import { CaseList } from '../../components/CaseList'
import { TextAreaField } from '../../components/fields'
import { ErrorState, LoadingState } from '../../components/PageState'
import { useApiQuery } from '../../hooks/useApiQuery'
import { usePullRefresh } from '../../hooks/usePullRefresh'
import { ROUTES, withQuery } from '../../routes'
import { useMe } from '../../state/me'
import { dayTitle, today as todayKey } from '../../utils/content'
import { errorMessage, fieldErrorMap, toastError, toastSuccess } from '../../utils/feedback'
import { AgendaSheet } from './AgendaSheet'
import { DecisionSheet, type DecisionDraft } from './DecisionSheet'
import { IdeasSheet } from './IdeasSheet'
import { AgendaList, CarriedList, DecisionList, MemberChips, Section, SummaryBlock } from './parts'
import { ReviewPlan } from './ReviewPlan'
import { usePickData } from './usePickData'
import './index.scss'

type Sheet = 'agenda' | 'ideas' | 'decision' | null

/** One meeting: carried-over decisions first, then attendees, agenda, notes and decisions; ended, its summary. */
export default function MeetingPage() {
  const id = useRouter().params.id ?? ''
  const { me } = useMe()
  const roles = me?.member?.roles
  const meeting = useApiQuery<MeetingView>(() => api.content.getMeeting({ id }), [id])
  // A 选题会 looks at what past items taught, beside the topic library: the newest cases.
  const isTopic = meeting.data?.kind === 'topic'
  const cases = useApiQuery(() => api.content.listCases({ limit: 3 }), [isTopic], { enabled: isTopic })
  const members = useApiQuery(() => api.team.listMembers({}), [])
  usePullRefresh(meeting.refresh)
  const [sheet, setSheet] = useState<Sheet>(null)
  const [editing, setEditing] = useState<DecisionView | undefined>()
  const [saving, setSaving] = useState(false)
  const [busyTask, setBusyTask] = useState<string | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [notes, setNotes] = useState<string | null>(null)
  const pick = usePickData(sheet === 'agenda' || sheet === 'ideas')
  const today = todayKey()

  const m = meeting.data
  if (!m) {
    return <View className='page meeting-page'>{meeting.error ? <ErrorState message={errorMessage(meeting.error)} onRetry={() => void meeting.refresh()} /> : <LoadingState rows={6} />}</View>
  }
  const canEdit = m.status === 'open' && allows(manifest.content.updateMeeting.access, roles)
  const people = (members.data ?? []).map((x) => ({ id: x.id, name: x.name }))
  const actor = { memberId: me?.member?.id ?? '', roles: roles ?? [] }

  /** Runs a write that answers with the meeting; field errors stay in the open sheet. */
  const write = async (run: () => Promise<MeetingView>, done?: string) => {
    if (saving) return false
    setSaving(true)
    setErrors({})
    try {
      meeting.replace(await run())
      if (done) toastSuccess(done)
      return true
    } catch (e) {
      const fields = fieldErrorMap(e)
      setErrors(fields)
      if (!Object.keys(fields).length) toastError(e)
      return false
    } finally {
      setSaving(false)
    }
  }
  const close = () => {
    setSheet(null)
    setErrors({})
  }

  const toggleAttendee = (memberId: string) => {
    const ids = m.attendees.map((a) => a.id)
    const next = ids.includes(memberId) ? ids.filter((x) => x !== memberId) : [...ids, memberId]
    void write(() => api.content.updateMeeting({ id: m.id, version: m.version, attendeeIds: next }))
  }
  const saveDecision = async (d: DecisionDraft) => {
    if (await write(() => api.content.saveDecision({ meetingId: m.id, ...d }), '决议已进入负责人待办')) close()
  }
  const completeCarried = async (taskId: string) => {
    setBusyTask(taskId)
    try {
      await api.content.completeTask({ id: taskId })
      await meeting.refresh()
    } catch (e) {
      toastError(e)
    } finally {
      setBusyTask(null)
    }
  }
  const targetLink = (d: DecisionView) =>
    d.kpi ? (
      <Text className='decision-target-link' onClick={(e) => { e.stopPropagation(); void Taro.navigateTo({ url: withQuery(ROUTES.targets, { kpi: d.kpi }) }) }}>
        {`去修改「${KPI_DEFS[d.kpi].label}」目标 ›`}
      </Text>
    ) : null

  return (
    <View className='page meeting-page'>
      <View className='meeting-head'>
        <Text className='meeting-head__title'>{`${m.kindLabel} · ${dayTitle(m.day)}`}</Text>
        <Text className={`meeting-head__status meeting-head__status--${m.status}`}>{MEETING_STATUS_LABELS[m.status]}</Text>
      </View>
      <CarriedList carried={m.carried} canClose={(ownerId) => mayCloseTask(actor, ownerId)} busy={busyTask} onDone={(t) => void completeCarried(t)} />
      {m.summary ? <SummaryBlock summary={m.summary} /> : null}
      <Section title={`参会人（${m.attendees.length}）`} className='meeting-attendees'>
        <MemberChips className='attendee-chips' members={canEdit ? people : m.attendees} chosen={m.attendees.map((a) => a.id)} onToggle={canEdit ? toggleAttendee : undefined} />
      </Section>
      <Section
        title={`议程（${m.agenda.length}）`}
        className='meeting-agenda'
        extra={canEdit ? <Text className='section-action agenda-add' onClick={() => setSheet('agenda')}>添加</Text> : undefined}
      >
        <AgendaList agenda={m.agenda} onOpen={(itemId) => void Taro.navigateTo({ url: withQuery(ROUTES.itemDetail, { id: itemId }) })} />
        {canEdit && m.kind === 'topic' ? (
          <Button className='schedule-ideas' block type='primary' fill='outline' onClick={() => setSheet('ideas')}>
            从选题库排期
          </Button>
        ) : null}
      </Section>
      {m.kind === 'topic' ? (
        <Section
          title='案例库'
          className='meeting-cases'
          extra={<Text className='section-action cases-all' onClick={() => void Taro.navigateTo({ url: ROUTES.cases })}>全部案例 ›</Text>}
        >
          {cases.data?.items.length ? (
            <CaseList compact cases={cases.data.items} onOpen={(caseId) => void Taro.navigateTo({ url: withQuery(ROUTES.retrospective, { id: caseId }) })} />
          ) : (
            <Text className='meeting-cases__empty'>{cases.error ? errorMessage(cases.error) : cases.data ? '还没有写好的单条复盘' : '加载中…'}</Text>
          )}
        </Section>
      ) : null}
      {m.kind === 'review' ? (
        <ReviewPlan
          plan={m.reviewPlan}
          meetingMonth={m.day.slice(0, 7)}
          editable={canEdit}
          saving={saving}
          errors={errors}
          onSave={(p) => void write(() => api.content.setReviewPlan({ meetingId: m.id, ...p }), '已保存，下月主题已写入日历')}
        />
      ) : null}
      {m.status === 'open' ? (
        <Section title='会议记录' className='meeting-notes'>
          {canEdit ? (
            <>
              <TextAreaField className='field-notes' value={notes ?? m.notes} onChange={setNotes} placeholder='讨论了什么' error={errors.notes} />
              {notes !== null && notes !== m.notes ? (
                <Button className='notes-save' size='small' type='primary' loading={saving} onClick={() => void write(() => api.content.updateMeeting({ id: m.id, version: m.version, notes }), '记录已保存').then((ok) => ok && setNotes(null))}>
                  保存记录
                </Button>
              ) : null}
            </>
          ) : (
            <Text className='summary-notes'>{m.notes || '（无）'}</Text>
          )}
        </Section>
      ) : null}
      <Section
        title={`决议（${m.decisions.length}）`}
        className='meeting-decisions'
        extra={canEdit ? <Text className='section-action decision-add' onClick={() => { setEditing(undefined); setSheet('decision') }}>添加</Text> : undefined}
      >
        <DecisionList decisions={m.decisions} onEdit={canEdit ? (d) => { setEditing(d); setSheet('decision') } : undefined} targetLink={targetLink} />
      </Section>
      {canEdit ? (
        <Button className='meeting-end' block type='primary' loading={saving} onClick={() => void write(() => api.content.endMeeting({ id: m.id, version: m.version }), '会议已结束')}>
          结束会议，生成纪要
        </Button>
      ) : null}

      <AgendaSheet
        visible={sheet === 'agenda'}
        choices={pick.choices}
        chosen={m.agenda.map((a) => a.itemId)}
        saving={saving}
        onConfirm={(ids) => void write(() => api.content.updateMeeting({ id: m.id, version: m.version, agendaItemIds: ids })).then((ok) => ok && close())}
        onClose={close}
      />
      <IdeasSheet
        visible={sheet === 'ideas'}
        ideas={pick.ideas}
        busyDays={pick.busyDays}
        firstDay={firstOpenDay(new Date())}
        saving={saving}
        error={Object.values(errors)[0]}
        onConfirm={(ideas) =>
          void write(() => api.content.scheduleIdeas({ meetingId: m.id, ideas }), `已排入日历 ${ideas.length} 个选题`).then((ok) => {
            if (ok) {
              close()
              void pick.refresh()
            }
          })
        }
        onClose={close}
      />
      <DecisionSheet
        visible={sheet === 'decision'}
        editing={editing}
        members={people}
        today={today}
        withTarget={m.kind === 'review'}
        saving={saving}
        errors={errors}
        onSave={(d) => void saveDecision(d)}
        onRemove={(decisionId) => void write(() => api.content.removeDecision({ meetingId: m.id, decisionId }), '已删除').then((ok) => ok && close())}
        onClose={close}
      />
    </View>
  )
}
