import { Text, View } from '@tarojs/components'
import type { SnapshotMetrics } from '../../../core/results/schemas'
import type { ImportCandidate } from '../../../core/results/views'
import { metricsLine } from '../../package-results/lib/history'
import { shortDay } from '../../utils/content'
import './index.scss'

/** One row of the file as the preview shows it: where it lands, or why it is refused. */
export interface ImportRowView {
  /** Position among the file's data rows (0 = the first row under the header). */
  index: number
  title: string
  status: 'ok' | 'refused'
  itemTitle: string | null
  metrics: SnapshotMetrics | null
  reasons: string[]
  /** Items the row might be, to choose by hand when the title and day matched none or several. */
  candidates: ImportCandidate[]
}

export function ImportSummary(props: { fileName: string; date: string; okCount: number; refusedCount: number }) {
  return (
    <View className='import-summary'>
      <Text className='import-summary__file'>{props.fileName}</Text>
      <Text className='import-summary__counts'>
        {`${shortDay(props.date)} 数据 · `}
        <Text className='import-summary__ok'>{`可导入 ${props.okCount} 行`}</Text>
        {props.refusedCount ? <Text className='import-summary__refused'>{` · 不能导入 ${props.refusedCount} 行`}</Text> : null}
      </Text>
    </View>
  )
}

export interface ImportRowsProps {
  rows: ImportRowView[]
  onChoose: (index: number, itemId: string) => void
}

/** Every row: matched rows show the item they land on; refused rows their reasons and, when it helps, items to pick. */
export function ImportRows(props: ImportRowsProps) {
  return (
    <View className='import-rows'>
      {props.rows.map((r) => (
        <View key={r.index} className={`import-row import-row--${r.status} import-row--${r.index}`}>
          <View className='import-row__head'>
            <Text className='import-row__line'>{`第 ${r.index + 1} 行`}</Text>
            <Text className={`import-row__status import-row__status--${r.status}`}>{r.status === 'ok' ? '可导入' : '不能导入'}</Text>
          </View>
          <Text className='import-row__title'>{r.title}</Text>
          {r.itemTitle ? <Text className='import-row__item'>{`→ ${r.itemTitle}`}</Text> : null}
          {r.metrics ? <Text className='import-row__metrics'>{metricsLine(r.metrics)}</Text> : null}
          {r.reasons.map((reason) => (
            <Text key={reason} className='import-row__reason'>
              {reason}
            </Text>
          ))}
          {r.candidates.length ? (
            <View className='import-row__candidates'>
              <Text className='import-row__pick'>是哪一条？点选对应的内容：</Text>
              {r.candidates.map((c) => (
                <View key={c.id} className={`import-candidate import-candidate--${c.id}`} onClick={() => props.onChoose(r.index, c.id)}>
                  <Text className='import-candidate__title'>{c.title}</Text>
                  <Text className='import-candidate__day'>{c.publishedDay ? `${shortDay(c.publishedDay)} 发布` : ''}</Text>
                </View>
              ))}
            </View>
          ) : null}
        </View>
      ))}
    </View>
  )
}

/** After 确认导入: the rows that landed, as stored. */
export function ImportLanded(props: { rows: { index: number; itemTitle: string; metrics: SnapshotMetrics }[] }) {
  return (
    <View className='import-landed'>
      <Text className='import-landed__title'>{`已导入 ${props.rows.length} 行`}</Text>
      {props.rows.map((r) => (
        <View key={r.index} className='import-landed__row'>
          <Text className='import-landed__item'>{r.itemTitle}</Text>
          <Text className='import-landed__metrics'>{metricsLine(r.metrics)}</Text>
        </View>
      ))}
    </View>
  )
}
