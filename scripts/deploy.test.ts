// `npm run deploy -- --dry-run` needs no credentials and names everything a deploy creates or uploads;
// without credentials a real deploy refuses before touching anything.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { COLLECTION_NAMES } from '../cloudfunctions/common/db/collections'
import { INDEXES } from '../cloudfunctions/common/db/indexes'
import { indexName } from './deploy/plan'

const ROOT = resolve(__dirname, '..')
/** Every deployable function, found as build-functions finds them (a folder with an index.ts). */
const functionNames = () => readdirSync(join(ROOT, 'cloudfunctions')).filter((n) => n !== 'common' && existsSync(join(ROOT, 'cloudfunctions', n, 'index.ts')))
const CREDENTIAL_VARS = ['WECHAT_APPID', 'WECHAT_PRIVATE_KEY_PATH', 'TARO_APP_CLOUD_ENV', 'TENCENTCLOUD_SECRET_ID', 'TENCENTCLOUD_SECRET_KEY']

function deploy(args: string[]) {
  const env = { ...process.env }
  for (const k of CREDENTIAL_VARS) delete env[k]
  // An empty .env path keeps a developer's real .env out of the test.
  const r = spawnSync(process.execPath, [require.resolve('tsx/cli'), 'scripts/deploy.ts', ...args], { cwd: ROOT, env: { ...env, DEPLOY_ENV_FILE: '/dev/null' }, encoding: 'utf8', timeout: 60_000 })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

describe('npm run deploy -- --dry-run', () => {
  const run = deploy(['--dry-run'])

  it('succeeds without credentials and says which a real deploy needs', () => {
    expect(run.err).toBe('')
    expect(run.code).toBe(0)
    expect(run.out).toContain('nothing is uploaded or created')
    expect(run.out).toContain(`a real deploy would also need in .env: ${CREDENTIAL_VARS.join(', ')}`)
  })

  it('names the mini-program, every function and each of its timer triggers', () => {
    expect(run.out).toContain('mini-program: upload dist/weapp')
    for (const fn of functionNames()) {
      expect(run.out).toContain(`function ${fn}: upload dist/functions/${fn}`)
      const config = JSON.parse(readFileSync(join(ROOT, 'cloudfunctions', fn, 'config.json'), 'utf8')) as { triggers: { name: string; config: string }[] }
      for (const t of config.triggers) expect(run.out).toContain(`trigger ${fn}.${t.name}: timer "${t.config}"`)
    }
  })

  it('names every collection with its security rule, and every index of the manifest', () => {
    const rules = JSON.parse(readFileSync(join(ROOT, 'database.rules.json'), 'utf8')) as { rules: unknown }
    for (const c of COLLECTION_NAMES) expect(run.out).toContain(`collection ${c}: create if missing; security rule ${JSON.stringify(rules.rules)}`)
    for (const i of INDEXES) expect(run.out).toContain(`index ${i.collection}.${indexName(i.fields)}: `)
  })
})

it('a real deploy without credentials names what is missing and uploads nothing', () => {
  const run = deploy([])
  expect(run.code).toBe(2)
  expect(run.out).toBe('')
  for (const k of CREDENTIAL_VARS) expect(run.err).toContain(`${k}: `)
})

it('index names are unique and use only the characters CloudBase allows', () => {
  const names = INDEXES.map((i) => `${i.collection}.${indexName(i.fields)}`)
  expect(new Set(names).size).toBe(names.length)
  for (const i of INDEXES) expect(indexName(i.fields)).toMatch(/^[A-Za-z0-9_]+$/)
})
