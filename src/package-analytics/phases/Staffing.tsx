import { Text, View } from '@tarojs/components'
import type { Staffing } from '../../../core/steering/phases'

/** 团队配置: the plan's range per group against the members in its department (under / within / over). */
export function StaffingCard(props: { staffing: Staffing }) {
  const s = props.staffing
  return (
    <View className='analytics-card staffing'>
      <Text className='analytics-card__title'>团队配置</Text>
      {s.rows.map((r) => (
        <View key={r.group} className={`staffing-row staffing-row--${r.group}`}>
          <View className='staffing-row__main'>
            <Text className='staffing-row__label'>{r.label}</Text>
            <Text className='staffing-row__plan'>{`计划 ${r.min}–${r.max} 人 · 现有 ${r.count} 人`}</Text>
          </View>
          <Text className={`staffing-tag staffing-tag--${r.state}`}>{r.state === 'under' ? `缺 ${r.gap} 人` : r.state === 'over' ? `超 ${-r.gap} 人` : r.stateLabel}</Text>
        </View>
      ))}
      <Text className='staffing__note'>
        {`按成员所在部门统计：内容创作＝市场部，技术支持＝技术部，运营管理＝销售部${s.unassigned ? `；其他部门 ${s.unassigned} 人未计入` : ''}。`}
      </Text>
    </View>
  )
}
