import '../inputs'
import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { manifest } from '../../../core/api/manifest'
import { allows } from '../../../core/roles'
import type { RiskDetail } from '../../../core/steering/riskSchemas'
import { RISK_STATUS_LABELS } from '../../../core/steering/risks'
import { api } from '../../api'
import { newRequestId } from '../../api/client'
import { ErrorState, LoadingState } from '../../components/PageState'
import { useApiQuery } from '../../hooks/useApiQuery'
import { usePullRefresh } from '../../hooks/usePullRefresh'
import { useMe } from '../../state/me'
import { errorMessage, toastError, toastSuccess } from '../../utils/feedback'
import '../components/common.scss'
import '../risks/index.scss'
import { RiskForm } from '../risks/RiskForm'
import { ScoreForm } from './ScoreForm'
import { Suggestions } from './Suggestions'
import './index.scss'

type Panel = 'score' | 'edit' | null
const NEXT_STATUSES = ['watching', 'occurred', 'closed'] as const

function Head({ d }: { d: RiskDetail }) {
  const r = d.risk
  return (
    <View className='analytics-card risk-head'>
      <View className='risk-row__head'>
        <Text className={`risk-level risk-level--${r.level}`}>{`${r.levelLabel} ${r.score}`}</Text>
        <Text className='risk-head__title'>{r.title}</Text>
      </View>
      <Text className='risk-head__line risk-head__score'>{`${r.categoryLabel} · 可能性 ${r.likelihood} × 影响 ${r.impact} = ${r.score} · ${r.statusLabel}`}</Text>
      <Text className='risk-head__line'>{`负责人：${r.ownerName} · 登记人：${r.createdByName}`}</Text>
      <Text className={`risk-head__line ${r.reviewOverdue ? 'risk-head__overdue' : ''}`}>{`复查日期：${r.reviewDay}${r.reviewOverdue ? '（已逾期）' : ''}`}</Text>
      {r.description ? <Text className='risk-head__block'>{`描述：${r.description}`}</Text> : null}
      <Text className='risk-head__block'>{`应对预案：${r.plan || '未填写'}`}</Text>
      <Text className='risk-head__block'>{`触发指标：${r.trigger || '未填写'}${r.signalLabel ? `（关联：${r.signalLabel}）` : ''}`}</Text>
    </View>
  )
}

/** One risk: its card, 调整评分 (with a reason), status changes, edit, the signals' suggestions and the history. */
export default function RiskPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const { me } = useMe()
  const canEdit = allows(manifest.steering.changeRiskScore.access, me?.member?.roles)
  const detail = useApiQuery(() => api.steering.risk({ id }), [id])
  const owners = useApiQuery(() => (canEdit ? api.steering.risks({}).then((p) => p.owners) : Promise.resolve([])), [canEdit])
  const [panel, setPanel] = useState<Panel>(null)
  const [busy, setBusy] = useState(false)
  usePullRefresh(detail.refresh)
  const d = detail.data
  if (!d) return <View className='page risk-page'>{detail.error ? <ErrorState message={errorMessage(detail.error)} error={detail.error} onRetry={() => void detail.refresh()} /> : <LoadingState rows={4} />}</View>
  const saved = () => {
    setPanel(null)
    void detail.refresh()
  }
  const setStatus = async (status: (typeof NEXT_STATUSES)[number]) => {
    setBusy(true)
    try {
      await api.steering.changeRiskStatus({ id, version: d.risk.version, status }, { requestId: newRequestId() })
      toastSuccess(`已设为${RISK_STATUS_LABELS[status]}`)
      saved()
    } catch (e) {
      toastError(e)
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='page risk-page'>
      <Head d={d} />
      {canEdit && !panel ? (
        <View className='risk-actions'>
          {d.risk.status !== 'closed' ? (
            <Button className='risk-score' size='small' type='primary' onClick={() => setPanel('score')}>
              调整评分
            </Button>
          ) : null}
          <Button className='risk-edit' size='small' fill='outline' onClick={() => setPanel('edit')}>
            编辑
          </Button>
          {NEXT_STATUSES.filter((s) => s !== d.risk.status).map((s) => (
            <Button key={s} className={`risk-status risk-status--${s}`} size='small' fill='outline' disabled={busy} onClick={() => void setStatus(s)}>
              {d.risk.status === 'proposed' && s === 'watching' ? '评估后纳入监控' : `设为${RISK_STATUS_LABELS[s]}`}
            </Button>
          ))}
        </View>
      ) : null}
      {panel === 'score' ? <ScoreForm risk={d.risk} onSaved={saved} onCancel={() => setPanel(null)} /> : null}
      {panel === 'edit' ? <RiskForm mode='edit' risk={d.risk} owners={owners.data ?? []} onSaved={saved} onCancel={() => setPanel(null)} /> : null}
      <Suggestions detail={d} canDecide={canEdit} onChanged={saved} />
      <View className='analytics-card risk-history'>
        <Text className='analytics-card__title'>变更记录</Text>
        {d.changes.map((c) => (
          <View key={c.id} className={`risk-change risk-change--${c.kind}`}>
            <Text className='risk-change__text'>{c.text}</Text>
            {c.reason ? <Text className='risk-change__reason'>{`原因：${c.reason}`}</Text> : null}
            <Text className='risk-change__meta'>{`${c.byName} · ${c.at.slice(0, 16).replace('T', ' ')}`}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
