import '../inputs'
import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { manifest } from '../../../core/api/manifest'
import { KPIS, type KpiKey } from '../../../core/analytics/schemas'
import type { TargetView } from '../../../core/analytics/targetSchemas'
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
import { PathEditor } from './PathEditor'
import { BaselineForm, KpiSettingForm } from './SettingForms'
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
          <Text className='target-history__trigger'>{h.periodLabel ? `${h.triggerLabel} · ${h.periodLabel}` : h.triggerLabel}</Text>
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
  const canPlan = allows(manifest.analytics.planTarget.access, roles)
  const canOverride = allows(manifest.analytics.setTarget.access, roles)
  const canSeeHistory = allows(manifest.analytics.targetHistory.access, roles)
  const canClass = allows(manifest.analytics.setKpiSetting.access, roles)
  const canBaseline = allows(manifest.analytics.setBaseline.access, roles)
  const canEditPath = allows(manifest.analytics.setConversionPath.access, roles)
  const targets = useApiQuery(() => api.analytics.targets({}), [])
  usePullRefresh(targets.refresh)
  // Opened from a 复盘会 decision with ?kpi=…: that KPI's plan for next period is open and in view.
  const preselected = KPIS.find((k) => k === useRouter().params.kpi)
  const [editing, setEditing] = useState<{ kpi: KpiKey; mode: 'plan' | 'override' | 'settings' | 'baseline' } | null>(preselected && canPlan ? { kpi: preselected, mode: 'plan' } : null)
  useEffect(() => {
    if (preselected && targets.data) void Taro.pageScrollTo({ selector: `.target--${preselected}`, duration: 0 }).catch(() => undefined)
  }, [preselected, Boolean(targets.data)])
  const [historyOf, setHistoryOf] = useState<KpiKey | null>(null)
  const list = targets.data

  if (!list) {
    return (
      <View className='page targets-page'>
        {targets.error ? <ErrorState message={errorMessage(targets.error)} onRetry={() => void targets.refresh()} /> : <LoadingState rows={8} />}
      </View>
    )
  }
  const due = canPlan ? list.filter((t) => t.period?.reminderDue) : []
  // Class, owner and baseline change what the whole list shows (periods, relative targets): reload it.
  const saved = () => {
    setEditing(null)
    void targets.refresh()
  }
  return (
    <View className='page targets-page'>
      <Text className='targets-page__intro'>
        绿灯：达到目标；黄灯：差距在容差以内；红灯：差距超过容差。核心目标按季度、辅助目标按月设定：主管提前设定下期目标，到期自动生效；本期目标只能通过专项分析调整，或由管理员写明原因修改。
      </Text>
      {due.length ? (
        <View className='targets-page__reminder'>
          <Text>{`请在本期结束前设定下期目标：${due.map((t) => t.label).join('、')}（未设定的将沿用本期目标）`}</Text>
        </View>
      ) : null}
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
          {t.baseline ? (
            <Text className={`target__baseline target__baseline--${t.baseline.source}`}>
              {t.baseline.value === null ? `基线：暂无（${t.baseline.note}）` : `基线 ${targetText(t.baseline.value, t)}（${t.baseline.note}）`}
            </Text>
          ) : null}
          {t.kpi === 'pathSteps' ? <PathEditor canEdit={canEditPath} onSaved={() => void targets.refresh()} /> : null}
          <Text className='target__owner'>{`负责人：${t.ownerName ?? '全体主管'}`}</Text>
          {t.period ? (
            <View className='target__periods'>
              <Text className='target__period'>{`本期 ${t.period.currentLabel}：${targetText(t.value, t)}`}</Text>
              <Text className={`target__next ${t.period.planned ? '' : 'target__next--unset'}`}>
                {`下期 ${t.period.nextLabel}：${t.period.planned ? `${targetText(t.period.planned.value, t)}（${t.period.planned.updatedByName ?? '—'} 设定）` : '未设定，将沿用本期'}`}
              </Text>
            </View>
          ) : null}
          {t.updatedAt ? (
            <Text className='target__updated'>
              {t.updatedByName ?? '—'} 于 {formatDateTime(t.updatedAt)} 调整
            </Text>
          ) : null}
          {editing?.kpi === t.kpi && (editing.mode === 'settings' || editing.mode === 'baseline') ? (
            editing.mode === 'settings' ? (
              <KpiSettingForm target={t} onSaved={saved} onCancel={() => setEditing(null)} />
            ) : (
              <BaselineForm target={t} onSaved={saved} onCancel={() => setEditing(null)} />
            )
          ) : editing?.kpi === t.kpi ? (
            <TargetForm
              key={`${t.kpi}-${editing.mode}`}
              target={t}
              mode={editing.mode as 'plan' | 'override'}
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
              {canClass ? (
                <Button size='small' fill='none' className='target-settings' onClick={() => setEditing({ kpi: t.kpi, mode: 'settings' })}>
                  分类与负责人
                </Button>
              ) : null}
              {canBaseline && t.baseline?.source === 'none' ? (
                <Button size='small' fill='none' className='target-baseline' onClick={() => setEditing({ kpi: t.kpi, mode: 'baseline' })}>
                  录入基线
                </Button>
              ) : null}
              {canOverride ? (
                <Button size='small' fill='none' className='target-edit' onClick={() => setEditing({ kpi: t.kpi, mode: 'override' })}>
                  修改本期
                </Button>
              ) : null}
              {canPlan ? (
                <Button size='small' fill='outline' type='primary' className='target-plan' onClick={() => setEditing({ kpi: t.kpi, mode: 'plan' })}>
                  设定下期
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
