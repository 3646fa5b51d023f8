// What `npm run deploy` creates and uploads, read from the repository alone (no credentials, no network):
// the mini-program build, each cloud function with its timeout, timer triggers and environment variables,
// every collection in the storage registry with its security rule, and every index in the manifest.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { COLLECTION_NAMES } from '../../cloudfunctions/common/db/collections'
import { INDEXES, SCANS, type IndexSpec, type ScanSpec } from '../../cloudfunctions/common/db/indexes'

export interface Trigger {
  name: string
  type: string
  /** CloudBase's seven-field cron (second minute hour day month weekday year), in China time. */
  config: string
}

export interface FunctionPlan {
  name: string
  /** The bundled function as built by `npm run build:functions`. */
  dir: string
  timeout: number
  triggers: Trigger[]
  /** Environment variables the function reads, set from .env when present there. */
  env: string[]
  openapi: string[]
}

export interface IndexPlan extends IndexSpec {
  name: string
}

export interface DeployPlan {
  miniprogram: { dir: string; projectConfig: string }
  functions: FunctionPlan[]
  collections: { name: string; rule: string }[]
  indexes: IndexPlan[]
  /** Deliberate whole-collection reads: nothing to create, listed so a reader sees them. */
  scans: ScanSpec[]
  root: string
}

/** Environment variables each function reads (subscribe-message template ids). */
const FUNCTION_ENV: Record<string, string[]> = {
  review: ['REVIEW_TEMPLATE_TODO', 'REVIEW_TEMPLATE_RESULT'],
  analytics: ['ANALYSIS_TEMPLATE'],
}

interface FunctionConfig {
  timeout?: number
  permissions?: { openapi?: string[] }
  triggers?: Trigger[]
}

/** CloudBase index names allow letters, digits and underscores: `teamId_asc_at_desc`. */
export function indexName(fields: IndexSpec['fields']): string {
  return fields.map(([f, d]) => `${f.replace(/[^A-Za-z0-9]/g, '_')}_${d > 0 ? 'asc' : 'desc'}`).join('_')
}

export function deployPlan(root: string): DeployPlan {
  const src = join(root, 'cloudfunctions')
  const names = readdirSync(src).filter((n) => n !== 'common' && statSync(join(src, n)).isDirectory() && existsSync(join(src, n, 'index.ts')))
  const functions = names.map((name): FunctionPlan => {
    const config = JSON.parse(readFileSync(join(src, name, 'config.json'), 'utf8')) as FunctionConfig
    return {
      name,
      dir: join(root, 'dist', 'functions', name),
      timeout: config.timeout ?? 3,
      triggers: config.triggers ?? [],
      env: FUNCTION_ENV[name] ?? [],
      openapi: config.permissions?.openapi ?? [],
    }
  })
  const rules = JSON.parse(readFileSync(join(root, 'database.rules.json'), 'utf8')) as { rules: unknown }
  const rule = JSON.stringify(rules.rules)
  return {
    miniprogram: { dir: join(root, 'dist', 'weapp'), projectConfig: join(root, 'project.config.json') },
    functions,
    collections: COLLECTION_NAMES.map((name) => ({ name, rule })),
    indexes: INDEXES.map((i) => ({ ...i, name: indexName(i.fields) })),
    scans: [...SCANS],
    root,
  }
}

/** The plan as lines a person reads before anything is uploaded. */
export function describePlan(plan: DeployPlan, env: Record<string, string | undefined>): string[] {
  const lines: string[] = []
  const rel = (p: string) => relative(plan.root, p)
  lines.push(`mini-program: upload ${rel(plan.miniprogram.dir)} (project ${rel(plan.miniprogram.projectConfig)}, appid ${env.WECHAT_APPID ?? '<WECHAT_APPID>'})`)
  for (const f of plan.functions) {
    lines.push(`function ${f.name}: upload ${rel(f.dir)} (timeout ${f.timeout} s, cloud installs dependencies)`)
    for (const t of f.triggers) lines.push(`  trigger ${f.name}.${t.name}: ${t.type} "${t.config}"`)
    for (const v of f.env) lines.push(`  env ${f.name}.${v}: ${env[v] ? 'from .env' : 'not set in .env (the local placeholder is used)'}`)
    if (f.openapi.length) lines.push(`  openapi ${f.name}: ${f.openapi.join(', ')}`)
  }
  for (const c of plan.collections) lines.push(`collection ${c.name}: create if missing; security rule ${c.rule}`)
  for (const i of plan.indexes) {
    const keys = i.fields.map(([f, d]) => `${f} ${d > 0 ? '↑' : '↓'}`).join(', ')
    const residual = i.residual?.length ? ` (then filters ${i.residual.join(', ')})` : ''
    lines.push(`index ${i.collection}.${i.name}: ${keys} — ${i.why}${residual}`)
  }
  for (const s of plan.scans) lines.push(`no index ${s.collection}: read whole by _id, filtering ${s.filters.join(', ')} — ${s.why}`)
  return lines
}
