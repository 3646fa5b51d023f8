// Writes core/api/manifest.ts from the contracts when it differs (see core/api/renderManifest.ts for why it exists).
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { contracts } from '../core/api'
import { renderManifest } from '../core/api/renderManifest'

const file = path.join(__dirname, '..', 'core', 'api', 'manifest.ts')
const text = renderManifest(contracts)
if (!existsSync(file) || readFileSync(file, 'utf8') !== text) {
  writeFileSync(file, text)
  console.log(`• wrote ${path.relative(process.cwd(), file)} (the contracts changed)`)
}
