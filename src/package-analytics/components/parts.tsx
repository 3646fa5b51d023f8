import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { rangeFromQuery, type RangeChoice } from '../../utils/analytics'
import './common.scss'

/** The range a page opened on (from the dashboard's query), switchable on the page. */
export function useRangeParam(): [RangeChoice, (r: RangeChoice) => void] {
  const { params } = useRouter()
  return useState<RangeChoice>(() => rangeFromQuery(params))
}

/** One number with its label (and an optional hint under it). */
export function Stat(props: { label: string; value: string; hint?: string; className?: string }) {
  return (
    <View className={`stat ${props.className ?? ''}`}>
      <Text className='stat__label'>{props.label}</Text>
      <Text className='stat__value'>{props.value}</Text>
      {props.hint ? <Text className='stat__hint'>{props.hint}</Text> : null}
    </View>
  )
}

export interface ChipOption {
  value: string
  label: string
}

/** One filter as chips, with 全部 first. */
export function FilterChips(props: { name: string; title: string; options: ChipOption[]; value?: string; onChange: (v: string | undefined) => void }) {
  const all: ChipOption[] = [{ value: '', label: '全部' }, ...props.options]
  return (
    <View className={`filter filter--${props.name}`}>
      <Text className='filter__title'>{props.title}</Text>
      <View className='chips'>
        {all.map((o) => (
          <View
            key={o.value || 'all'}
            className={`chip filter-chip filter-chip--${o.value || 'all'} ${(props.value ?? '') === o.value ? 'chip--active' : ''}`}
            onClick={() => props.onChange(o.value || undefined)}
          >
            <Text>{o.label}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
