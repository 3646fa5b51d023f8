/** The local cloud CLI as its own process, for load runs and lifecycle tests. */
import { spawn, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'

const ROOT = resolve(__dirname, '../..')

export interface ServerProcess {
  url: string
  proc: ChildProcess
  output(): string
}

/**
 * Starts `emulator/main.ts` under node (tsx as a loader: signals reach the server itself).
 * LOAD_SERVER_PROF=<folder> writes the server's CPU profile there (node --cpu-prof), to find what a load run spends on.
 */
export function startServerProcess(dataDir: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  const proc = spawn(process.execPath, [...(process.env.LOAD_SERVER_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.LOAD_SERVER_PROF] : []), '--import', 'tsx', 'emulator/main.ts', '--port', '0', '--data', dataDir, '--no-timers', ...extra], {
    cwd: ROOT,
    env: { ...process.env, SEED: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  return new Promise((ok, fail) => {
    proc.stdout!.on('data', (b: Buffer) => {
      out += b.toString()
      const m = out.match(/local cloud: (http:\/\/\S+)/)
      if (m) ok({ url: m[1], proc, output: () => out })
    })
    proc.stderr!.on('data', (b: Buffer) => (out += b.toString()))
    proc.on('exit', (code) => fail(new Error(`local cloud exited (${code}) before it was ready:\n${out}`)))
  })
}

/** SIGTERM, then wait for the exit code (or the signal that killed it, with its output). */
export function stopServerProcess(server: ServerProcess, timeoutMs = 60_000): Promise<number | string> {
  const { proc } = server
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve(proc.exitCode ?? `${proc.signalCode}: ${server.output()}`)
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL')
      fail(new Error(`local cloud did not exit within ${timeoutMs} ms of SIGTERM:\n${server.output()}`))
    }, timeoutMs)
    proc.once('exit', (code, signal) => {
      clearTimeout(timer)
      ok(code ?? `${signal}: ${server.output()}`)
    })
    proc.kill('SIGTERM')
  })
}
