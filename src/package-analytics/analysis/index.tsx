import '../inputs'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { manifest } from '../../../core/api/manifest'
import type { AnalysisView } from '../../../core/analytics/alerts'
import { allows } from '../../../core/roles'
import { api } from '../../api'
import { ErrorState, LoadingState } from '../../components/PageState'
import { useApiQuery } from '../../hooks/useApiQuery'
import { usePullRefresh } from '../../hooks/usePullRefresh'
import { useMe } from '../../state/me'
import { errorMessage } from '../../utils/feedback'
import { formatDateTime } from '../../utils/labels'
import '../components/common.scss'
import { DecisionForm } from './DecisionForm'
import { Evidence } from './Evidence'
import './index.scss'

/** What was decided, by whom, and the target revision or ideas it led to. */
function Outcome({ a }: { a: AnalysisView }) {
  const d = a.decision
  return (
    <View className='analytics-card analysis-outcome'>
      <Text className='analytics-card__title'>{`结案 · ${d?.label ?? '—'}`}</Text>
      <Text className='analytics-card__text analysis-outcome__findings'>{`分析结论：${a.findings ?? '—'}`}</Text>
      {d?.valueDisplay ? <Text className='analytics-card__text analysis-outcome__target'>{`新目标：${d.valueDisplay}（已记入目标调整记录）`}</Text> : null}
      {d?.reason ? <Text className='analytics-card__text'>{`原因：${d.reason}`}</Text> : null}
      {d?.items.length ? <Text className='analytics-card__text analysis-outcome__items'>{`行动：${d.items.map((i) => `「${i.title}」`).join('、')}`}</Text> : null}
      <Text className='analysis-outcome__meta'>{`${a.closedByName ?? '—'} 于 ${a.closedAt ? formatDateTime(a.closedAt) : '—'} 结案`}</Text>
    </View>
  )
}

/**
 * One special analysis (专项分析): why it opened, its evidence, and — for the KPI's owners (managers) —
 * the findings and decision that close it. Operators read the evidence; only managers close.
 */
export default function AnalysisPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const { me } = useMe()
  const canDecide = allows(manifest.analytics.closeAnalysis.access, me?.member?.roles)
  const q = useApiQuery(() => api.analytics.analysis({ id }), [id])
  usePullRefresh(q.refresh)
  const a = q.data
  if (!a) {
    return <View className='page analysis-page'>{q.error ? <ErrorState message={errorMessage(q.error)} error={q.error} onRetry={() => void q.refresh()} /> : <LoadingState rows={6} />}</View>
  }
  return (
    <View className={`page analysis-page analysis-page--${a.status}`}>
      <View className='analytics-card analysis-head'>
        <View className='analysis-head__row'>
          <Text className='analysis-head__title'>{a.title}</Text>
          <Text className={`analysis-head__status analysis-head__status--${a.overdue ? 'overdue' : a.status}`}>{a.statusLabel}</Text>
        </View>
        <Text className='analysis-head__trigger'>{a.triggerText}</Text>
        <Text className='analysis-head__owner'>{a.ownerText}</Text>
        <Text className='analysis-head__due'>{a.status === 'open' ? `截止 ${a.dueDay}（开启后 3 个工作日）` : `截止 ${a.dueDay}`}</Text>
      </View>
      {a.evidence.map((e) => (
        <Evidence key={e.kpi} e={e} />
      ))}
      {a.status === 'closed' ? (
        <Outcome a={a} />
      ) : canDecide ? (
        <DecisionForm analysis={a} onClosed={(closed) => q.replace(closed)} onConflict={q.refresh} />
      ) : (
        <Text className='analysis-page__note'>由经理（指标负责人）写下分析结论并结案；你可以先查看证据、在选题库准备行动。</Text>
      )}
    </View>
  )
}
