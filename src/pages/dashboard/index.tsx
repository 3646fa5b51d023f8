import { TabHome } from '../../components/TabHome'
import { useMeScreen } from '../../hooks/useMeScreen'

export default function DashboardPage() {
  return (
    <TabHome
      className='dashboard-page'
      {...useMeScreen()}
      empty={{
        title: '看板即将上线',
        description: 'KPI 指标卡与红黄绿灯、转化漏斗和粉丝增长将显示在这里，由「填报」里已记录的数据每日汇总而来。在此之前，可以在「填报」查看和记录数据。',
      }}
    />
  )
}
