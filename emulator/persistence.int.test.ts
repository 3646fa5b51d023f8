/** Documents survive closing and reopening the SQLite file, and a killed process never leaves half a write. */
import fs from 'fs'
import os from 'os'
import path from 'path'
import { spawn } from 'child_process'
import { Store } from './store'
import { installLocalCloud, uninstallLocalCloud } from './cloud'

/* eslint-disable @typescript-eslint/no-explicit-any */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-persist-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

it('keeps documents, types, order and revisions across reopening the file', async () => {
  const file = path.join(tmp, 'reopen.sqlite')
  let store = new Store(file)
  installLocalCloud({ store, filesDir: path.join(tmp, 'files') })
  const cloud = require('wx-server-sdk')
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
  const db = cloud.database()
  await db.collection('notes').add({ data: [{ _id: 'n1', at: new Date(1000), n: 1.25 }, { _id: 'n2', tags: ['x'] }, { _id: 'n0' }] })
  await db.collection('notes').doc('n1').update({ data: { n: db.command.inc(1) } })
  await db.createCollection('empty_one')
  store.close()

  store = new Store(file)
  installLocalCloud({ store, filesDir: path.join(tmp, 'files') })
  const all = (await db.collection('notes').get()).data
  expect(all).toEqual([{ _id: 'n1', at: new Date(1000), n: 2.25 }, { _id: 'n2', tags: ['x'] }, { _id: 'n0' }])
  expect(store.hasCollection('empty_one')).toBe(true)
  // new writes after reopening get fresh revisions: an optimistic transaction still detects them
  const tx = await db.startTransaction()
  await tx.collection('notes').doc('n2').get()
  await db.collection('notes').doc('n2').update({ data: { tags: ['y'] } })
  await tx.collection('notes').doc('n2').update({ data: { tags: ['z'] } })
  await expect(tx.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' })
  uninstallLocalCloud()
  store.close()
})

it('a process killed mid-write leaves only whole write requests behind', async () => {
  const file = path.join(tmp, 'crash.sqlite')
  const BATCH = 500
  // node itself with tsx's loader (not the tsx CLI, whose wrapper would not pass SIGKILL on)
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '__fixtures__/crash-writer.ts'), file, String(BATCH)], {
    cwd: path.resolve(__dirname, '..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve())
    child.on('exit', (code) => reject(new Error(`writer exited early with ${code}`)))
  })
  await new Promise((r) => setTimeout(r, 700))
  child.kill('SIGKILL')
  await new Promise((r) => child.on('exit', r))

  const store = new Store(file)
  const docs = store.find('crash', {})
  expect(docs.length).toBeGreaterThan(0)
  expect(docs.length % BATCH).toBe(0) // every insert request fully there or absent
  const byRound = new Map<number, { n: number; touched: number }>()
  for (const d of docs) {
    const r = byRound.get(d.round as number) ?? { n: 0, touched: 0 }
    r.n++
    if (d.touched) r.touched++
    byRound.set(d.round as number, r)
  }
  for (const r of byRound.values()) {
    expect(r.n).toBe(BATCH)
    expect([0, BATCH]).toContain(r.touched) // the multi-document update: all or nothing
  }
  store.close()
}, 30000)
