/** What a reviewer needs to decide from the inbox row, cut to fit it (kept on the production, so the inbox reads no versions). */
export interface VersionPreview {
  /** The author's note on the version, at most 80 characters. */
  note: string
  /** The first lines of the text (at most 3 lines, 120 characters). */
  excerpt: string
  /** The first image among the files (a cloud file id), for a thumbnail. */
  cover: string | null
  links: number
  files: number
}

const NOTE_CHARS = 80
const EXCERPT_LINES = 3
const EXCERPT_CHARS = 120
const IMAGE = /\.(jpe?g|png|gif|webp|heic)$/i

function cut(text: string, max: number): string {
  const chars = Array.from(text) // by code point, so an emoji is never split in half
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`
}

/**
 * The inbox preview of a submitted version.
 *
 * @example
 * versionPreview({ text: '开场：店长拆箱\n\n中段：试喝\n结尾：到店\n彩蛋', note: '改了开头', links: [], fileIds: ['cloud://env/review/i/1.jpg'] })
 * //=> { note: '改了开头', excerpt: '开场：店长拆箱\n中段：试喝\n结尾：到店…', cover: 'cloud://env/review/i/1.jpg', links: 0, files: 1 }
 */
export function versionPreview(v: { text?: string; note?: string; links?: readonly string[]; fileIds?: readonly string[] }): VersionPreview {
  const lines = (v.text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
  const more = lines.length > EXCERPT_LINES
  const excerpt = cut(lines.slice(0, EXCERPT_LINES).join('\n'), more ? EXCERPT_CHARS - 1 : EXCERPT_CHARS)
  const files = v.fileIds ?? []
  return {
    note: cut((v.note ?? '').trim(), NOTE_CHARS),
    excerpt: more && !excerpt.endsWith('…') ? `${excerpt}…` : excerpt,
    cover: files.find((f) => IMAGE.test(f)) ?? null,
    links: v.links?.length ?? 0,
    files: files.length,
  }
}
