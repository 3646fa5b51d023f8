// The deployable bundles in dist/functions (made by `npm run build:functions`, which `npm test` runs
// first) are what WeChat will run: check they are self-contained and answer through the real SDK.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { contracts } from '../../core/api'
import { createTestCloud, type TestCloud } from '../support/cloud'

const DIST = resolve(__dirname, '../../dist/functions')
let cloud: TestCloud

beforeAll(async () => {
  if (!existsSync(DIST)) throw new Error('dist/functions is missing: run `npm run build:functions` (npm test does)')
  cloud = await createTestCloud({ functionsDir: DIST })
})
afterAll(() => cloud?.close())

test('there is one bundle per function contract', () => {
  expect(readdirSync(DIST).sort()).toEqual(Object.keys(contracts).sort())
})

describe.each(Object.keys(contracts))('%s bundle', (fn) => {
  it('inlines core/ and common/ but leaves wx-server-sdk to the cloud install', () => {
    const code = readFileSync(join(DIST, fn, 'index.js'), 'utf8')
    expect(code).not.toMatch(/require\(["']\.\.?\//)
    expect(code).toMatch(/require\(["']wx-server-sdk["']\)/)
    expect(code).not.toContain('TcbDBApiHttpRequester')
    const pkg = JSON.parse(readFileSync(join(DIST, fn, 'package.json'), 'utf8'))
    expect(pkg.dependencies['wx-server-sdk']).toBe('4.0.2')
    expect(JSON.parse(readFileSync(join(DIST, fn, 'config.json'), 'utf8'))).toHaveProperty('timeout')
  })
})

test('the bundled team function creates a team and answers me', async () => {
  const created = await cloud.call('team', 'bundle_user_1', {
    action: 'createTeam',
    data: { name: '打包测试团队', memberName: '测试员', department: 'tech' },
    requestId: 'bundle-create-1',
  })
  expect(created).toMatchObject({ ok: true, data: { team: { name: '打包测试团队' } } })
  expect(await cloud.call('team', 'bundle_user_1', { action: 'ping' })).toMatchObject({ ok: true })
  expect(await cloud.call('team', null, { action: 'ping' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
})
