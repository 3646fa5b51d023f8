import { TabHome } from '../../components/TabHome'
import { useMeScreen } from '../../hooks/useMeScreen'

export default function CalendarPage() {
  return (
    <TabHome
      className='calendar-page'
      {...useMeScreen()}
      empty={{
        title: '内容日历还是空的',
        description: '规划的短视频、直播和图文会按月、按周排在这里，并对照每周 5 条的发布节奏。目前还没有排期的内容。',
      }}
    />
  )
}
