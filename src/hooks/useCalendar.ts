import { useCallback, useRef, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import type { DayKey } from '../../core/time/china'
import { addDays, weekDays } from '../../core/time/china'
import { api } from '../api'
import type { CalendarMode } from '../components/CalendarHeader'
import { monthOf, shiftMonth, today as todayKey } from '../utils/content'
import { useApiQuery } from './useApiQuery'
import { usePullRefresh } from './usePullRefresh'

/**
 * The calendar tab's state: which month or week is on screen, its summary from the content
 * function (one call per view), and the day whose sheet is open. Refreshes on pull-down and
 * when the tab shows again (after an edit in the sub-package pages).
 */
export function useCalendar(now: Date = new Date()) {
  const today = todayKey(now)
  const [mode, setMode] = useState<CalendarMode>('month')
  const [month, setMonth] = useState(() => monthOf(now))
  const [weekDay, setWeekDay] = useState<DayKey>(today)
  const [openDay, setOpenDay] = useState<DayKey | null>(null)

  const monthView = useApiQuery(() => api.content.monthView({ month }), [month], { enabled: mode === 'month' })
  const weekView = useApiQuery(() => api.content.weekView({ day: weekDay }), [weekDay], { enabled: mode === 'week' })
  const dayItems = useApiQuery(
    () => {
      const day = openDay ?? today
      return api.content.dayItems({ day }).then((items) => ({ day, items }))
    },
    [openDay],
    { enabled: openDay !== null },
  )

  const current = mode === 'month' ? monthView : weekView
  const refresh = useCallback(async () => {
    await Promise.all([current.refresh(), openDay ? dayItems.refresh() : undefined])
  }, [current, dayItems, openDay])
  usePullRefresh(refresh)

  // The first show is the first load; later shows follow a visit to the editor or an item.
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void refresh()
    shown.current = true
  })

  const step = (n: number) => {
    if (mode === 'month') setMonth((m) => shiftMonth(m, n))
    else setWeekDay((d) => addDays(d, 7 * n))
  }

  const changeMode = (next: CalendarMode) => {
    if (next === mode) return
    // Keep the period in view: a month opens its first week (or this week), a week opens its month.
    if (next === 'week') setWeekDay(month === monthOf(now) ? today : `${month}-01`)
    else setMonth(weekDays(weekDay)[3].slice(0, 7))
    setMode(next)
  }

  const goToday = () => {
    setMonth(monthOf(now))
    setWeekDay(today)
  }

  const isCurrent = mode === 'month' ? month === monthOf(now) : weekDays(weekDay).includes(today)

  // useApiQuery keeps the last answer while the next loads: never show one period under another's title.
  const shownMonth = monthView.data?.month === month ? monthView.data : undefined
  const shownWeek = weekView.data?.days[0]?.day === weekDays(weekDay)[0] ? weekView.data : undefined
  const shownDayItems = dayItems.data && dayItems.data.day === openDay ? dayItems.data.items : undefined

  return {
    today,
    shownMonth,
    shownWeek,
    shownDayItems,
    mode,
    month,
    weekDay,
    monthView,
    weekView,
    openDay,
    dayItems,
    isCurrent,
    refresh,
    step,
    changeMode,
    goToday,
    openDaySheet: setOpenDay,
    closeDaySheet: () => setOpenDay(null),
  }
}
