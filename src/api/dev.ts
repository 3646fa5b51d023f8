import Taro from '@tarojs/taro'
import type { Role } from '../../core/roles'
import { ApiError } from './client'
import { getSessionToken, setSessionToken } from './session'

/**
 * Browser-only sign-in against the local cloud (emulator). Inside WeChat the platform
 * identifies the caller, so nothing here is used by the mini-program.
 */
const API_BASE = process.env.TARO_APP_API_BASE || ''

/** A demo member the local cloud offers to sign in as. */
export interface DevIdentity {
  openid: string
  name: string
  teamName: string | null
  roles: Role[]
}

interface SessionAnswer {
  token: string
  openid: string
}

async function request<T>(method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> {
  let res: Taro.request.SuccessCallbackResult<TaroGeneral.IAnyObject | string>
  try {
    res = await Taro.request({
      url: `${API_BASE}${path}`,
      method,
      data,
      header: { 'content-type': 'application/json' },
      timeout: 15000,
    })
  } catch {
    throw new ApiError('NETWORK', '网络不给力，请检查网络后重试')
  }
  if (res.statusCode >= 200 && res.statusCode < 300) return res.data as T
  const error = (res.data as { error?: { message?: string } } | undefined)?.error
  throw new ApiError('INTERNAL', error?.message || `本地云服务出错（${res.statusCode}）`)
}

export function listDevIdentities(): Promise<DevIdentity[]> {
  return request<DevIdentity[]>('GET', '/api/dev/identities')
}

/** Signs in as an existing demo member and stores the session token. */
export async function signInAs(openid: string): Promise<void> {
  const answer = await request<SessionAnswer>('POST', '/api/session', { openid })
  setSessionToken(answer.token)
}

/** Signs in as a brand-new person who belongs to no team yet. */
export async function signInAsNewUser(): Promise<void> {
  const answer = await request<SessionAnswer>('POST', '/api/session/new', {})
  setSessionToken(answer.token)
}

export function signOut(): void {
  setSessionToken(null)
}

export function hasSession(): boolean {
  return getSessionToken() !== null
}
