import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Canvas, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { manifest } from '../../../core/api/manifest'
import { allows } from '../../../core/roles'
import type { ReportView } from '../../../core/reports/schemas'
import { shareFileName, shareImage, type DrawOp, type ShareColors, type ShareImage } from '../../../core/reports/share'
import { api } from '../../api'
import { useMe } from '../../state/me'
import { palette } from '../../styles/palette'
import { downloadInBrowser } from '../../utils/download'
import { toastError } from '../../utils/feedback'

const COLORS: ShareColors = {
  page: palette.bgPage,
  card: palette.white,
  title: '#1d2129',
  body: palette.textBody,
  help: palette.textHelp,
  brand: palette.brand,
  line: palette.borderLine,
  light: { green: palette.lightGreen, yellow: palette.lightYellow, red: palette.lightRed, none: palette.textFaint },
}

const CANVAS_ID = 'report-share-canvas'
const weapp = process.env.TARO_ENV === 'weapp'

interface Ctx2D {
  fillStyle: string
  font: string
  textAlign: string
  textBaseline: string
  fillRect(x: number, y: number, w: number, h: number): void
  fillText(s: string, x: number, y: number): void
  beginPath(): void
  arc(x: number, y: number, r: number, a0: number, a1: number): void
  fill(): void
  scale(x: number, y: number): void
}
interface CanvasNode {
  width: number
  height: number
  getContext(kind: '2d'): Ctx2D
}

/** Paints the draw list (core/reports/share.ts); the picture's words and numbers are all in it. */
function paint(ctx: Ctx2D, img: ShareImage): void {
  ctx.textBaseline = 'alphabetic'
  for (const o of img.ops as DrawOp[]) {
    ctx.fillStyle = o.color
    if (o.op === 'rect') ctx.fillRect(o.x, o.y, o.w, o.h)
    else if (o.op === 'dot') {
      ctx.beginPath()
      ctx.arc(o.x, o.y, o.r, 0, Math.PI * 2)
      ctx.fill()
    } else {
      ctx.font = `${o.bold ? 'bold ' : ''}${o.size}px sans-serif`
      ctx.textAlign = o.align ?? 'left'
      ctx.fillText(o.text, o.x, o.y)
    }
  }
}

/** The hidden canvas of the page, sized for the picture (the mini-program draws only on a canvas it has laid out). */
function canvasNode(): Promise<CanvasNode | null> {
  if (!weapp) return Promise.resolve(document.createElement('canvas') as unknown as CanvasNode)
  return new Promise((resolve) =>
    Taro.createSelectorQuery()
      .select(`#${CANVAS_ID}`)
      .fields({ node: true, size: true })
      .exec((res: { node?: CanvasNode }[]) => resolve(res?.[0]?.node ?? null)),
  )
}

/**
 * 分享图片 and 导出表格 under a report. The picture: in WeChat painted on a Canvas 2D, saved to a temp
 * file and offered through the share-image menu (send to a chat, save to the album); in the browser a
 * PNG download. The table: an .xlsx the function writes (staff only), opened in WeChat's document
 * viewer (which can forward it) or downloaded in the browser.
 */
export function ShareBar({ r }: { r: ReportView }) {
  const { me } = useMe()
  const canExport = allows(manifest.analytics.exportReport.access, me?.member?.roles)
  const [busy, setBusy] = useState<'image' | 'table' | null>(null)
  const img = shareImage(r, COLORS)

  const shareAsImage = async () => {
    setBusy('image')
    try {
      const canvas = await canvasNode()
      if (!canvas) throw new Error('画布未就绪，请稍后再试')
      // 750 design pixels: already twice a phone's points, sharp enough for a chat.
      canvas.width = img.width
      canvas.height = img.height
      paint(canvas.getContext('2d'), img)
      if (!weapp) {
        const url = (canvas as unknown as HTMLCanvasElement).toDataURL('image/png')
        downloadInBrowser({ fileID: '', tempFileURL: url, fileName: shareFileName(r, 'png') })
        return
      }
      const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: canvas as never, fileType: 'png' } as never)
      await Taro.showShareImageMenu({ path: tempFilePath })
    } catch (e) {
      // Closing the share menu is not an error.
      if (!/cancel/i.test(String((e as { errMsg?: string })?.errMsg ?? ''))) toastError(e)
    } finally {
      setBusy(null)
    }
  }

  const exportTable = async () => {
    setBusy('table')
    try {
      const file = await api.analytics.exportReport({ id: r.id })
      if (!weapp) return downloadInBrowser(file)
      const { tempFilePath } = await Taro.cloud.downloadFile({ fileID: file.fileID })
      await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true } as never)
    } catch (e) {
      toastError(e)
    } finally {
      setBusy(null)
    }
  }

  return (
    <View className='report-share'>
      <Button className='report-share__image' size='small' loading={busy === 'image'} disabled={busy !== null} onClick={() => void shareAsImage()}>
        分享图片
      </Button>
      {canExport ? (
        <Button className='report-share__table' size='small' loading={busy === 'table'} disabled={busy !== null} onClick={() => void exportTable()}>
          导出表格
        </Button>
      ) : null}
      {weapp ? <Canvas type='2d' id={CANVAS_ID} canvasId={CANVAS_ID} className='report-share__canvas' style={{ width: `${img.width / 2}px`, height: `${img.height / 2}px` }} /> : null}
    </View>
  )
}
