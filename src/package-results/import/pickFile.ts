import Taro from '@tarojs/taro'

export interface PickedFile {
  name: string
  data: ArrayBuffer
}

/**
 * Lets the person choose an export file: in the browser a file input; in WeChat a file from a chat
 * (chooseMessageFile — exports reach phones as files sent to oneself). Resolves null when cancelled.
 */
export function pickExportFile(): Promise<PickedFile | null> {
  return process.env.TARO_ENV === 'h5' ? pickInBrowser() : pickInWeChat()
}

function pickInBrowser(): Promise<PickedFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    input.style.display = 'none'
    input.onchange = () => {
      const file = input.files?.[0]
      input.remove()
      if (!file) return resolve(null)
      file.arrayBuffer().then((data) => resolve({ name: file.name, data }), reject)
    }
    document.body.appendChild(input)
    input.click()
  })
}

async function pickInWeChat(): Promise<PickedFile | null> {
  let picked: Taro.chooseMessageFile.SuccessCallbackResult
  try {
    picked = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv', 'xlsx'] })
  } catch {
    return null // cancelled
  }
  const file = picked.tempFiles[0]
  if (!file) return null
  const data = await new Promise<ArrayBuffer>((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath: file.path,
      success: (r) => resolve(r.data as ArrayBuffer),
      fail: (e) => reject(new Error(e.errMsg)),
    })
  })
  return { name: file.name, data }
}
