import '../inputs'
import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { ImportPreview } from '../../../core/results/views'
import { api } from '../../api'
import { newRequestId } from '../../api/client'
import { ImportLanded, ImportRows, ImportSummary, type ImportRowView } from '../../components/ImportPreview'
import { DayChips, FieldGroup, SubmitBar } from '../../components/ResultsFields'
import { today } from '../../utils/content'
import { errorMessage, toastError, toastSuccess } from '../../utils/feedback'
import { recentDays } from '../lib/days'
import { ImportFileError, parseExport, type ParsedFile } from './parse'
import { pickExportFile } from './pickFile'
import './index.scss'

interface Loaded {
  fileName: string
  parsed: ParsedFile
  /** Items chosen by hand, by file row. */
  chosen: Record<number, string>
  preview: ImportPreview | null
}

/** The preview's rows (indices into what was sent) and the rows refused on the phone, in file order. */
function rowViews(l: Loaded): ImportRowView[] {
  const sent: ImportRowView[] = (l.preview?.rows ?? []).map((r) => ({
    index: l.parsed.rows[r.index].index,
    title: r.title,
    status: r.status,
    itemTitle: r.itemTitle,
    metrics: r.metrics,
    reasons: r.reasons,
    candidates: r.status === 'refused' ? r.candidates : [],
  }))
  const local: ImportRowView[] = l.parsed.refused.map((r) => ({ ...r, status: 'refused', itemTitle: null, metrics: null, candidates: [] }))
  return [...sent, ...local].sort((a, b) => a.index - b.index)
}

/**
 * 导入数据: choose a data-centre export (CSV or XLSX), see how each row maps to an item and which rows
 * are refused and why; nothing is written until 确认导入, which lands every good row at once or none.
 */
export default function ImportPage() {
  const [date, setDate] = useState(today())
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [busy, setBusy] = useState<'reading' | 'preview' | 'confirm' | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [landed, setLanded] = useState<{ index: number; itemTitle: string; metrics: NonNullable<ImportRowView['metrics']> }[] | null>(null)
  // One requestId per previewed set of rows: a retried 确认导入 of the same rows lands once.
  const confirmId = useRef(newRequestId())

  const preview = async (next: Omit<Loaded, 'preview'>, day: string) => {
    setBusy('preview')
    setProblem(null)
    try {
      const rows = next.parsed.rows.map(({ index, row }) => (next.chosen[index] ? { ...row, itemId: next.chosen[index] } : row))
      const answer = rows.length ? await api.results.importPreview({ date: day, rows }) : null
      confirmId.current = newRequestId()
      setLoaded({ ...next, preview: answer })
    } catch (e) {
      setLoaded({ ...next, preview: null })
      setProblem(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }

  const choose = async () => {
    setProblem(null)
    const file = await pickExportFile().catch(() => null)
    if (!file) return
    setBusy('reading')
    try {
      const parsed = await parseExport(file.name, file.data)
      await preview({ fileName: file.name, parsed, chosen: {} }, date)
    } catch (e) {
      setBusy(null)
      setProblem(e instanceof ImportFileError ? e.message : errorMessage(e))
    }
  }

  const confirm = async () => {
    if (!loaded?.preview || busy) return
    const ok = loaded.preview.rows.filter((r) => r.status === 'ok' && r.itemId && r.metrics)
    setBusy('confirm')
    try {
      await api.results.importConfirm(
        { fileName: loaded.fileName.slice(0, 100), rows: ok.map((r) => ({ itemId: r.itemId!, date: r.date, metrics: r.metrics! })) },
        { requestId: confirmId.current },
      )
      setLanded(ok.map((r) => ({ index: loaded.parsed.rows[r.index].index, itemTitle: r.itemTitle ?? r.title, metrics: r.metrics! })))
      toastSuccess(`已导入 ${ok.length} 行`)
    } catch (e) {
      toastError(e)
      setProblem(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }

  if (landed) {
    return (
      <View className='page import-page'>
        <ImportLanded rows={landed} />
        <SubmitBar className='import-done' text='完成' loading={false} onSubmit={() => void Taro.navigateBack()} />
      </View>
    )
  }

  const rows = loaded ? rowViews(loaded) : []
  const okCount = loaded?.preview?.okCount ?? 0
  return (
    <View className='page import-page'>
      <FieldGroup title='数据日期（导出时数据中心显示的累计数）'>
        <View className='import-page__pad'>
          <DayChips
            className='field-date'
            options={recentDays(new Date())}
            value={date}
            onChange={(d) => {
              setDate(d)
              if (loaded) void preview(loaded, d)
            }}
          />
        </View>
      </FieldGroup>
      <View className='import-page__choose'>
        <Button className='import-choose' block size='large' type='primary' fill={loaded ? 'outline' : 'solid'} loading={busy === 'reading'} onClick={() => void choose()}>
          {loaded ? '换一个文件' : '选择导出文件（CSV / XLSX）'}
        </Button>
        {!loaded ? <Text className='import-page__hint'>视频号助手 → 数据中心 → 作品数据 → 导出。文件里要有“视频标题”“播放量”列，按标题和发表时间对应到日历里的内容。</Text> : null}
      </View>
      {problem ? <Text className='import-page__problem'>{problem}</Text> : null}
      {loaded ? (
        <>
          <ImportSummary fileName={loaded.fileName} date={date} okCount={okCount} refusedCount={rows.length - okCount} />
          <ImportRows
            rows={rows}
            onChoose={(index, itemId) => void preview({ ...loaded, chosen: { ...loaded.chosen, [index]: itemId } }, date)}
          />
          <SubmitBar
            className='import-confirm'
            text={okCount ? `确认导入 ${okCount} 行` : '没有可导入的行'}
            hint={rows.length - okCount ? '不能导入的行不会写入，可改好文件后再导入' : undefined}
            loading={busy === 'confirm' || busy === 'preview'}
            onSubmit={() => (okCount ? void confirm() : undefined)}
          />
        </>
      ) : null}
    </View>
  )
}
