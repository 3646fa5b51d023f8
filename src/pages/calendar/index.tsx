import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { weekDays } from '../../../core/time/china'
import { api } from '../../api'
import { CalendarActions, CalendarHeader, MonthTheme } from '../../components/CalendarHeader'
import { DaySheet } from '../../components/DaySheet'
import { MonthGrid, MonthSummary } from '../../components/MonthGrid'
import { ErrorState, LoadingState } from '../../components/PageState'
import { ThemeEditor } from '../../components/ThemeEditor'
import { WeekDays, WeekSummary } from '../../components/WeekBoard'
import { useCalendar } from '../../hooks/useCalendar'
import { ROUTES, withQuery } from '../../routes'
import { useCanPlan } from '../../state/me'
import { monthDay, monthRange, monthTitle, weekLabel } from '../../utils/content'
import { saveCsv, shareCsv } from '../../utils/exportCsv'
import { errorMessage, fieldErrorMap, toastError, toastSuccess } from '../../utils/feedback'
import './index.scss'

export default function CalendarPage() {
  const cal = useCalendar()
  const canPlan = useCanPlan()
  const [themeMonth, setThemeMonth] = useState<string | null>(null)
  const [themeSaving, setThemeSaving] = useState(false)
  const [themeError, setThemeError] = useState<string | undefined>()
  const [exporting, setExporting] = useState(false)

  const openItem = (item: { id: string }) => void Taro.navigateTo({ url: withQuery(ROUTES.itemDetail, { id: item.id }) })
  const createOn = (day: string) => {
    cal.closeDaySheet()
    void Taro.navigateTo({ url: withQuery(ROUTES.itemEditor, { day }) })
  }

  const saveTheme = async (theme: string) => {
    if (!themeMonth || themeSaving) return
    setThemeSaving(true)
    setThemeError(undefined)
    try {
      await api.content.setMonthTheme({ month: themeMonth, theme })
      setThemeMonth(null)
      toastSuccess('主题已保存')
      await cal.monthView.refresh()
    } catch (e) {
      setThemeError(fieldErrorMap(e).theme)
      toastError(e)
    } finally {
      setThemeSaving(false)
    }
  }

  const exportMonth = async () => {
    setExporting(true)
    try {
      const answer = await api.content.exportCsv(monthRange(cal.month))
      const saved = await saveCsv(answer.fileName, answer.csv)
      if (saved.kind === 'download') toastSuccess(`已导出 ${answer.rows} 条`)
      else {
        const { confirm } = await Taro.showModal({
          title: '已导出',
          content: `${answer.rows} 条内容已存为 ${saved.fileName}，可发送到聊天后在电脑上用 Excel 打开。`,
          confirmText: '发送',
          cancelText: '完成',
        })
        if (confirm) shareCsv(saved)
      }
    } catch (e) {
      toastError(e)
    } finally {
      setExporting(false)
    }
  }

  const week = weekDays(cal.weekDay)
  const title = cal.mode === 'month' ? monthTitle(cal.month) : `${monthDay(week[0])} – ${monthDay(week[6])}`
  const query = cal.mode === 'month' ? cal.monthView : cal.weekView

  return (
    <View className='page calendar-page'>
      <CalendarHeader
        mode={cal.mode}
        title={title}
        onPrev={() => cal.step(-1)}
        onNext={() => cal.step(1)}
        onModeChange={cal.changeMode}
        onToday={cal.isCurrent ? undefined : cal.goToday}
      />
      {cal.mode === 'month' && cal.shownMonth ? (
        <MonthTheme theme={cal.shownMonth.theme} canEdit={canPlan} onEdit={() => setThemeMonth(cal.month)} />
      ) : null}
      <CalendarActions
        onOpenIdeas={() => void Taro.navigateTo({ url: ROUTES.ideas })}
        onOpenMeetings={() => void Taro.navigateTo({ url: withQuery(ROUTES.meetings, { kind: 'topic' }) })}
        onExport={cal.mode === 'month' ? () => void exportMonth() : undefined}
        exporting={exporting}
      />
      {cal.mode === 'month' && cal.shownMonth ? (
        <>
          <MonthGrid days={cal.shownMonth.days} today={cal.today} onDayTap={cal.openDaySheet} />
          <MonthSummary view={cal.shownMonth} />
        </>
      ) : cal.mode === 'week' && cal.shownWeek ? (
        <>
          <WeekSummary week={cal.shownWeek} label={cal.isCurrent ? '本周' : weekLabel(cal.shownWeek.week)} />
          <WeekDays days={cal.shownWeek.days} today={cal.today} onDayTap={cal.openDaySheet} onOpenItem={openItem} />
        </>
      ) : query.error ? (
        <ErrorState message={errorMessage(query.error)} onRetry={() => void query.refresh()} />
      ) : (
        <LoadingState rows={6} />
      )}
      <DaySheet
        day={cal.openDay}
        items={cal.shownDayItems}
        error={cal.dayItems.error ? errorMessage(cal.dayItems.error) : null}
        canPlan={canPlan}
        onClose={cal.closeDaySheet}
        onOpenItem={(item) => {
          cal.closeDaySheet()
          openItem(item)
        }}
        onCreate={createOn}
        onRetry={() => void cal.dayItems.refresh()}
      />
      <ThemeEditor
        month={themeMonth}
        theme={cal.shownMonth?.theme ?? ''}
        saving={themeSaving}
        error={themeError}
        onSave={(t) => void saveTheme(t)}
        onClose={() => setThemeMonth(null)}
      />
    </View>
  )
}
