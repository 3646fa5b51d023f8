import Taro from '@tarojs/taro'

/** A file in cloud storage as an action answers it: its fileID and a temporary address. */
export interface StoredFile {
  fileID: string
  tempFileURL: string
  fileName: string
}

/**
 * H5: the browser downloads the file from its temporary address (same origin on the local cloud,
 * so `download` names it; a cross-origin CloudBase address opens it in a new tab instead).
 */
export function downloadInBrowser(file: StoredFile): void {
  const a = document.createElement('a')
  a.href = file.tempFileURL
  a.download = file.fileName
  a.target = '_blank'
  a.rel = 'noopener'
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
}

/**
 * Mini-program: fetches the file through wx.cloud (no download-domain allow-list needed, unlike
 * Taro.downloadFile of the https address) and sends it to a chat, from where a PC WeChat saves it.
 * Taro.openDocument is no use here: it opens only Office files and PDFs, not JSON lines.
 */
export async function sendToChat(file: StoredFile): Promise<void> {
  const { tempFilePath } = await Taro.cloud.downloadFile({ fileID: file.fileID })
  await Taro.shareFileMessage({ filePath: tempFilePath, fileName: file.fileName })
}
