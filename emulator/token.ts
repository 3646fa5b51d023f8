/**
 * Session tokens of the local cloud (H5 only; in WeChat the platform itself vouches for the OPENID):
 * base64url(JSON {openid, iat}) + "." + base64url(HMAC-SHA256(payload, secret)), valid 30 days.
 */
import { createHmac, timingSafeEqual } from 'crypto'

export const TOKEN_TTL_MS = 30 * 24 * 3600 * 1000
export const OPENID_PATTERN = /^[A-Za-z0-9_-]{6,64}$/

const mac = (payload: string, secret: string) => createHmac('sha256', secret).update(payload).digest('base64url')

export function signToken(openid: string, secret: string, now: Date = new Date()): string {
  const payload = Buffer.from(JSON.stringify({ openid, iat: now.getTime() })).toString('base64url')
  return `${payload}.${mac(payload, secret)}`
}

/** The token's openid, or undefined when it is malformed, forged or expired. */
export function verifyToken(token: string | undefined, secret: string, now: Date = new Date()): string | undefined {
  if (!token) return undefined
  const [payload, sig, extra] = token.split('.')
  if (!payload || !sig || extra !== undefined) return undefined
  const expected = Buffer.from(mac(payload, secret))
  const given = Buffer.from(sig)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined
  try {
    const body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { openid?: unknown; iat?: unknown }
    if (typeof body.openid !== 'string' || !OPENID_PATTERN.test(body.openid) || typeof body.iat !== 'number') return undefined
    const age = now.getTime() - body.iat
    if (age < -60_000 || age > TOKEN_TTL_MS) return undefined
    return body.openid
  } catch {
    return undefined
  }
}
