import '../inputs'
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { TeamExport } from '../../../core/team/export'
import { api } from '../../api'
import { EmptyState } from '../../components/PageState'
import { TeamExportResult, TeamExportStarter } from '../../components/TeamExport'
import { useIsAdmin } from '../../state/me'
import { downloadInBrowser, sendToChat } from '../../utils/download'
import { toastError, toastSuccess } from '../../utils/feedback'

/** 我的 → 导出团队数据: an admin takes every record of the team out as one JSON Lines file. */
export default function TeamExportPage() {
  const isAdmin = useIsAdmin()
  const [running, setRunning] = useState(false)
  const [result, setResult] = useState<TeamExport | null>(null)

  const start = async () => {
    if (running) return
    setRunning(true)
    try {
      setResult(await api.team.exportTeamData())
      toastSuccess('导出完成')
    } catch (e) {
      toastError(e)
    } finally {
      setRunning(false)
    }
  }

  const send = async (file: TeamExport) => {
    try {
      await sendToChat(file)
    } catch (e) {
      toastError(e)
    }
  }

  if (!isAdmin) {
    return (
      <View className='page team-export-page'>
        <EmptyState className='team-export-denied' title='只有管理员可以导出团队数据' description='如需存档，请联系团队管理员。' />
      </View>
    )
  }
  const weapp = process.env.TARO_ENV === 'weapp'
  return (
    <View className='page team-export-page'>
      <TeamExportStarter running={running} onStart={() => void start()} />
      {result ? (
        <TeamExportResult
          result={result}
          onDownload={weapp ? undefined : () => downloadInBrowser(result)}
          onSend={weapp ? () => void send(result) : undefined}
          onCopyLink={() => void Taro.setClipboardData({ data: absoluteUrl(result.tempFileURL) })}
        />
      ) : null}
    </View>
  )
}

/** The local cloud answers a path on its own origin; a copied link must work pasted elsewhere. */
function absoluteUrl(url: string): string {
  return url.startsWith('/') && typeof location !== 'undefined' ? `${location.origin}${url}` : url
}
