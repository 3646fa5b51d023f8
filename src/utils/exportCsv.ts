import Taro from '@tarojs/taro'

/** Where the file went: downloaded by the browser, or saved in the mini-program's user folder. */
export type SavedCsv = { kind: 'download'; fileName: string } | { kind: 'file'; fileName: string; path: string }

/**
 * Hands a CSV the content function produced (it already starts with a UTF-8 BOM) to the person.
 * H5: a Blob behind a temporary `<a download>`. Mini-program: a file in `wx.env.USER_DATA_PATH`
 * that can be sent to a chat (a phone has no downloads folder; a PC WeChat opens it in Excel).
 */
export async function saveCsv(fileName: string, csv: string): Promise<SavedCsv> {
  if (process.env.TARO_ENV === 'weapp') return saveInMiniProgram(fileName, csv)
  downloadInBrowser(fileName, csv)
  return { kind: 'download', fileName }
}

function downloadInBrowser(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

async function saveInMiniProgram(fileName: string, csv: string): Promise<SavedCsv> {
  const path = `${Taro.env.USER_DATA_PATH}/${fileName}`
  await new Promise<void>((resolve, reject) =>
    Taro.getFileSystemManager().writeFile({ filePath: path, data: csv, encoding: 'utf8', success: () => resolve(), fail: reject }),
  )
  return { kind: 'file', fileName, path }
}

/** Mini-program only: sends the saved file to a chat; must run inside a tap. */
export function shareCsv(saved: SavedCsv): void {
  if (process.env.TARO_ENV !== 'weapp' || saved.kind !== 'file') return
  void Taro.shareFileMessage({ filePath: saved.path, fileName: saved.fileName }).catch(() => undefined)
}
