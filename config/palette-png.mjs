// Lossless re-encoding of a PNG with at most 256 colours as an indexed (palette) PNG: the tab bar icons are one
// colour in ~140 alpha steps, which the screenshot writes as full RGBA — several times the bytes, all of them in
// the main package (issue 15). Returns the input when it has more colours or the result is not smaller.
import { crc32, deflateSync } from 'node:zlib'
import pngjs from 'pngjs'

function chunk(type, data) {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body) >>> 0)
  return Buffer.concat([len, body, crc])
}

export function toPalettePng(input) {
  const { width, height, data } = pngjs.PNG.sync.read(input)
  const index = new Map()
  const rows = Buffer.alloc((width + 1) * height)
  for (let y = 0; y < height; y++) {
    rows[y * (width + 1)] = 0 // filter: none
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 4
      // Fully transparent pixels are one colour whatever their RGB.
      const rgba = data[at + 3] === 0 ? 0 : data.readUInt32BE(at)
      if (!index.has(rgba)) {
        if (index.size === 256) return input
        index.set(rgba, index.size)
      }
      rows[y * (width + 1) + 1 + x] = index.get(rgba)
    }
  }
  const colours = [...index.keys()]
  const plte = Buffer.alloc(colours.length * 3)
  const trns = Buffer.alloc(colours.length)
  colours.forEach((c, i) => {
    plte[i * 3] = (c >>> 24) & 255
    plte[i * 3 + 1] = (c >>> 16) & 255
    plte[i * 3 + 2] = (c >>> 8) & 255
    trns[i] = c & 255
  })
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 3 // colour type: indexed
  const out = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('PLTE', plte),
    chunk('tRNS', trns),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
  return out.length < input.length ? out : input
}
