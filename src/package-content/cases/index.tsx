import '../inputs'
import { useRef } from 'react'
import Taro, { useDidShow, useReachBottom } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { SearchBar } from '@nutui/nutui-react-taro'
import { OUTCOMES, OUTCOME_LABELS } from '../../../core/content/retrospectives'
import { CATEGORIES, CATEGORY_LABELS, FORMATS, FORMAT_LABELS, LAYERS, LAYER_LABELS } from '../../../core/content/labels'
import { CaseList } from '../../components/CaseList'
import { Chips } from '../../components/IdeaFilters'
import { EmptyState, ErrorState, LoadingState, LoadMore } from '../../components/PageState'
import { useCases } from '../../hooks/useCases'
import { usePullRefresh } from '../../hooks/usePullRefresh'
import { ROUTES, withQuery } from '../../routes'
import { errorMessage } from '../../utils/feedback'
import './index.scss'

/** 案例库: written item retrospectives, searchable and filtered by layer, category, format and outcome. */
export default function CasesPage() {
  const cases = useCases()
  const f = cases.filters
  usePullRefresh(cases.refresh)
  useReachBottom(() => void cases.loadMore())
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void cases.refresh()
    shown.current = true
  })
  const set = (patch: Partial<typeof f>) => cases.setFilters({ ...f, ...patch })

  return (
    <View className='page cases-page'>
      <View className='idea-filters case-filters'>
        <SearchBar className='case-search' shape='round' placeholder='搜索标题、经验或标签' value={f.q} onChange={(q) => set({ q })} onSearch={(q) => set({ q })} onClear={() => set({ q: '' })} />
        <Chips label='结果' keys={OUTCOMES} labels={OUTCOME_LABELS} value={f.outcome} chipClass='outcome-filter' onChange={(outcome) => set({ outcome })} />
        <Chips label='层级' keys={LAYERS} labels={LAYER_LABELS} value={f.layer} chipClass='layer-filter' onChange={(layer) => set({ layer })} />
        <Chips label='类别' keys={CATEGORIES} labels={CATEGORY_LABELS} value={f.category} chipClass='category-filter' onChange={(category) => set({ category })} />
        <Chips label='形式' keys={FORMATS.filter((x) => x !== 'livestream')} labels={FORMAT_LABELS} value={f.format} chipClass='format-filter' onChange={(format) => set({ format })} />
      </View>
      <View className='section'>
        {cases.items ? (
          cases.items.length ? (
            <CaseList cases={cases.items} onOpen={(id) => void Taro.navigateTo({ url: withQuery(ROUTES.retrospective, { id }) })} />
          ) : (
            <EmptyState title='没有符合条件的案例' description='内容发布 7 天后，负责人在待办里写下单条复盘，写好的复盘会出现在这里。' />
          )
        ) : cases.error ? (
          <ErrorState message={errorMessage(cases.error)} onRetry={() => void cases.refresh()} />
        ) : (
          <LoadingState rows={4} />
        )}
        <LoadMore hasMore={cases.hasMore} loading={cases.loading} shown={cases.items?.length ?? 0} onMore={() => void cases.loadMore()} buttonClassName='cases-more' />
      </View>
    </View>
  )
}
