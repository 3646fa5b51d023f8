// The meeting page's read-mostly blocks: carried-over decisions, attendees, agenda, decisions, summary.
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { AgendaEntry, CarriedDecision, DecisionView, MeetingSummary } from '../../../core/content/meetings'
import { STATUS_LABELS } from '../../../core/content/labels'
import { addDays, type DayKey } from '../../../core/time/china'
import { dayTitle, monthDay } from '../../utils/content'

export function Section(props: { title: string; extra?: React.ReactNode; className?: string; children?: React.ReactNode }) {
  return (
    <View className={`meeting-section ${props.className ?? ''}`}>
      <View className='meeting-section__head'>
        <Text className='meeting-section__title'>{props.title}</Text>
        {props.extra}
      </View>
      {props.children}
    </View>
  )
}

function Due(props: { dueDay: DayKey; overdue: boolean; done: boolean }) {
  if (props.done) return <Text className='due due--done'>已完成</Text>
  return (
    <Text className={`due ${props.overdue ? 'due--overdue' : ''}`}>
      {props.overdue ? `已逾期 · ${monthDay(props.dueDay)}` : `截止 ${monthDay(props.dueDay)}`}
    </Text>
  )
}

/** The open decisions of earlier meetings of the kind, at the top: done ones struck, the rest closable in one tap. */
export function CarriedList(props: { carried: CarriedDecision[]; canClose: (ownerId: string) => boolean; busy: string | null; onDone: (taskId: string) => void }) {
  if (!props.carried.length) return null
  return (
    <Section title='上次遗留的决议' className='meeting-carried'>
      {props.carried.map((c) => (
        <View key={c.taskId} className={`decision-row carried-row ${c.status === 'done' ? 'decision-row--done' : ''}`}>
          <View className='decision-row__main'>
            <Text className='decision-row__text'>{c.title}</Text>
            <View className='decision-row__meta'>
              <Text>{c.ownerName}</Text>
              <Due dueDay={c.dueDay} overdue={c.overdue} done={c.status === 'done'} />
              <Text>{`${monthDay(c.meetingDay)}会议`}</Text>
            </View>
          </View>
          {c.status === 'open' && props.canClose(c.ownerId) ? (
            <Button className='carried-done' size='small' fill='outline' type='primary' loading={props.busy === c.taskId} onClick={() => props.onDone(c.taskId)}>
              完成
            </Button>
          ) : null}
        </View>
      ))}
    </Section>
  )
}

/** Members as toggle chips: the chosen ones highlighted; read-only when `onToggle` is absent. */
export function MemberChips(props: { members: { id: string; name: string }[]; chosen: string[]; onToggle?: (id: string) => void; className: string }) {
  return (
    <View className={`member-chips ${props.className}`}>
      {props.members.map((m) => (
        <Text
          key={m.id}
          className={`member-chip member-chip--${m.id} ${props.chosen.includes(m.id) ? 'member-chip--on' : ''}`}
          onClick={() => props.onToggle?.(m.id)}
        >
          {m.name}
        </Text>
      ))}
    </View>
  )
}

export function AgendaList(props: { agenda: AgendaEntry[]; onOpen: (itemId: string) => void }) {
  if (!props.agenda.length) return <Text className='meeting-empty'>还没有议程：从日历或选题库添加要讨论的内容。</Text>
  return (
    <View className='agenda-list'>
      {props.agenda.map((a) => (
        <View key={a.itemId} className='agenda-row' onClick={() => props.onOpen(a.itemId)}>
          <Text className='agenda-row__title'>{a.title}</Text>
          <Text className={`agenda-row__status agenda-row__status--${a.status ?? 'gone'}`}>
            {a.status ? `${STATUS_LABELS[a.status]}${a.day ? ` · ${monthDay(a.day)}` : ''}` : '已删除'}
          </Text>
        </View>
      ))}
    </View>
  )
}

export function DecisionList(props: { decisions: DecisionView[]; onEdit?: (d: DecisionView) => void; targetLink: (d: DecisionView) => React.ReactNode }) {
  if (!props.decisions.length) return <Text className='meeting-empty'>还没有决议：每条决议有负责人和截止日期，会进入负责人的待办。</Text>
  return (
    <View className='decision-list'>
      {props.decisions.map((d) => (
        <View key={d.id} className={`decision-row ${d.taskStatus === 'done' ? 'decision-row--done' : ''}`} onClick={() => props.onEdit?.(d)}>
          <View className='decision-row__main'>
            <Text className='decision-row__text'>{d.text}</Text>
            <View className='decision-row__meta'>
              <Text>{d.ownerName}</Text>
              <Due dueDay={d.dueDay} overdue={d.overdue} done={d.taskStatus === 'done'} />
              {props.targetLink(d)}
            </View>
          </View>
        </View>
      ))}
    </View>
  )
}

export function SummaryBlock(props: { summary: MeetingSummary }) {
  const s = props.summary
  return (
    <Section title='会议纪要' className='meeting-summary'>
      <Text className='summary-label'>记录</Text>
      <Text className='summary-notes'>{s.notes || '（无）'}</Text>
      <Text className='summary-label'>{`新决议（${s.decisions.length}）`}</Text>
      {s.decisions.map((d, i) => (
        <Text key={i} className='summary-line'>{`· ${d.text} — ${d.ownerName}，${monthDay(d.dueDay)}前`}</Text>
      ))}
      <Text className='summary-label'>{`上次遗留已完成（${s.done.length}）`}</Text>
      {s.done.map((d, i) => (
        <Text key={i} className='summary-line summary-line--done'>{`✓ ${d.title} — ${d.ownerName}`}</Text>
      ))}
      {s.stillOpen.length ? <Text className='summary-label'>{`仍未完成（${s.stillOpen.length}）`}</Text> : null}
      {s.stillOpen.map((d, i) => (
        <Text key={i} className='summary-line'>{`· ${d.title} — ${d.ownerName}，${monthDay(d.dueDay)}前`}</Text>
      ))}
    </Section>
  )
}

/** A day moved one at a time: enough for due dates and publish days a few days out, no wheel needed. */
export function DayStepper(props: { day: DayKey; min: DayKey; onChange: (day: DayKey) => void; className?: string }) {
  return (
    <View className={`day-stepper ${props.className ?? ''}`}>
      <Text className={`day-stepper__btn day-stepper__prev ${props.day <= props.min ? 'day-stepper__btn--off' : ''}`} onClick={() => props.day > props.min && props.onChange(addDays(props.day, -1))}>
        ‹
      </Text>
      <Text className='day-stepper__day'>{dayTitle(props.day)}</Text>
      <Text className='day-stepper__btn day-stepper__next' onClick={() => props.onChange(addDays(props.day, 1))}>
        ›
      </Text>
    </View>
  )
}
