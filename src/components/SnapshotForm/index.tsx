import { Text, View } from '@tarojs/components'
import { correctSnapshotInput } from '../../../core/results/schemas'
import type { SeriesPoint } from '../../../core/results/views'
import { metricDisplay, SNAPSHOT_GROUPS, type SnapshotField, type SnapshotTexts } from '../../package-results/lib/snapshot'
import { shortDay } from '../../utils/content'
import { TextField } from '../fields'
import { DayChips, FieldGroup, NumberField, SubmitBar, type DayOption } from '../ResultsFields'
import './index.scss'

export interface SnapshotFormProps {
  title: string
  /** 'log' picks a date; 'correct' keeps the corrected record's date and asks for a reason. */
  mode: 'log' | 'correct'
  date: string
  dayOptions: DayOption[]
  texts: SnapshotTexts
  reason?: string
  /** The latest values logged before this date, shown beside each field. */
  last: SeriesPoint | null
  /** Form field (or 'date', 'reason') → Chinese message. */
  errors: Record<string, string>
  submitting: boolean
  onDate: (day: string) => void
  onText: (field: SnapshotField, text: string) => void
  onReason: (text: string) => void
  onSubmit: () => void
}

function reference(last: SeriesPoint | null, field: SnapshotField): string | undefined {
  if (!last) return undefined
  const shown = metricDisplay(last.metrics, field)
  if (shown === undefined) return undefined
  return `上次 ${shown}（${shortDay(last.date)}）`
}

/** The data centre's cumulative numbers for one item and date, with last values beside each field. */
export function SnapshotForm(props: SnapshotFormProps) {
  return (
    <View className='snapshot-form'>
      <View className='snapshot-form__head'>
        <Text className='snapshot-form__title'>{props.title}</Text>
        <Text className='snapshot-form__hint'>填视频号助手“数据中心”里显示的累计数，只有播放必填</Text>
      </View>
      {props.mode === 'log' ? (
        <FieldGroup title='数据日期'>
          <View className='snapshot-form__date'>
            <DayChips className='field-date' options={props.dayOptions} value={props.date} onChange={props.onDate} error={props.errors.date} />
          </View>
        </FieldGroup>
      ) : (
        <FieldGroup title='更正原因'>
          <View className='snapshot-form__reason field-reason'>
            <TextField value={props.reason ?? ''} onChange={props.onReason} placeholder='例如：播放数抄错了一位' schema={correctSnapshotInput.shape.reason} error={props.errors.reason} />
          </View>
        </FieldGroup>
      )}
      {SNAPSHOT_GROUPS.map((g) => (
        <FieldGroup key={g.title} title={g.title}>
          {g.fields.map((f) => (
            <NumberField
              key={f.field}
              className={`field-${f.field}`}
              label={f.label}
              placeholder={f.field === 'plays' ? '必填' : undefined}
              keyboard={f.keyboard}
              unit={f.unit}
              value={props.texts[f.field]}
              reference={reference(props.last, f.field)}
              error={props.errors[f.field]}
              onChange={(t) => props.onText(f.field, t)}
            />
          ))}
        </FieldGroup>
      ))}
      <SubmitBar
        className='snapshot-submit'
        text={props.mode === 'log' ? '提交' : '提交更正'}
        hint='没网也能提交，有网时自动同步'
        loading={props.submitting}
        onSubmit={props.onSubmit}
      />
    </View>
  )
}
