import { TabHome } from '../../components/TabHome'
import { useMeScreen } from '../../hooks/useMeScreen'

export default function ApprovalsPage() {
  return (
    <TabHome
      className='approvals-page'
      {...useMeScreen()}
      empty={{
        title: '暂无待审核的内容',
        description: '选题、脚本、拍摄、剪辑、终审各环节提交的版本会出现在这里，等你通过或提出修改意见。目前还没有提交审核的内容。',
      }}
    />
  )
}
