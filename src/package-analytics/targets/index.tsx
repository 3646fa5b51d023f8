import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { contracts } from '../../../core/api'
import type { KpiKey, TargetView } from '../../../core/analytics/schemas'
import { formatPercent } from '../../../core/format'
import { allows } from '../../../core/roles'
import { api } from '../../api'
import { ErrorState, LoadingState } from '../../components/PageState'
import { useApiQuery } from '../../hooks/useApiQuery'
import { usePullRefresh } from '../../hooks/usePullRefresh'
import { ROUTES, withQuery } from '../../routes'
import { useMe } from '../../state/me'
import { DIRECTION_WORDS, REVIEW_WORDS, targetText } from '../../utils/analytics'
import { errorMessage } from '../../utils/feedback'
import { formatDateTime } from '../../utils/labels'
import '../components/common.scss'
import { TargetForm } from './TargetForm'
import './index.scss'

/** Who changed a KPI's target, when, from what to what, and why. */
function TargetHistory({ target }: { target: TargetView }) {
  const history = useApiQuery(() => api.analytics.targetHistory({ kpi: target.kpi }), [target.kpi, target.version])
  if (history.error) return <Text className='target-history__empty'>{errorMessage(history.error)}</Text>
  if (!history.data) return <Text className='target-history__empty'>加载中…</Text>
  if (!history.data.length) return <Text className='target-history__empty'>还没有调整过，一直是默认目标。</Text>
  return (
    <View className='target-history'>
      {history.data.map((h) => (
        <View key={`${h.at}-${h.byName}`} className='target-history__entry'>
          <Text className='target-history__change'>
            {targetText(h.previousValue, target)} → {targetText(h.value, target)}
            {h.tolerance !== h.previousTolerance ? `，容差 ${formatPercent(h.previousTolerance)} → ${formatPercent(h.tolerance)}` : ''}
          </Text>
          <Text className='target-history__reason'>原因：{h.reason}</Text>
          {h.analysisId ? (
            <Text className='target-history__analysis' onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.analysis, { id: h.analysisId! }) })}>
              来自专项分析 ›
            </Text>
          ) : null}
          <Text className='target-history__meta'>
            {h.byName} · {formatDateTime(h.at)}
          </Text>
        </View>
      ))}
    </View>
  )
}

/** 目标管理: every KPI's target; managers change them with a reason, and every change is on record. */
export default function TargetsPage() {
  const { me } = useMe()
  const roles = me?.member?.roles
  const canEdit = allows(contracts.analytics.setTarget.access, roles)
  const canSeeHistory = allows(contracts.analytics.targetHistory.access, roles)
  const targets = useApiQuery(() => api.analytics.targets({}), [])
  usePullRefresh(targets.refresh)
  const [editing, setEditing] = useState<KpiKey | null>(null)
  const [historyOf, setHistoryOf] = useState<KpiKey | null>(null)
  const list = targets.data

  if (!list) {
    return (
      <View className='page targets-page'>
        {targets.error ? <ErrorState message={errorMessage(targets.error)} onRetry={() => void targets.refresh()} /> : <LoadingState rows={8} />}
      </View>
    )
  }
  return (
    <View className='page targets-page'>
      <Text className='targets-page__intro'>
        绿灯：达到目标；黄灯：差距在容差以内；红灯：差距超过容差。{canEdit ? '' : '目标由主管调整。'}
      </Text>
      {list.map((t) => (
        <View key={t.kpi} className={`analytics-card target target--${t.kpi}`}>
          <View className='target__head'>
            <Text className='target__label'>{t.label}</Text>
            <Text className='target__value'>{targetText(t.value, t)}</Text>
          </View>
          <Text className='target__meta'>
            {DIRECTION_WORDS[t.direction]} · 黄灯容差 {formatPercent(t.tolerance)} · {REVIEW_WORDS[t.reviewedEvery]}
          </Text>
          <Text className='target__horizon'>{t.horizon}</Text>
          {t.updatedAt ? (
            <Text className='target__updated'>
              {t.updatedByName ?? '—'} 于 {formatDateTime(t.updatedAt)} 调整
            </Text>
          ) : null}
          {editing === t.kpi ? (
            <TargetForm
              key={`${t.kpi}`}
              target={t}
              onSaved={(saved) => {
                targets.replace(list.map((x) => (x.kpi === saved.kpi ? saved : x)))
                setEditing(null)
                void targets.refresh()
              }}
              onConflict={targets.refresh}
              onCancel={() => setEditing(null)}
            />
          ) : (
            <View className='target__actions'>
              {canSeeHistory ? (
                <Button size='small' fill='none' className='target-history-toggle' onClick={() => setHistoryOf(historyOf === t.kpi ? null : t.kpi)}>
                  {historyOf === t.kpi ? '收起记录' : '调整记录'}
                </Button>
              ) : null}
              {canEdit ? (
                <Button size='small' fill='outline' type='primary' className='target-edit' onClick={() => setEditing(t.kpi)}>
                  调整
                </Button>
              ) : null}
            </View>
          )}
          {historyOf === t.kpi ? <TargetHistory target={t} /> : null}
        </View>
      ))}
    </View>
  )
}
