import Taro from '@tarojs/taro'

const TOKEN_KEY = 'channels_ops_session'

/** H5 only: the local cloud's signed session token (the mini-program is identified by the platform). */
export function getSessionToken(): string | null {
  try {
    return (Taro.getStorageSync(TOKEN_KEY) as string) || null
  } catch {
    return null
  }
}

export function setSessionToken(token: string | null): void {
  if (token) Taro.setStorageSync(TOKEN_KEY, token)
  else Taro.removeStorageSync(TOKEN_KEY)
}
