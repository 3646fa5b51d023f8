import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import ImportPage from '../../src/package-results/import'
import { setApiTransport } from '../../src/api'
import type { ImportRow } from '../../core/results/schemas'
import type { PreviewRow } from '../../core/results/views'
import { fakeCloud } from './fake-cloud'
import { ITEM, PUBLISHED, TODAY } from './results-fixtures'
import { resetTaroMock, taroCalls } from './taro-mock'

jest.mock('../../src/package-results/import/pickFile', () => ({ pickExportFile: jest.fn() }))
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { pickExportFile } = require('../../src/package-results/import/pickFile') as { pickExportFile: jest.Mock }

const CSV = [
  '视频标题,发表时间,播放量,点赞,评论,分享,关注,完播率,平均播放时长',
  `${ITEM.title},${PUBLISHED} 20:00,"1,800",60,12,8,5,35%,1分05秒`,
  '不存在的视频,2026/01/01 10:00,900,1,0,0,0,20%,30',
  '坏数据,2026/01/01 10:00,1000,2,0,0,0,150%,30',
].join('\n')

function fileOf(text: string, name = '作品数据.csv') {
  return { name, data: Uint8Array.from(Buffer.from(`\uFEFF${text}`, 'utf8')).buffer }
}

/** The function's preview: the first row matches, the second finds no item. */
function previewOf(data: { date: string; rows: ImportRow[] }) {
  const rows: PreviewRow[] = data.rows.map((r, index) =>
    r.title === ITEM.title || r.itemId
      ? { index, title: r.title, status: 'ok', itemId: ITEM.id, itemTitle: ITEM.title, date: data.date, metrics: { plays: r.plays!, likes: r.likes }, reasons: [], candidates: [] }
      : { index, title: r.title, status: 'refused', itemId: null, itemTitle: null, date: data.date, metrics: { plays: r.plays! }, reasons: ['没有找到标题和发表日期都相同的已发布内容'], candidates: [{ id: ITEM.id, title: ITEM.title, publishedDay: PUBLISHED }] },
  )
  const okCount = rows.filter((r) => r.status === 'ok').length
  return { data: { date: data.date, rows, okCount, refusedCount: rows.length - okCount } }
}

describe('导入数据', () => {
  beforeEach(() => resetTaroMock())
  afterEach(() => setApiTransport(null))

  it('shows refused rows with their reasons and writes nothing until 确认导入', async () => {
    pickExportFile.mockResolvedValue(fileOf(CSV))
    const cloud = fakeCloud({
      'results.importPreview': (d) => previewOf(d as never),
      'results.importConfirm': (d) => ({ data: { importId: 'imp_1', rows: (d as { rows: unknown[] }).rows.length, snapshotIds: ['s1'] } }),
    })
    setApiTransport(cloud.transport)
    const view = render(<ImportPage />)
    await act(async () => {
      fireEvent.click(view.container.querySelector('.import-choose')!)
    })
    await screen.findByText('可导入 1 行')
    // Refused by the function (no such item) and on the phone (a rate above 100%).
    expect(view.container.querySelector('.import-row--1')!.textContent).toContain('没有找到标题和发表日期都相同的已发布内容')
    expect(view.container.querySelector('.import-row--2')!.textContent).toContain('完播率：应在 0 到 1 之间')
    expect(view.container.querySelector('.import-row--0')!.textContent).toContain(`→ ${ITEM.title}`)
    // The bad row never left the phone; nothing was written.
    const previewCalls = cloud.calls.filter((c) => c.body.action === 'importPreview')
    expect((previewCalls[0].body.data as { rows: ImportRow[] }).rows.map((r) => r.title)).toEqual([ITEM.title, '不存在的视频'])
    expect((previewCalls[0].body.data as { rows: ImportRow[] }).rows[0]).toMatchObject({ plays: 1800, completionRate: 0.35, avgWatchSeconds: 65 })
    expect(cloud.calls.filter((c) => c.body.action === 'importConfirm')).toHaveLength(0)

    await act(async () => {
      fireEvent.click(view.container.querySelector('.import-confirm')!)
    })
    await screen.findByText('已导入 1 行')
    const confirms = cloud.calls.filter((c) => c.body.action === 'importConfirm')
    expect(confirms).toHaveLength(1)
    expect(confirms[0].body.data).toEqual({ fileName: '作品数据.csv', rows: [{ itemId: ITEM.id, date: TODAY, metrics: { plays: 1800, likes: 60 } }] })
    expect(taroCalls.toasts).toContain('已导入 1 行')
  })

  it('lets a row without a match be pointed at an item by hand', async () => {
    pickExportFile.mockResolvedValue(fileOf(CSV))
    const cloud = fakeCloud({ 'results.importPreview': (d) => previewOf(d as never) })
    setApiTransport(cloud.transport)
    const view = render(<ImportPage />)
    await act(async () => {
      fireEvent.click(view.container.querySelector('.import-choose')!)
    })
    await screen.findByText('可导入 1 行')
    await act(async () => {
      fireEvent.click(view.container.querySelector(`.import-row--1 .import-candidate--${ITEM.id}`)!)
    })
    await waitFor(() => expect(screen.getByText('可导入 2 行')).toBeTruthy())
    const last = cloud.calls.filter((c) => c.body.action === 'importPreview').pop()!
    expect((last.body.data as { rows: ImportRow[] }).rows[1]).toMatchObject({ title: '不存在的视频', itemId: ITEM.id })
  })

  it('says which columns are missing when the file has no header it knows', async () => {
    pickExportFile.mockResolvedValue(fileOf('名称,数量\n一,1'))
    setApiTransport(fakeCloud({}).transport)
    const view = render(<ImportPage />)
    await act(async () => {
      fireEvent.click(view.container.querySelector('.import-choose')!)
    })
    expect(await screen.findByText('没有找到表头：文件里要有“视频标题”和“播放量”两列')).toBeTruthy()
  })
})
