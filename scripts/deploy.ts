// npm run deploy [-- --dry-run] [--no-build] [--version 1.2.3] [--desc "…"]
//
// Deploys to WeChat in one command: the database first (collections, their security rule, the indexes of
// the manifest, through CloudBase's management SDK @cloudbase/manager-node), then each cloud function with
// its timeout, environment variables and timer triggers, then the mini-program (both through WeChat's
// miniprogram-ci), so a new app never meets old functions. Credentials come from `.env` (see README),
// never from the repository. `--dry-run` needs no credentials and prints everything it would do.
import { existsSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'
import { deployPlan, describePlan, type DeployPlan } from './deploy/plan'

const ROOT = resolve(__dirname, '..')

/** What a real deploy needs from .env, and what each is. */
export const CREDENTIALS: Record<string, string> = {
  WECHAT_APPID: 'the mini-program appid',
  WECHAT_PRIVATE_KEY_PATH: 'path to the code-upload private key (mp.weixin.qq.com → 开发 → 开发设置 → 小程序代码上传)',
  TARO_APP_CLOUD_ENV: 'the cloud environment id (also built into the app)',
  TENCENTCLOUD_SECRET_ID: 'a Tencent Cloud API key id allowed to manage the environment (collections, rules, indexes)',
  TENCENTCLOUD_SECRET_KEY: 'its secret',
}

interface Args {
  dryRun: boolean
  build: boolean
  version: string
  desc: string
}

function parseArgs(argv: string[]): Args {
  const args: Args = { dryRun: false, build: true, version: '', desc: 'npm run deploy' }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--dry-run') args.dryRun = true
    else if (a === '--no-build') args.build = false
    else if (a === '--version') args.version = argv[++i] ?? ''
    else if (a === '--desc') args.desc = argv[++i] ?? ''
    else throw new Error(`unknown option ${a} (use --dry-run, --no-build, --version, --desc)`)
  }
  if (!args.version) args.version = new Date().toISOString().slice(0, 16).replace(/\D/g, '.').replace(/\.+/g, '.')
  return args
}

function loadEnv(): Record<string, string | undefined> {
  // DEPLOY_ENV_FILE lets a test keep a developer's own .env out.
  const file = process.env.DEPLOY_ENV_FILE ?? join(ROOT, '.env')
  if (existsSync(file)) process.loadEnvFile(file)
  return process.env
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env })
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status})`)
}

type Manager = import('@cloudbase/manager-node')

async function manager(env: Record<string, string | undefined>): Promise<Manager> {
  const { default: CloudBase } = await import('@cloudbase/manager-node')
  return new CloudBase({ secretId: env.TENCENTCLOUD_SECRET_ID!, secretKey: env.TENCENTCLOUD_SECRET_KEY!, envId: env.TARO_APP_CLOUD_ENV! })
}

async function deployDatabase(app: Manager, plan: DeployPlan): Promise<void> {
  for (const c of plan.collections) {
    await app.database.createCollectionIfNotExists(c.name)
    await app.permission.modifyResourcePermission({ resourceType: 'collection', resource: c.name, permission: 'CUSTOM', securityRule: c.rule })
    console.log(`collection ${c.name}: ready, rule set`)
  }
  for (const i of plan.indexes) {
    if ((await app.database.checkIndexExists(i.collection, i.name)).Exists) {
      console.log(`index ${i.collection}.${i.name}: exists`)
      continue
    }
    const keys = i.fields.map(([Name, d]) => ({ Name, Direction: String(d) }))
    await app.database.updateCollection(i.collection, { CreateIndexes: [{ IndexName: i.name, MgoKeySchema: { MgoIndexKeys: keys, MgoIsUnique: false } }] })
    console.log(`index ${i.collection}.${i.name}: created`)
  }
}

async function deployCode(app: Manager, plan: DeployPlan, env: Record<string, string | undefined>, args: Args): Promise<void> {
  const ci = await import('miniprogram-ci')
  const project = new ci.Project({
    appid: env.WECHAT_APPID!,
    type: 'miniProgram',
    projectPath: ROOT,
    privateKeyPath: resolve(ROOT, env.WECHAT_PRIVATE_KEY_PATH!),
    ignores: ['node_modules/**/*'],
  })
  const envId = env.TARO_APP_CLOUD_ENV!
  for (const f of plan.functions) {
    const up = await ci.cloud.uploadFunction({ project, env: envId, name: f.name, path: f.dir, remoteNpmInstall: true })
    const envVariables = Object.fromEntries(f.env.filter((v) => env[v]).map((v) => [v, env[v]!]))
    await app.functions.updateFunctionConfig({ name: f.name, timeout: f.timeout, envVariables })
    if (f.triggers.length) await ci.cloud.createTimeTrigger({ project, envId, functionName: f.name, triggersConfig: f.triggers })
    console.log(`function ${f.name}: uploaded (${up.filesCount} files, ${up.packSize} B), ${f.triggers.length} trigger(s)`)
  }
  const res = await ci.upload({ project, version: args.version, desc: args.desc, robot: 1, setting: { es6: false, minify: true, minifyWXML: true, minifyWXSS: true } })
  console.log(`mini-program ${args.version}: uploaded`, JSON.stringify(res.subPackageInfo ?? []))
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  const env = loadEnv()
  const missing = Object.entries(CREDENTIALS).filter(([k]) => !env[k])
  if (!args.dryRun && missing.length) {
    console.error('deploy needs these in .env (nothing was uploaded; `npm run deploy -- --dry-run` shows the plan):')
    for (const [k, what] of missing) console.error(`  ${k}: ${what}`)
    process.exitCode = 2
    return
  }
  const plan = deployPlan(ROOT)
  console.log(args.dryRun ? 'dry run — nothing is uploaded or created:' : 'deploy plan:')
  for (const line of describePlan(plan, env)) console.log(`  ${line}`)
  if (args.dryRun) {
    console.log(missing.length ? `a real deploy would also need in .env: ${missing.map(([k]) => k).join(', ')}` : 'credentials: all present in .env')
    return
  }
  if (args.build) {
    run('npx', ['taro', 'build', '--type', 'weapp'], { ...process.env, NODE_ENV: 'production' })
    run('node', ['scripts/build-functions.mjs'])
  }
  const app = await manager(env)
  await deployDatabase(app, plan)
  await deployCode(app, plan, env, args)
  console.log('deployed')
}

main().catch((e: unknown) => {
  console.error(`deploy failed: ${(e as Error).message}`)
  process.exitCode = 1
})
