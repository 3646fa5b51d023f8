import '../inputs'
import { useRef, useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Tabs } from '@nutui/nutui-react-taro'
import { manifest } from '../../../core/api/manifest'
import { STATUS_LABELS, type ExperimentStatus, type ExperimentSummary } from '../../../core/research/experiments'
import { allows } from '../../../core/roles'
import { api } from '../../api'
import { EmptyState, ErrorState, LoadingState, LoadMore } from '../../components/PageState'
import { useApiQuery } from '../../hooks/useApiQuery'
import { usePullRefresh } from '../../hooks/usePullRefresh'
import { ROUTES, withQuery } from '../../routes'
import { useMe } from '../../state/me'
import { errorMessage, toastError } from '../../utils/feedback'
import '../components/common.scss'
import { draftOf, emptyDraft, type PickedItem } from './draft'
import { ExperimentForm } from './ExperimentForm'
import './index.scss'

const TAB_ORDER: ExperimentStatus[] = ['running', 'draft', 'ended']
const EMPTY: Record<ExperimentStatus, string> = {
  running: '没有进行中的实验。',
  draft: '没有草稿。',
  ended: '还没有结束的实验。',
}

/** One status's experiments; `shown` changes when the page is shown again or pulled, and the list is read anew. */
function ExperimentList({ status, shown }: { status: ExperimentStatus; shown: number }) {
  const [more, setMore] = useState<{ list: ExperimentSummary[]; page: number; hasMore: boolean } | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const first = useApiQuery(() => {
    setMore(null)
    return api.research.experiments({ status })
  }, [status, shown])
  const loadMore = async () => {
    const page = (more?.page ?? 0) + 1
    setLoadingMore(true)
    try {
      const next = await api.research.experiments({ status, page })
      setMore({ list: [...(more?.list ?? []), ...next.list], page, hasMore: next.hasMore })
    } catch (e) {
      toastError(e)
    } finally {
      setLoadingMore(false)
    }
  }
  if (!first.data) return first.error ? <ErrorState message={errorMessage(first.error)} error={first.error} onRetry={() => void first.refresh()} /> : <LoadingState rows={3} />
  const list = [...first.data.list, ...(more?.list ?? [])]
  if (!list.length) return <EmptyState title={EMPTY[status]} description='实验比较两个或多个版本（发布时间、封面、标题……），样本够了才下结论。' />
  return (
    <>
      {list.map((x) => (
        <View key={x.id} className={`analytics-card experiment-row experiment-row--${x.status}`} onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.experiment, { id: x.id }) })}>
          <View className='experiment-row__head'>
            <Text className='experiment-row__title'>{x.title}</Text>
            <Text className='experiment-row__metric'>{x.metricLabel}</Text>
          </View>
          <Text className='experiment-row__variants'>{`${x.variable}：${x.variantNames.join(' vs ')}`}</Text>
          <Text className='experiment-row__state'>{x.stateLine}</Text>
        </View>
      ))}
      <LoadMore hasMore={more ? more.hasMore : first.data.hasMore} loading={loadingMore} shown={list.length} onMore={() => void loadMore()} buttonClassName='experiments-page__more' />
    </>
  )
}

/** 「加入实验」 from an item page: the item goes into a new experiment's variant B, or into a draft's. */
function DraftChooser({ item, onPick }: { item: PickedItem; onPick: (id: string) => void }) {
  const drafts = useApiQuery(() => api.research.experiments({ status: 'draft' }), [])
  const list = (drafts.data?.list ?? []).filter((x) => x.metric !== 'openRate')
  if (!list.length) return null
  return (
    <View className='analytics-card draft-chooser'>
      <Text className='analytics-card__title'>{`把「${item.title}」加入草稿`}</Text>
      {list.map((x) => (
        <View key={x.id} className='chip draft-chooser__draft' onClick={() => onPick(x.id)}>
          {x.title}
        </View>
      ))}
      <Text className='draft-chooser__hint'>或在下面新建一个实验（已放入 B 组）。</Text>
    </View>
  )
}

/** Editing a draft: its form, filled from the stored experiment (plus an item brought from the item page). */
function EditDraft({ id, add }: { id: string; add?: PickedItem }) {
  const q = useApiQuery(() => api.research.experiment({ id }), [id])
  if (!q.data) return q.error ? <ErrorState message={errorMessage(q.error)} error={q.error} onRetry={() => void q.refresh()} /> : <LoadingState rows={6} />
  return <ExperimentForm key={q.data.version} initial={draftOf(q.data, add)} editing={{ id, version: q.data.version }} onSaved={(x) => void Taro.redirectTo({ url: withQuery(ROUTES.experiment, { id: x.id }) })} />
}

/** Router params arrive decoded on one platform and not on the other; a title with a stray '%' stays as it is. */
function decoded(s: string | undefined): string {
  try {
    return decodeURIComponent(s ?? '')
  } catch {
    return s ?? ''
  }
}

/**
 * 实验: the team's A/B experiments by status (进行中 / 草稿 / 已结束), each with where it stands in one line;
 * staff start a new one here (`?new=1`, with `itemId`/`itemTitle` from an item page) or edit a draft (`?edit=<id>`).
 */
export default function ExperimentsPage() {
  const { params } = useRouter()
  const { me } = useMe()
  const canCreate = allows(manifest.research.createExperiment.access, me?.member?.roles)
  const [tab, setTab] = useState<ExperimentStatus>('running')
  // Page-level: back from an experiment (or pulled down), the list is read again.
  const [shown, setShown] = useState(0)
  const firstShow = useRef(true)
  useDidShow(() => {
    if (firstShow.current) firstShow.current = false
    else setShown((n) => n + 1)
  })
  usePullRefresh(async () => setShown((n) => n + 1))
  const item = params.itemId ? { id: params.itemId, title: decoded(params.itemTitle) || '所选内容' } : undefined
  const [editing, setEditing] = useState<string | undefined>(params.edit)
  const creating = params.new === '1' && canCreate
  const saved = (x: { id: string }) => void Taro.redirectTo({ url: withQuery(ROUTES.experiment, { id: x.id }) })

  if (editing && canCreate) {
    return (
      <View className='page experiments-page'>
        <EditDraft id={editing} add={item} />
      </View>
    )
  }
  if (creating) {
    return (
      <View className='page experiments-page'>
        {item ? <DraftChooser item={item} onPick={setEditing} /> : null}
        <ExperimentForm initial={emptyDraft(item)} onSaved={saved} />
      </View>
    )
  }
  return (
    <View className='page experiments-page'>
      {canCreate ? (
        <Button className='experiments-page__new' type='primary' block onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.experiments, { new: '1' }) })}>
          新建实验
        </Button>
      ) : null}
      {/* The tabs only switch the status; the list sits below them (a pane's content slides out of view in H5). */}
      <Tabs className='experiments-page__tabs' value={tab} onChange={(v) => setTab(v as ExperimentStatus)} activeType='line'>
        {TAB_ORDER.map((s) => (
          <Tabs.TabPane key={s} title={STATUS_LABELS[s]} value={s} />
        ))}
      </Tabs>
      <ExperimentList key={tab} status={tab} shown={shown} />
    </View>
  )
}

