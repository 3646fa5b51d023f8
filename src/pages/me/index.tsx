import { useRef } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Cell } from '@nutui/nutui-react-taro'
import { ArrowRight } from '@nutui/icons-react-taro'
import { signOut } from '../../api/dev'
import { MeHeader } from '../../components/MeHeader'
import { useApiQuery } from '../../hooks/useApiQuery'
import { useMeScreen } from '../../hooks/useMeScreen'
import { api } from '../../api'
import { ROUTES } from '../../routes'
import { useIsAdmin, useMe } from '../../state/me'
import { manifest } from '../../../core/api/manifest'
import { allows } from '../../../core/roles'
import { palette } from '../../styles/palette'
import './index.scss'

export default function MePage() {
  const screen = useMeScreen()
  const { me, setMe } = useMe()
  const isAdmin = useIsAdmin()
  const arrow = <ArrowRight size={12} color={palette.textFaint} />
  const open = (url: string) => () => void Taro.navigateTo({ url })
  // The open count beside 我的待办, fresh each time the tab shows (a task may have been done meanwhile).
  const tasks = useApiQuery(() => api.content.myTasks({}), [])
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void tasks.refresh()
    shown.current = true
  })
  const openCount = tasks.data?.openCount
  const overdue = tasks.data?.overdueCount ?? 0
  const roles = me?.member?.roles
  // 经营管理 (issue 13): one row per steering screen, each shown to whom its function answers; field staff see none.
  const steeringRows = [
    allows(manifest.steering.risks.access, roles) ? (
      <Cell key='risks' className='entry-risks' title='风险雷达' description='风险分级、热力图与复查提醒' clickable extra={arrow} align='center' onClick={open(ROUTES.risks)} />
    ) : null,
    allows(manifest.steering.budget.access, roles) ? (
      <Cell key='budget' className='entry-budget' title='预算' description='年度预算、实际花费、单位成本与 ROI' clickable extra={arrow} align='center' onClick={open(ROUTES.budget)} />
    ) : null,
    allows(manifest.steering.phasePlan.access, roles) ? (
      <Cell key='phases' className='entry-phases' title='阶段计划' description='四个阶段的里程碑、进度与团队配置' clickable extra={arrow} align='center' onClick={open(ROUTES.phases)} />
    ) : null,
  ].filter(Boolean)
  const switchIdentity = () => {
    signOut()
    setMe(null)
    void Taro.reLaunch({ url: ROUTES.login })
  }

  return (
    <View className='page me-page'>
      <MeHeader {...screen} />
      <View className='section'>
        <Cell.Group>
          <Cell
            className='entry-tasks'
            title='我的待办'
            description={openCount === undefined ? '会议决议、单条复盘' : openCount ? `${openCount} 项未完成${overdue ? `，${overdue} 项已逾期` : ''}` : '没有未完成的待办'}
            clickable
            extra={arrow}
            align='center'
            onClick={open(ROUTES.tasks)}
          />
          <Cell className='entry-meetings' title='会议' description='选题会、策划会、制作会、复盘会' clickable extra={arrow} align='center' onClick={open(ROUTES.meetings)} />
          <Cell className='entry-cases' title='案例库' description='写好的单条复盘，按层级、类别、结果查找' clickable extra={arrow} align='center' onClick={open(ROUTES.cases)} />
        </Cell.Group>
      </View>
      {steeringRows.length ? (
        <View className='section section-steering steering-entries'>
          <Cell.Group title='经营管理' className='steering-group'>
            {steeringRows}
          </Cell.Group>
        </View>
      ) : null}
      <View className='section'>
        <Cell.Group>
          <Cell className='entry-profile' title='编辑资料' description='姓名、所在部门' clickable extra={arrow} align='center' onClick={open(ROUTES.profile)} />
          <Cell className='entry-members' title='成员管理' description='查看成员，管理员可修改角色' clickable extra={arrow} align='center' onClick={open(ROUTES.members)} />
          {/* Only admins may create invites (team.createInvite); others are not offered what would be refused. */}
          {isAdmin ? (
            <Cell className='entry-invite' title='邀请成员' description='生成邀请码，让同事加入团队' clickable extra={arrow} align='center' onClick={open(ROUTES.invite)} />
          ) : null}
          {isAdmin ? (
            <Cell className='entry-audit' title='审计日志' description='谁在什么时候改了什么' clickable extra={arrow} align='center' onClick={open(ROUTES.audit)} />
          ) : null}
          {isAdmin ? (
            <Cell className='entry-export' title='导出团队数据' description='全部记录导出为文件，用于存档或迁移' clickable extra={arrow} align='center' onClick={open(ROUTES.teamExport)} />
          ) : null}
        </Cell.Group>
      </View>
      <View className='section'>
        <Cell.Group>
          <Cell className='entry-notifications' title='通知' description='审核、预警与专项分析、目标设定和补录数据的提醒' clickable extra={arrow} align='center' onClick={open(ROUTES.notifications)} />
          {isAdmin ? (
            <Cell className='entry-flows' title='评审流程设置' description='各形式的审核关卡、审核人和时限' clickable extra={arrow} align='center' onClick={open(ROUTES.flows)} />
          ) : null}
        </Cell.Group>
      </View>
      {process.env.TARO_ENV === 'h5' ? (
        <View className='section'>
          <Cell.Group>
            <Cell className='entry-switch-identity' title='切换身份 / 退出登录' clickable extra={arrow} align='center' onClick={switchIdentity} />
          </Cell.Group>
        </View>
      ) : null}
    </View>
  )
}
