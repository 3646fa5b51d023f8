/**
 * Where the real wx-server-sdk keeps the network step we replace. Everything that depends on the SDK's
 * internal layout lives here, so the boundary test (sdk-boundary.int.test.ts) checks one place.
 */
import path from 'path'

export const PINNED_SDK_VERSION = '4.0.2'

export interface DbRequester {
  send(api: string, data?: Record<string, unknown>, opts?: unknown): Promise<unknown>
}
export interface DbRequesterClass {
  prototype: DbRequester
}

const sdkDir = () => path.dirname(require.resolve('wx-server-sdk/package.json'))

/** Resolve a module the way wx-server-sdk itself would (it may have nested copies). */
export function resolveFromSdk(request: string): string {
  const nodeSdk = path.dirname(require.resolve('@cloudbase/node-sdk/package.json', { paths: [sdkDir()] }))
  return require.resolve(request, { paths: [nodeSdk, sdkDir()] })
}

export function sdkVersion(): string {
  return (require(path.join(sdkDir(), 'package.json')) as { version: string }).version
}

/** The class @cloudbase/node-sdk installs as `Db.reqClass` of @cloudbase/database. */
export function requesterClass(): DbRequesterClass {
  const mod = require(resolveFromSdk('@cloudbase/node-sdk/dist/utils/tcbdbapirequester')) as {
    TcbDBApiHttpRequester?: DbRequesterClass
  }
  if (!mod.TcbDBApiHttpRequester || typeof mod.TcbDBApiHttpRequester.prototype.send !== 'function') {
    throw new Error('wx-server-sdk database boundary moved: TcbDBApiHttpRequester.prototype.send not found')
  }
  return mod.TcbDBApiHttpRequester
}

/**
 * The SDK's own way of turning an error answer into a result (`processReturn` of node-sdk utils): it
 * throws a TcbError carrying `code` and `message`, or, if someone called setThrowOnCode(false), returns
 * the error object as the answer. Either way errors surface exactly as from the real server.
 */
export function errorAnswer(err: { code: string; message: string; requestId?: string }): unknown {
  const utils = require(resolveFromSdk('@cloudbase/node-sdk/dist/utils/utils')) as {
    processReturn(r: unknown): unknown
  }
  return utils.processReturn({ ...err, requestId: err.requestId ?? '' })
}
