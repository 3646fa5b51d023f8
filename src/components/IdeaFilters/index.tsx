import { Text, View } from '@tarojs/components'
import { SearchBar } from '@nutui/nutui-react-taro'
import { CATEGORIES, CATEGORY_LABELS, SOURCES, SOURCE_LABELS, listIdeasInput, type Category, type Source } from '../../../core/content/schemas'
import { FieldError } from '../fields'
import { useLimit } from '../fields/feedback'
import './index.scss'

export interface IdeaFilterValues {
  q: string
  category?: Category
  source?: Source
}

/** One row of filter chips with 全部 first (the case library's filters use it too). */
export function Chips<T extends string>(props: {
  label: string
  keys: readonly T[]
  labels: Record<T, string>
  value?: T
  chipClass: string
  onChange: (v: T | undefined) => void
}) {
  return (
    <View className='filter-chips'>
      <Text className='filter-chips__label'>{props.label}</Text>
      <View className='filter-chips__list'>
        <Text className={`filter-chip ${props.chipClass}--all ${props.value ? '' : 'filter-chip--active'}`} onClick={() => props.onChange(undefined)}>
          全部
        </Text>
        {props.keys.map((k) => (
          <Text
            key={k}
            className={`filter-chip ${props.chipClass}--${k} ${props.value === k ? 'filter-chip--active' : ''}`}
            onClick={() => props.onChange(k)}
          >
            {props.labels[k]}
          </Text>
        ))}
      </View>
    </View>
  )
}

export interface IdeaFiltersProps {
  value: IdeaFilterValues
  onChange: (value: IdeaFilterValues) => void
}

/** Search by words in the title, and narrow by topic category and where the idea came from. */
export function IdeaFilters({ value, onChange }: IdeaFiltersProps) {
  // Words past the limit stay in the box and are not searched; this says why nothing changes.
  const limit = useLimit(value.q, listIdeasInput.shape.q)
  return (
    <View className='idea-filters'>
      <SearchBar
        className='idea-search'
        shape='round'
        placeholder='搜索选题标题'
        value={value.q}
        onChange={(q) => onChange({ ...value, q })}
        onSearch={(q) => onChange({ ...value, q })}
        onClear={() => onChange({ ...value, q: '' })}
      />
      {limit?.over ? <FieldError message={`${limit.label}最多 ${limit.max} 字，现在超出 ${limit.count - limit.max} 字，请删减后再搜索`} /> : null}
      <Chips label='类别' keys={CATEGORIES} labels={CATEGORY_LABELS} value={value.category} chipClass='category-filter' onChange={(category) => onChange({ ...value, category })} />
      <Chips label='来源' keys={SOURCES} labels={SOURCE_LABELS} value={value.source} chipClass='source-filter' onChange={(source) => onChange({ ...value, source })} />
    </View>
  )
}
