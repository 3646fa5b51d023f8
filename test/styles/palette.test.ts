import fs from 'node:fs'
import path from 'node:path'
import { palette } from '../../src/styles/palette'

const SCSS = path.join(__dirname, '../../src/styles/_palette.scss')

/** `$name: #hex;` and `$name: $other;` lines of the partial, references resolved. */
function readScssPalette(text: string): Map<string, string> {
  const raw = new Map<string, string>()
  for (const line of text.split('\n')) {
    const m = /^\$([\w-]+):\s*([^;]+);/.exec(line)
    if (m) raw.set(m[1], m[2].trim())
  }
  const resolve = (value: string, seen: string[]): string => {
    if (!value.startsWith('$')) return value
    const name = value.slice(1)
    if (seen.includes(name)) throw new Error(`$${name} refers to itself`)
    const next = raw.get(name)
    if (next === undefined) throw new Error(`$${name} is not declared`)
    return resolve(next, [...seen, name])
  }
  return new Map([...raw].map(([name, value]) => [name, resolve(value, [])]))
}

/** '#FFF' and '#ffffff' are the same colour. */
function normalise(hex: string): string {
  const h = hex.toLowerCase()
  return /^#[0-9a-f]{3}$/.test(h) ? `#${h[1]}${h[1]}${h[2]}${h[2]}${h[3]}${h[3]}` : h
}

const kebab = (camel: string) => camel.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)

describe('palette.ts mirrors _palette.scss', () => {
  const scss = readScssPalette(fs.readFileSync(SCSS, 'utf8'))

  it.each(Object.entries(palette))('gives %s the colour of its scss variable', (name, colour) => {
    const variable = kebab(name)
    expect(scss.has(variable) ? normalise(scss.get(variable)!) : `no $${variable}`).toBe(normalise(colour))
  })

  it('declares every scss variable as a hex colour', () => {
    const notHex = [...scss].filter(([, value]) => !/^#[0-9a-f]{3}([0-9a-f]{3})?$/i.test(value))
    expect(notHex).toEqual([])
  })
})

describe('readScssPalette', () => {
  it('resolves a variable declared as another', () => {
    expect(readScssPalette('$a: #07c160;\n$b: $a;\n').get('b')).toBe('#07c160')
  })

  it('refuses a reference to an undeclared variable', () => {
    expect(() => readScssPalette('$b: $missing;\n')).toThrow('$missing is not declared')
  })
})
