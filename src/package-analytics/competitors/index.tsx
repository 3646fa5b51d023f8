import '../inputs'
import { useState, type ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { manifest } from '../../../core/api/manifest'
import { allows } from '../../../core/roles'
import type { CompetitorView } from '../../../core/research/competitors'
import { weekShort } from '../../../core/time/weeks'
import { formatCount } from '../../../core/format'
import { api } from '../../api'
import { newRequestId } from '../../api/client'
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState'
import { useApiQuery } from '../../hooks/useApiQuery'
import { usePullRefresh } from '../../hooks/usePullRefresh'
import { ROUTES, withQuery } from '../../routes'
import { useMe } from '../../state/me'
import { errorMessage, toastError, toastSuccess } from '../../utils/feedback'
import { EventForm } from '../analyses/EventForm'
import '../components/common.scss'
import { AccountForm } from './AccountForm'
import { Comparison } from './Comparison'
import { WeekForm } from './WeekForm'
import './index.scss'

/** What is open under the list: one form at a time. */
type Panel = { kind: 'add' } | { kind: 'log' | 'move'; id: string } | null

/**
 * 竞品: the accounts the team watches (同行 / 标杆) with a fast weekly log each, and our account against
 * them — follower growth rate per week, cadence and best post. Managers record a competitor's major
 * move here, which opens a special analysis.
 */
export default function CompetitorsPage() {
  const { me } = useMe()
  const canRecordMove = allows(manifest.analytics.reportEvent.access, me?.member?.roles)
  const list = useApiQuery(() => api.research.competitors({}), [])
  const comparison = useApiQuery(() => api.research.competitorComparison({}), [])
  const [panel, setPanel] = useState<Panel>(null)
  const refresh = async () => {
    await Promise.all([list.refresh(), comparison.refresh()])
  }
  usePullRefresh(refresh)
  const saved = () => {
    setPanel(null)
    void refresh()
  }

  const page = list.data
  const active = page?.competitors.filter((c) => !c.archived) ?? []
  const archived = page?.competitors.filter((c) => c.archived) ?? []

  return (
    <View className='page competitors-page'>
      <Text className='competitors-page__intro'>每周一记录关注账号上周的公开数据（粉丝数、发布数、最佳作品点赞），与我们的账号对比增长与节奏。</Text>
      {page ? (
        <View className='analytics-card competitor-list'>
          <View className='competitor-list__head'>
            <Text className='analytics-card__title'>关注的账号</Text>
            {panel?.kind === 'add' ? null : (
              <Text className='competitor-add' onClick={() => setPanel({ kind: 'add' })}>
                + 添加账号
              </Text>
            )}
          </View>
          {panel?.kind === 'add' ? <AccountForm onSaved={saved} onCancel={() => setPanel(null)} /> : null}
          {active.length ? (
            active.map((c) => (
              <AccountRow key={c.id} competitor={c} panel={panel} canRecordMove={canRecordMove} onPanel={setPanel} onArchived={saved}>
                {panel?.kind === 'log' && panel.id === c.id ? <WeekForm competitor={c} weeks={page.weeks} defaultWeek={page.defaultWeek} onSaved={saved} onCancel={() => setPanel(null)} /> : null}
                {panel?.kind === 'move' && panel.id === c.id ? (
                  <EventForm
                    title={`记录「${c.name}」的重大动作`}
                    initial={{ kind: 'competitor', description: `竞品「${c.name}」：`, kpis: ['followers'] }}
                    onSaved={(a) => {
                      setPanel(null)
                      void Taro.navigateTo({ url: withQuery(ROUTES.analysis, { id: a.id }) })
                    }}
                    onCancel={() => setPanel(null)}
                  />
                ) : null}
              </AccountRow>
            ))
          ) : panel?.kind === 'add' ? null : (
            <EmptyState title='还没有关注的账号' description='添加同行或标杆账号，每周记录它们的公开数据。' />
          )}
          {archived.length ? <ArchivedList list={archived} onRestored={saved} /> : null}
        </View>
      ) : list.error ? (
        <ErrorState message={errorMessage(list.error)} error={list.error} onRetry={() => void list.refresh()} />
      ) : (
        <LoadingState rows={3} />
      )}
      {comparison.data ? (
        <Comparison view={comparison.data} />
      ) : comparison.error ? (
        <ErrorState message={errorMessage(comparison.error)} error={comparison.error} onRetry={() => void comparison.refresh()} />
      ) : (
        <LoadingState rows={4} />
      )}
    </View>
  )
}

/** One account: name, kind tag, its latest logged week, and what can be done with it. */
function AccountRow(props: { competitor: CompetitorView; panel: Panel; canRecordMove: boolean; onPanel: (p: Panel) => void; onArchived: () => void; children: ReactNode }) {
  const c = props.competitor
  const latest = c.recent[0]
  const open = props.panel && props.panel.kind !== 'add' && props.panel.id === c.id
  return (
    <View className={`competitor-row competitor-row--${c.kind}`}>
      <View className='competitor-row__head'>
        <Text className='competitor-row__name'>{c.name}</Text>
        <Text className={`competitor-tag competitor-tag--${c.kind}`}>{c.kindLabel}</Text>
      </View>
      <Text className='competitor-row__latest'>
        {latest ? `${weekShort(latest.week)} · 粉丝 ${formatCount(latest.followers)} · 发布 ${latest.posts} · 最佳点赞 ${formatCount(latest.bestLikes)}` : '还没有记录'}
      </Text>
      {open ? null : (
        <View className='competitor-row__actions'>
          <Button className='competitor-log' size='small' type='primary' onClick={() => props.onPanel({ kind: 'log', id: c.id })}>
            记录周数据
          </Button>
          {props.canRecordMove ? (
            <Button className='competitor-move' size='small' fill='outline' onClick={() => props.onPanel({ kind: 'move', id: c.id })}>
              记录重大动作
            </Button>
          ) : null}
          <Text className='competitor-archive' onClick={() => void archive(c, true, props.onArchived)}>
            归档
          </Text>
        </View>
      )}
      {props.children}
    </View>
  )
}

/** Accounts no longer watched: out of the comparison, their weeks kept; one tap brings one back. */
function ArchivedList(props: { list: CompetitorView[]; onRestored: () => void }) {
  const [shown, setShown] = useState(false)
  return (
    <View className='competitor-archived'>
      <Text className='competitor-archived__toggle' onClick={() => setShown(!shown)}>
        已归档 {props.list.length} 个{shown ? ' ▴' : ' ▾'}
      </Text>
      {shown
        ? props.list.map((c) => (
            <View key={c.id} className='competitor-archived__row'>
              <Text className='competitor-archived__name'>
                {c.name}（{c.kindLabel}）
              </Text>
              <Text className='competitor-restore' onClick={() => void archive(c, false, props.onRestored)}>
                恢复关注
              </Text>
            </View>
          ))
        : null}
    </View>
  )
}

async function archive(c: CompetitorView, archived: boolean, done: () => void): Promise<void> {
  if (archived) {
    const ok = await Taro.showModal({ title: `归档「${c.name}」？`, content: '归档后不再出现在对比中，已记录的数据保留，可随时恢复。', confirmText: '归档' })
    if (!ok.confirm) return
  }
  try {
    await api.research.updateCompetitor({ id: c.id, version: c.version, archived }, { requestId: newRequestId() })
    toastSuccess(archived ? '已归档' : '已恢复')
    done()
  } catch (e) {
    toastError(e)
  }
}
