import '../inputs'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { manifest } from '../../../core/api/manifest'
import { formatCount } from '../../../core/format'
import { pointsText, type ExperimentView } from '../../../core/research/experiments'
import { TRIAL_WORDS } from '../../../core/research/metrics'
import { allows } from '../../../core/roles'
import { api, ApiError } from '../../api'
import { newRequestId } from '../../api/client'
import { ErrorState, LoadingState } from '../../components/PageState'
import { useApiQuery } from '../../hooks/useApiQuery'
import { usePullRefresh } from '../../hooks/usePullRefresh'
import { ROUTES, withQuery } from '../../routes'
import { useMe } from '../../state/me'
import { errorMessage, toastError, toastSuccess } from '../../utils/feedback'
import '../components/common.scss'
import { CountsForm } from './CountsForm'
import { DecisionForm, DecisionShown } from './DecisionBlock'
import { VerdictBlock } from './VerdictBlock'
import './index.scss'

function Head({ x }: { x: ExperimentView }) {
  const dates = x.startDay ? `${x.startDay} 开始${x.endDay ? ` · ${x.endDay} 结束` : ''}` : '尚未开始'
  return (
    <View className='analytics-card experiment-head'>
      <View className='experiment-head__row'>
        <Text className='experiment-head__title'>{x.title}</Text>
        <Text className={`experiment-head__status experiment-head__status--${x.status}`}>{x.statusLabel}</Text>
      </View>
      <Text className='experiment-head__line'>{`假设：${x.hypothesis}`}</Text>
      <Text className='experiment-head__line'>{`变量：${x.variable} · 主要指标：${x.metricLabel}${x.guardrailLabel ? ` · 护栏：${x.guardrailLabel}` : ''}`}</Text>
      <Text className='experiment-head__meta'>{`${dates} · ${x.createdByName} 创建`}</Text>
    </View>
  )
}

function Plan({ x }: { x: ExperimentView }) {
  return (
    <View className='analytics-card experiment-plan'>
      <Text className='analytics-card__title'>实验计划</Text>
      <Text className='analytics-card__text experiment-plan__baseline'>{x.plan.baselineText}</Text>
      <Text className='analytics-card__text'>{`最小可检测差异：${pointsText(x.plan.mde)}（双侧 α = 5%，检验力 80%）`}</Text>
      <Text className='analytics-card__text experiment-plan__need'>{`样本量：${x.plan.needText}`}</Text>
      <Text className='analytics-card__text experiment-plan__days'>{`预计用时：${x.plan.daysText}`}</Text>
    </View>
  )
}

/**
 * One experiment: its plan, variants with their numbers (and the 录入数据 form for push-count variants while
 * it runs), the verdict computed by the function, and the decision (recorded by a manager once it ended).
 */
export default function ExperimentPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const { me } = useMe()
  const roles = me?.member?.roles
  const canRun = allows(manifest.research.startExperiment.access, roles)
  const canLog = allows(manifest.research.logVariantCounts.access, roles)
  const canDecide = allows(manifest.research.decideExperiment.access, roles)
  const q = useApiQuery(() => api.research.experiment({ id }), [id])
  usePullRefresh(q.refresh)
  const x = q.data
  if (!x) {
    return <View className='page experiment-page'>{q.error ? <ErrorState message={errorMessage(q.error)} error={q.error} onRetry={() => void q.refresh()} /> : <LoadingState rows={6} />}</View>
  }
  const move = async (to: 'start' | 'end') => {
    const ok = await Taro.showModal({ title: to === 'start' ? '开始实验？' : '结束实验？', content: to === 'start' ? '开始后实验内容不能再修改。' : '结束后不能再录入数据，之后由主管记录决策。', confirmText: to === 'start' ? '开始' : '结束' })
    if (!ok.confirm) return
    try {
      const input = { id: x.id, version: x.version }
      const next = to === 'start' ? await api.research.startExperiment(input, { requestId: newRequestId() }) : await api.research.endExperiment(input, { requestId: newRequestId() })
      q.replace(next)
      toastSuccess(to === 'start' ? '实验已开始' : '实验已结束')
    } catch (e) {
      toastError(e)
      if (e instanceof ApiError && e.code === 'CONFLICT') await q.refresh()
    }
  }
  const word = TRIAL_WORDS[x.metric]
  return (
    <View className={`page experiment-page experiment-page--${x.status}`}>
      <Head x={x} />
      <Plan x={x} />
      <View className='analytics-card experiment-variants'>
        <Text className='analytics-card__title'>实验组</Text>
        {x.variants.map((v) => (
          <View key={v.key} className={`experiment-variant experiment-variant--${v.key}`}>
            <Text className='experiment-variant__name'>{`${v.key} · ${v.name}${v.control ? '（对照）' : ''}`}</Text>
            <Text className='experiment-variant__source'>{v.source === 'counts' ? '推送计数' : v.items.map((i) => `「${i.title}」`).join('、')}</Text>
            <Text className='experiment-variant__numbers'>{`${x.metricLabel}：${formatCount(v.successes)} / ${formatCount(v.trials)} 次${word}`}</Text>
            {v.source === 'counts' && x.status === 'running' && canLog ? <CountsForm experimentId={x.id} title={x.title} variant={v} startDay={x.startDay} outboxId={params.outbox} onSent={() => void q.refresh()} /> : null}
          </View>
        ))}
      </View>
      {x.status !== 'draft' ? <VerdictBlock verdict={x.verdict} title={`结论 · ${x.metricLabel}`} /> : null}
      {x.status !== 'draft' && x.guardrailVerdict ? <VerdictBlock verdict={x.guardrailVerdict} title={`护栏 · ${x.guardrailLabel}`} compare={false} /> : null}
      {x.decision ? <DecisionShown x={x} /> : x.status === 'ended' ? canDecide ? <DecisionForm x={x} onDone={q.replace} onConflict={q.refresh} /> : <Text className='experiment-page__note'>实验已结束，由主管记录决策（采用 / 放弃 / 再测）。</Text> : null}
      {canRun && x.status === 'draft' ? (
        <View className='experiment-page__actions'>
          <Button className='experiment-edit' fill='outline' onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.experiments, { edit: x.id }) })}>
            修改草稿
          </Button>
          <Button className='experiment-start' type='primary' onClick={() => void move('start')}>
            开始实验
          </Button>
        </View>
      ) : null}
      {canRun && x.status === 'running' ? (
        <Button className='experiment-end' block fill='outline' onClick={() => void move('end')}>
          结束实验
        </Button>
      ) : null}
    </View>
  )
}
