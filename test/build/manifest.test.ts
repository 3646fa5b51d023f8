import { readFileSync } from 'node:fs'
import path from 'node:path'
import { contracts } from '../../core/api'
import { manifest } from '../../core/api/manifest'
import { renderManifest } from '../../core/api/renderManifest'

describe('the api manifest (the client’s schema-free view of the contracts)', () => {
  it('is what `npm run gen:manifest` writes from today’s contracts', () => {
    const onDisk = readFileSync(path.join(__dirname, '../../core/api/manifest.ts'), 'utf8')
    expect(onDisk).toBe(renderManifest(contracts)) // if this fails: npm run gen:manifest
  })

  it('names every action with the access and write of its contract', () => {
    for (const [fn, contract] of Object.entries(contracts)) {
      for (const [name, def] of Object.entries(contract)) {
        expect((manifest as Record<string, Record<string, unknown>>)[fn][name]).toEqual({ access: def.access, write: def.write })
      }
    }
  })

  it('catches a drifted manifest', () => {
    const drifted = { ...contracts, team: { ...contracts.team, me: { ...contracts.team.me, write: true } } }
    expect(renderManifest(drifted)).not.toBe(renderManifest(contracts))
  })
})
