/**
 * Request checks that come before any routing: which Host and Origin the API answers (DNS rebinding),
 * and percent-decoding that refuses malformed input instead of throwing URIError deep in the router.
 */
import { isIP } from 'net'

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]'])

/** decodeURIComponent that answers 400 on malformed escapes such as `%E0%A4%A` or a lone `%`. */
export function decodePathPart(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    throw new HttpError(400, 'VALIDATION', '路径编码不正确')
  }
}

/** Splits a Host header into name and port; undefined when it is not a plain host[:port]. */
function parseHost(header: string): { name: string; port: string } | undefined {
  const m = /^(\[[0-9a-fA-F:.]+\]|[^[\]:/@\s]+)(?::(\d{1,5}))?$/.exec(header)
  if (!m) return undefined
  return { name: m[1].toLowerCase(), port: m[2] ?? '80' }
}

export interface HostPolicy {
  /** The port the server listens on. */
  port(): number
  /** Bound to a loopback interface (the default): only loopback names are accepted. */
  loopbackBound: boolean
}

/**
 * A page on a rebinding domain (evil.example → 127.0.0.1) shares the loopback socket, so the socket
 * address proves nothing; the Host header still names the attacker's domain. We accept loopback names
 * and, when deliberately bound to a wider interface, IP literals (an IP cannot be rebound) — always with
 * the server's own port.
 */
export function allowedHost(header: string | undefined, policy: HostPolicy): boolean {
  if (!header) return false
  const h = parseHost(header)
  if (!h || h.port !== String(policy.port())) return false
  if (LOOPBACK_NAMES.has(h.name)) return true
  if (policy.loopbackBound) return false
  return isIP(h.name.replace(/^\[|\]$/g, '')) !== 0
}

/** An Origin is the server's own when it is http://<an allowed host>. */
export function ownOrigin(origin: string, policy: HostPolicy): boolean {
  const m = /^http:\/\/([^/]+)$/.exec(origin)
  return !!m && allowedHost(m[1], policy)
}

/**
 * Refuses /api/* with a foreign Host or a foreign Origin (sessions, writes and the developer reads alike).
 * Requests without Origin come from tools (curl, tests), not from a browser page on another site.
 */
export function checkApiRequest(headers: { host?: string; origin?: string }, policy: HostPolicy): void {
  if (!allowedHost(headers.host, policy)) throw new HttpError(403, 'FORBIDDEN', '请求的主机名不被允许（仅限本机地址访问）')
  if (headers.origin !== undefined && !ownOrigin(headers.origin, policy)) {
    throw new HttpError(403, 'FORBIDDEN', '不允许来自其他网站的请求')
  }
}
