import { TabHome } from '../../components/TabHome'
import { useMeScreen } from '../../hooks/useMeScreen'

export default function LogPage() {
  return (
    <TabHome
      className='log-page'
      {...useMeScreen()}
      empty={{
        title: '还没有填报记录',
        description: '在这里按条目填报视频号助手里的曝光、播放、完播、互动、新增关注等数据，以及直播场次和线索。目前还没有任何填报记录。',
      }}
    />
  )
}
