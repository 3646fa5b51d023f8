import '../inputs'
import { useRef, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { manifest } from '../../../core/api/manifest'
import { REPORT_KIND_LABELS, type ReportKind, type ReportSummary } from '../../../core/reports/schemas'
import { allows } from '../../../core/roles'
import { addDays, weekStart } from '../../../core/time/china'
import { api } from '../../api'
import { EmptyState, ErrorState, LoadingState, LoadMore } from '../../components/PageState'
import { useApiQuery } from '../../hooks/useApiQuery'
import { usePullRefresh } from '../../hooks/usePullRefresh'
import { ROUTES, withQuery } from '../../routes'
import { useMe } from '../../state/me'
import { today } from '../../utils/content'
import { errorMessage, toastError } from '../../utils/feedback'
import { formatDateTime } from '../../utils/labels'
import '../components/common.scss'
import './index.scss'

const KIND_CHOICES: ReportKind[] = ['daily', 'weekly', 'monthly']

/** The latest day a report of `kind` can be asked for: its period must be over. */
function lastDayFor(kind: ReportKind): string {
  const t = today()
  if (kind === 'weekly') return addDays(weekStart(t), -1)
  if (kind === 'monthly') return addDays(`${t.slice(0, 7)}-01`, -1)
  return addDays(t, -1)
}

/** Managers and admins: a 日报 for a chosen past day, a 周报 for a past week, a 月报 for a past month (the stored one if it exists). */
function GenerateForm(props: { onDone: (r: ReportSummary) => void }) {
  const [kind, setKind] = useState<ReportKind>('daily')
  const [day, setDay] = useState(lastDayFor('daily'))
  const [busy, setBusy] = useState(false)
  const word = REPORT_KIND_LABELS[kind]
  const pickKind = (k: ReportKind) => {
    setKind(k)
    setDay(lastDayFor(k))
  }
  const submit = async () => {
    setBusy(true)
    try {
      props.onDone(await api.analytics.generateReport({ kind, day }))
    } catch (e) {
      toastError(e)
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='analytics-card report-generate'>
      <Picker mode='selector' range={KIND_CHOICES.map((k) => REPORT_KIND_LABELS[k])} value={KIND_CHOICES.indexOf(kind)} onChange={(e) => pickKind(KIND_CHOICES[Number(e.detail.value)])}>
        <View className='report-generate__row report-generate__kind'>
          <Text className='report-generate__label'>报告类型</Text>
          <Text className='report-generate__value'>{word}</Text>
        </View>
      </Picker>
      <Picker mode='date' value={day} end={lastDayFor(kind)} onChange={(e) => setDay(String(e.detail.value))}>
        <View className='report-generate__row'>
          <Text className='report-generate__label'>{kind === 'daily' ? '日报日期' : kind === 'weekly' ? '该周任意一天' : '该月任意一天'}</Text>
          <Text className='report-generate__value'>{day}</Text>
        </View>
      </Picker>
      <Button className='report-generate__submit' type='primary' size='small' loading={busy} onClick={() => void submit()}>
        {`生成${word}`}
      </Button>
    </View>
  )
}

/**
 * 报告: the team's reports, latest first (日报 every morning at 08:30, 周报 on Mondays and 月报 on the 1st
 * with the week's verdicts, from 10:30). Each is frozen when made; field staff see their own short line
 * (what is left to log).
 */
export default function ReportsPage() {
  const { me } = useMe()
  const canGenerate = allows(manifest.analytics.generateReport.access, me?.member?.roles)
  const first = useApiQuery(() => api.analytics.reports({}), [])
  const [more, setMore] = useState<{ list: ReportSummary[]; page: number; hasMore: boolean } | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const refresh = async () => {
    setMore(null)
    await first.refresh()
  }
  usePullRefresh(refresh)
  const shownOnce = useRef(true)
  useDidShow(() => {
    if (shownOnce.current) shownOnce.current = false
    else void refresh()
  })
  const open = (id: string) => void Taro.navigateTo({ url: withQuery(ROUTES.report, { id }) })
  const loadMore = async () => {
    const page = (more?.page ?? 0) + 1
    setLoadingMore(true)
    try {
      const next = await api.analytics.reports({ page })
      setMore({ list: [...(more?.list ?? []), ...next.list], page, hasMore: next.hasMore })
    } catch (e) {
      toastError(e)
    } finally {
      setLoadingMore(false)
    }
  }

  const list = first.data ? [...first.data.list, ...(more?.list ?? [])] : []
  const hasMore = more ? more.hasMore : Boolean(first.data?.hasMore)
  return (
    <View className='page reports-page'>
      <Text className='reports-page__intro'>每天 08:30 自动生成昨日日报；每周一、每月 1 日 10:30 随周评定生成上周周报与上月月报。报告生成后数字不再变化。</Text>
      {canGenerate ? <GenerateForm onDone={(r) => open(r.id)} /> : null}
      {first.data ? (
        list.length ? (
          <>
            {list.map((r) => (
              <View key={r.id} className={`analytics-card report-row report-row--${r.kind}`} onClick={() => open(r.id)}>
                <View className='report-row__head'>
                  <Text className='report-row__title'>{r.title}</Text>
                  {r.revision > 1 ? <Text className='report-row__revision'>{`第 ${r.revision} 版`}</Text> : null}
                </View>
                <Text className='report-row__headline'>{r.headline}</Text>
                <Text className='report-row__meta'>{`生成于 ${formatDateTime(r.generatedAt)}`}</Text>
              </View>
            ))}
            <LoadMore hasMore={hasMore} loading={loadingMore} shown={list.length} onMore={() => void loadMore()} buttonClassName='reports-page__more' />
          </>
        ) : (
          <EmptyState title='还没有报告' description='每天 08:30 会自动生成前一天的日报。' />
        )
      ) : first.error ? (
        <ErrorState message={errorMessage(first.error)} error={first.error} onRetry={() => void first.refresh()} />
      ) : (
        <LoadingState rows={4} />
      )}
    </View>
  )
}
