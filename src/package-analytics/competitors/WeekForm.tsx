import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { CompetitorView, CompetitorWeekView, LoggedWeekView } from '../../../core/research/competitors'
import { readCount } from '../../../core/research/numbers'
import { shiftWeek, weekShort } from '../../../core/time/weeks'
import { formatCount } from '../../../core/format'
import { api } from '../../api'
import { newRequestId } from '../../api/client'
import { DayChips, NumberField } from '../../components/ResultsFields'
import { useFormAction } from '../../hooks/useFormAction'
import { toastSuccess } from '../../utils/feedback'

type Field = 'followers' | 'posts' | 'bestLikes'
const FIELDS: { key: Field; label: string; unit: string }[] = [
  { key: 'followers', label: '粉丝数', unit: '人' },
  { key: 'posts', label: '当周发布数', unit: '条' },
  { key: 'bestLikes', label: '最佳作品点赞', unit: '赞' },
]

/** The chips' words for the weeks offered (newest first: the running one, then completed ones). */
const WEEK_WORDS = ['本周', '上周', '2 周前', '3 周前']

/** The logged week just before `week` among the latest two: what the form shows as 上周 (or by its number). */
export function previousOf(recent: readonly CompetitorWeekView[], week: string): { word: string; entry: CompetitorWeekView } | null {
  const entry = recent.find((r) => r.week < week)
  if (!entry) return null
  return { word: entry.week === shiftWeek(week, -1) ? '上周' : weekShort(entry.week), entry }
}

/**
 * One account's week in three numbers, fast from a phone: the week defaults to the last completed one,
 * the week before's values stand beside each field, and a week logged again replaces the value in force.
 * One requestId per entry, kept across retries, so a retried save never writes twice.
 */
export function WeekForm(props: { competitor: CompetitorView; weeks: { week: string; label: string }[]; defaultWeek: string; onSaved: (w: LoggedWeekView) => void; onCancel: () => void }) {
  const [week, setWeek] = useState(props.defaultWeek)
  const [texts, setTexts] = useState<Record<Field, string>>({ followers: '', posts: '', bestLikes: '' })
  const requestId = useRef(newRequestId())
  const form = useFormAction(
    () =>
      api.research.logCompetitorWeek(
        { competitorId: props.competitor.id, week, followers: readCount(texts.followers)!, posts: readCount(texts.posts)!, bestLikes: readCount(texts.bestLikes)! },
        { requestId: requestId.current },
      ),
    (saved) => {
      toastSuccess(`已记录${weekShort(saved.week)}`)
      requestId.current = newRequestId()
      props.onSaved(saved)
    },
  )
  const previous = previousOf(props.competitor.recent, week)
  const already = props.competitor.recent.find((r) => r.week === week)
  const options = props.weeks.slice(0, WEEK_WORDS.length).map((w, i) => ({ day: w.week, label: WEEK_WORDS[i] }))
  return (
    <View className='week-form'>
      <DayChips options={options} value={week} onChange={setWeek} error={form.errors.week} className='week-chips' />
      <Text className='week-form__label'>{props.weeks.find((w) => w.week === week)?.label ?? week}</Text>
      {already ? (
        <Text className='week-form__already'>
          这一周已记录（粉丝 {formatCount(already.followers)}，{already.loggedByName}），再次保存会替换，原记录保留
        </Text>
      ) : null}
      {FIELDS.map((f) => (
        <NumberField
          key={f.key}
          className={`field-${f.key}`}
          label={f.label}
          unit={f.unit}
          placeholder='必填'
          value={texts[f.key]}
          onChange={(v) => setTexts((t) => ({ ...t, [f.key]: v }))}
          reference={previous ? `${previous.word} ${formatCount(previous.entry[f.key])}` : undefined}
          error={form.errors[f.key]}
        />
      ))}
      <Text className='week-form__hint'>按视频号主页上的数字填写；主页显示「1.2万」时填 12000。</Text>
      <View className='week-form__actions'>
        <Button className='week-cancel' fill='outline' onClick={props.onCancel}>
          取消
        </Button>
        <Button className='week-save' type='primary' loading={form.submitting} disabled={form.submitting} onClick={() => void form.submit(undefined)}>
          保存
        </Button>
      </View>
    </View>
  )
}
