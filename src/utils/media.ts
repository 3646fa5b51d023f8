import Taro from '@tarojs/taro'

/** Whether this build can put images and video into cloud storage (the browser build's local cloud exposes no upload). */
export const CAN_UPLOAD_MEDIA = process.env.TARO_ENV === 'weapp'

const MAX_FILES = 9

/**
 * Mini-program only: lets the member pick photos or videos and uploads each to cloud storage under
 * the item's folder; resolves with the `cloud://` file ids a version refers to. Cancelling resolves with none.
 */
export async function pickAndUploadMedia(itemId: string): Promise<string[]> {
  if (!CAN_UPLOAD_MEDIA) return []
  let picked: Taro.chooseMedia.SuccessCallbackResult
  try {
    picked = await Taro.chooseMedia({ count: MAX_FILES, mediaType: ['image', 'video'], sourceType: ['album', 'camera'] })
  } catch {
    return []
  }
  const stamp = Date.now()
  const uploads = picked.tempFiles.map(async (f, i) => {
    const ext = /\.(\w+)$/.exec(f.tempFilePath)?.[1] ?? (f.fileType === 'video' ? 'mp4' : 'jpg')
    const res = await Taro.cloud.uploadFile({ cloudPath: `review/${itemId}/${stamp}-${i}.${ext}`, filePath: f.tempFilePath })
    return res.fileID
  })
  return Promise.all(uploads)
}
