import { TabHome } from '../../components/TabHome'
import { useMeScreen } from '../../hooks/useMeScreen'

export default function DashboardPage() {
  return (
    <TabHome
      className='dashboard-page'
      {...useMeScreen()}
      empty={{
        title: '还没有可展示的指标',
        description: '团队填报播放、完播、互动和关注数据后，这里会显示 KPI 指标卡与红黄绿灯、转化漏斗和粉丝增长。目前还没有任何数据。',
      }}
    />
  )
}
