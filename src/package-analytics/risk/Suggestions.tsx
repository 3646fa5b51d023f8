import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { RiskDetail, RiskSuggestionView } from '../../../core/steering/riskSchemas'
import { api } from '../../api'
import { newRequestId } from '../../api/client'
import { toastError, toastSuccess } from '../../utils/feedback'

/** A signal's suggestions: 采纳 changes the likelihood (with history), 忽略 leaves the risk as it is. */
export function Suggestions(props: { detail: RiskDetail; canDecide: boolean; onChanged: () => void }) {
  const [busy, setBusy] = useState<string | null>(null)
  const act = async (s: RiskSuggestionView, accept: boolean) => {
    setBusy(s.id)
    try {
      if (accept) await api.steering.acceptRiskSuggestion({ id: s.id, riskVersion: props.detail.risk.version }, { requestId: newRequestId() })
      else await api.steering.dismissRiskSuggestion({ id: s.id }, { requestId: newRequestId() })
      toastSuccess(accept ? '已采纳，可能性已调整' : '已忽略')
      props.onChanged()
    } catch (e) {
      toastError(e)
    } finally {
      setBusy(null)
    }
  }
  if (!props.detail.suggestions.length) return null
  return (
    <View className='analytics-card risk-suggestions'>
      <Text className='analytics-card__title'>信号建议</Text>
      {props.detail.suggestions.map((s) => (
        <View key={s.id} className={`suggestion suggestion--${s.status}`}>
          <Text className='suggestion__text'>{`${s.signalLabel}：${s.reason}`}</Text>
          <Text className='suggestion__meta'>{`建议可能性 ${s.fromLikelihood} → ${s.toLikelihood} · ${s.statusLabel}${s.decidedByName ? `（${s.decidedByName}）` : ''}`}</Text>
          {s.status === 'open' && props.canDecide ? (
            <View className='suggestion__actions'>
              <Button className='suggestion-dismiss' size='small' fill='outline' disabled={busy !== null} onClick={() => void act(s, false)}>
                忽略
              </Button>
              <Button className='suggestion-accept' size='small' type='primary' loading={busy === s.id} disabled={busy !== null} onClick={() => void act(s, true)}>
                采纳
              </Button>
            </View>
          ) : null}
        </View>
      ))}
    </View>
  )
}
