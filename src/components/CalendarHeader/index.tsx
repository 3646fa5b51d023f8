import { Text, View } from '@tarojs/components'
import { ArrowLeft, ArrowRight, Edit } from '@nutui/icons-react-taro'
import { palette } from '../../styles/palette'
import './index.scss'

export type CalendarMode = 'month' | 'week'

export interface CalendarHeaderProps {
  mode: CalendarMode
  /** '2026年11月' or '11月23日 – 11月29日'. */
  title: string
  onPrev: () => void
  onNext: () => void
  onModeChange: (mode: CalendarMode) => void
  /** Shown when the period shown is not the current one. */
  onToday?: () => void
}

/** Period switcher (‹ 2026年11月 ›) and the 月/周 toggle. */
export function CalendarHeader(props: CalendarHeaderProps) {
  return (
    <View className='calendar-header'>
      <View className='calendar-header__switch'>
        <View className='calendar-prev calendar-header__arrow' onClick={props.onPrev}>
          <ArrowLeft size={14} color={palette.textBody} />
        </View>
        <Text className='calendar-title'>{props.title}</Text>
        <View className='calendar-next calendar-header__arrow' onClick={props.onNext}>
          <ArrowRight size={14} color={palette.textBody} />
        </View>
        {props.onToday ? (
          <Text className='calendar-today' onClick={props.onToday}>
            今天
          </Text>
        ) : null}
      </View>
      <View className='mode-toggle'>
        {(['month', 'week'] as const).map((m) => (
          <Text
            key={m}
            className={`mode-toggle__option mode-toggle--${m} ${props.mode === m ? 'mode-toggle__option--active' : ''}`}
            onClick={() => props.onModeChange(m)}
          >
            {m === 'month' ? '月' : '周'}
          </Text>
        ))}
      </View>
    </View>
  )
}

export interface MonthThemeProps {
  theme: string
  canEdit: boolean
  onEdit: () => void
}

/** The month's theme; planners tap it to change it, others only read it. */
export function MonthTheme({ theme, canEdit, onEdit }: MonthThemeProps) {
  if (!theme && !canEdit) return null
  return (
    <View className={`month-theme ${canEdit ? 'month-theme--editable' : ''}`} onClick={canEdit ? onEdit : undefined}>
      <Text className='month-theme__label'>本月主题</Text>
      <Text className={`month-theme__text ${theme ? '' : 'month-theme__text--empty'}`}>{theme || '点此设置本月主题'}</Text>
      {canEdit ? <Edit className='month-theme__edit' size={14} color={palette.white} /> : null}
    </View>
  )
}

export interface CalendarActionsProps {
  onOpenIdeas: () => void
  /** The 选题会 list (meetings of kind topic), where ideas go onto the calendar together. */
  onOpenMeetings?: () => void
  /** Month view only: the export covers the month on screen. */
  onExport?: () => void
  exporting?: boolean
}

/** Links out of the calendar: the topic library, 选题会 and the month's CSV export. */
export function CalendarActions(props: CalendarActionsProps) {
  return (
    <View className='calendar-actions'>
      <Text className='calendar-action calendar-open-ideas' onClick={props.onOpenIdeas}>
        选题库
      </Text>
      {props.onOpenMeetings ? (
        <Text className='calendar-action calendar-open-meetings' onClick={props.onOpenMeetings}>
          选题会
        </Text>
      ) : null}
      {props.onExport ? (
        <Text
          className={`calendar-action calendar-export ${props.exporting ? 'calendar-action--busy' : ''}`}
          onClick={props.exporting ? undefined : props.onExport}
        >
          {props.exporting ? '导出中…' : '导出本月'}
        </Text>
      ) : null}
    </View>
  )
}
