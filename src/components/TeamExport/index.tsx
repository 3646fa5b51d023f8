import { Text, View } from '@tarojs/components'
import { Button, Cell } from '@nutui/nutui-react-taro'
import { formatBytes, formatCount } from '../../../core/format'
import type { TeamExport } from '../../../core/team/export'
import { formatDateTime } from '../../utils/labels'
import './index.scss'

export interface TeamExportStarterProps {
  onStart: () => void
  running: boolean
}

/** What the export holds and leaves out, and the button that starts it. */
export function TeamExportStarter(props: TeamExportStarterProps) {
  return (
    <View className='team-export'>
      <Text className='team-export__title'>导出团队数据</Text>
      <Text className='team-export__note'>
        把团队的全部记录（成员、内容、评审、填报、看板与审计日志）导出为一个 JSON Lines 文件，每行一条记录，可用于存档或迁移。
      </Text>
      <Text className='team-export__note'>成员的微信身份标识不会导出，仍可使用的邀请码只保留前两位。</Text>
      <Button className='team-export-start' block type='primary' loading={props.running} disabled={props.running} onClick={props.onStart}>
        {props.running ? '正在导出…' : '开始导出'}
      </Button>
    </View>
  )
}

export interface TeamExportResultProps {
  result: TeamExport
  /** H5: the browser downloads the file. */
  onDownload?: () => void
  /** Mini-program: the file is sent to a chat. */
  onSend?: () => void
  onCopyLink: () => void
}

/** A finished export: how many records of each kind, its size, and how to take the file. */
export function TeamExportResult({ result, onDownload, onSend, onCopyLink }: TeamExportResultProps) {
  const total = result.collections.reduce((sum, c) => sum + c.count, 0)
  return (
    <View className='team-export-result'>
      <Text className='team-export-result__summary'>
        已导出 {formatCount(total)} 条记录 · {formatBytes(result.bytes)}
      </Text>
      <Text className='team-export-result__meta'>导出时间 {formatDateTime(result.exportedAt)}</Text>
      <View className='team-export-result__actions'>
        {onDownload ? (
          <Button className='team-export-download' type='primary' onClick={onDownload}>
            下载
          </Button>
        ) : null}
        {onSend ? (
          <Button className='team-export-send' type='primary' onClick={onSend}>
            发送到聊天
          </Button>
        ) : null}
        <Button className='team-export-copy' type='primary' fill='outline' onClick={onCopyLink}>
          复制下载链接
        </Button>
      </View>
      <Cell.Group className='team-export-counts'>
        {result.collections.map((c) => (
          <Cell key={c.collection} className={`team-export-count team-export-count--${c.collection}`} title={c.label} extra={`${formatCount(c.count)} 条`} />
        ))}
      </Cell.Group>
    </View>
  )
}
