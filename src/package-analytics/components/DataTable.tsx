import { Text, View } from '@tarojs/components'
import './DataTable.scss'

export interface DataTableProps {
  columns: string[]
  rows: { key: string; cells: string[] }[]
  className?: string
  /** Said when there are no rows. */
  empty?: string
}

/** The numbers behind a chart as a plain table: readable without the chart. */
export function DataTable(props: DataTableProps) {
  return (
    <View className={`data-table ${props.className ?? ''}`}>
      <View className='data-table__row data-table__row--head'>
        {props.columns.map((c) => (
          <Text key={c} className='data-table__cell'>
            {c}
          </Text>
        ))}
      </View>
      {props.rows.length ? (
        props.rows.map((r) => (
          <View key={r.key} className={`data-table__row data-table__row--${r.key}`}>
            {r.cells.map((c, i) => (
              <Text key={i} className='data-table__cell'>
                {c}
              </Text>
            ))}
          </View>
        ))
      ) : (
        <Text className='data-table__empty'>{props.empty ?? '暂无数据'}</Text>
      )}
    </View>
  )
}
