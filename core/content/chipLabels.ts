/** Options of {@link chipLabels}. */
export interface ChipLabelOptions {
  /**
   * How much of a label a chip surely shows, in CJK characters (an ASCII letter or digit counts
   * half). Labels are made to differ within this width. Default 3: a 390 px phone's month cell.
   * At least 2, so a numbered label (①…, 21.…) always shows its number; smaller or invalid
   * values count as 2 and 3.
   */
  visible?: number
}

/** A user-perceived character: an emoji with its modifiers or a flag stays one piece. */
type Cluster = string

// Punctuation and spaces, not symbols: an emoji (a symbol too) is part of the words.
const SEPARATOR = /^[\s\p{P}|~～+=<>]$/u
const ASCII_WORD = /^[A-Za-z0-9]$/
const ORDINALS = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'

/**
 * Short labels that tell items apart in a month cell: for each title, the part that differs from
 * the other titles in view, so two 净水器… items no longer read the same.
 *
 * A title keeps as much of its start as it can while the character where it parts from its closest
 * other title stays within `visible`; past that, the shared start is dropped, from a word boundary
 * (after a space or punctuation, or where an ASCII word starts) when one keeps the difference in
 * view. Labels whose visible start still coincides (identical titles, chance matches) are numbered
 * ①②… in order. The label is the rest of the title, not cut to `visible`: a chip clips what does
 * not fit, and a wider chip shows more.
 *
 * @param titles - the titles in view, in display order
 * @returns one label per title, same order; their first `visible` characters differ pairwise
 *
 * @example
 * chipLabels(['净水器滤芯更换教程', '净水器滤芯安装避坑'])
 * //=> ['更换教程', '安装避坑']
 *
 * chipLabels(['直播：店长的一天', '直播：店铺开业'])
 * //=> ['店长的一天', '店铺开业'] (cut after '：', so 店 stays)
 *
 * chipLabels(['净水器开箱', '净水器开箱（下集）'])
 * //=> ['净水器开箱', '下集）'] (a title that is the start of another keeps its start)
 *
 * chipLabels(['滤芯怎么换', '滤芯怎么换'])
 * //=> ['①滤芯怎么换', '②滤芯怎么换']
 *
 * chipLabels(['门店实拍', '新品预告'])
 * //=> ['门店实拍', '新品预告'] (already distinct: nothing dropped)
 */
export function chipLabels(titles: readonly string[], options: ChipLabelOptions = {}): string[] {
  const visible = Number.isFinite(options.visible) ? Math.max(2, options.visible!) : 3
  const texts = titles.map((t) => clustersOf(t.trim()))
  const all = texts.map((_, i) => i)
  const labels = texts.map((_, i) => texts[i].slice(cutOf(texts, i, all, visible)))

  // A chance match (a cut title meeting another's start) is settled among the matching titles alone.
  for (const group of collisions(labels, visible)) {
    for (const i of group) {
      // Identical titles cannot be told apart by cutting; they are numbered below.
      if (group.some((j) => !same(texts[j], texts[i]))) labels[i] = texts[i].slice(cutOf(texts, i, group, visible))
    }
  }
  return numberCollisions(labels, visible).map((l) => l.join(''))
}

/** Where title `i`'s label starts, judged against the titles `among` (identical ones aside). */
function cutOf(texts: readonly Cluster[][], i: number, among: readonly number[], visible: number): number {
  const text = texts[i]
  let shared = 0
  for (const j of among) if (j !== i && !same(texts[j], text)) shared = Math.max(shared, commonStart(text, texts[j]))
  // A title that is all shared start (a prefix of another) is best shown from its start.
  if (shared === 0 || shared >= text.length) return 0
  // Keep the earliest word start from which the parting character is still in view.
  let cut = shared
  for (let b = 0; b <= shared; b++) {
    if (isBoundary(text, b) && widthOf(text.slice(b, shared + 1)) <= visible) {
      cut = b
      break
    }
  }
  while (cut < text.length && SEPARATOR.test(text[cut])) cut++
  return cut === text.length ? 0 : cut
}

/** Indices of labels whose visible start coincides, one array per group of two or more. */
function collisions(labels: readonly Cluster[][], visible: number): number[][] {
  const byStart = new Map<string, number[]>()
  labels.forEach((l, i) => {
    const key = startOf(l, visible)
    byStart.set(key, [...(byStart.get(key) ?? []), i])
  })
  return [...byStart.values()].filter((g) => g.length > 1)
}

/** Numbers every label of a colliding group, skipping numbers whose result is taken. */
function numberCollisions(labels: readonly Cluster[][], visible: number): Cluster[][] {
  const out = [...labels]
  const groups = collisions(labels, visible)
  const taken = new Set(labels.map((l) => startOf(l, visible)))
  for (const group of groups) {
    let n = 1
    for (const i of group) {
      let numbered: Cluster[]
      do numbered = [ordinal(n++), ...labels[i]]
      while (taken.has(startOf(numbered, visible)))
      taken.add(startOf(numbered, visible))
      out[i] = numbered
    }
  }
  return out
}

function ordinal(n: number): string {
  return n <= ORDINALS.length ? ORDINALS[n - 1] : `${n}.`
}

/** The part of a label a chip `visible` wide surely shows. */
function startOf(label: readonly Cluster[], visible: number): string {
  let width = 0
  let end = 0
  while (end < label.length && width + widthOf([label[end]]) <= visible) width += widthOf([label[end++]])
  return label.slice(0, end).join('')
}

/** CJK characters and emoji are one wide; ASCII and other narrow characters half. */
function widthOf(clusters: readonly Cluster[]): number {
  return clusters.reduce((w, c) => w + ((c.codePointAt(0) ?? 0) < 0x1100 ? 0.5 : 1), 0)
}

function isBoundary(text: readonly Cluster[], at: number): boolean {
  if (at === 0) return true
  const before = text[at - 1]
  return SEPARATOR.test(before) || (ASCII_WORD.test(text[at]) && !ASCII_WORD.test(before))
}

function commonStart(a: readonly Cluster[], b: readonly Cluster[]): number {
  let n = 0
  while (n < a.length && n < b.length && a[n] === b[n]) n++
  return n
}

function same(a: readonly Cluster[], b: readonly Cluster[]): boolean {
  return a.length === b.length && commonStart(a, b) === a.length
}

/**
 * Splits text into user-perceived characters without Intl.Segmenter (missing on older WeChat
 * JS engines): joiners, variation selectors, skin tones, combining marks and tag characters stay
 * with the character before them, and two regional indicators make one flag.
 */
function clustersOf(text: string): Cluster[] {
  const out: Cluster[] = []
  let joinNext = false
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0
    const last = out.length - 1
    const extending = cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0x1f3fb && cp <= 0x1f3ff) || (cp >= 0x300 && cp <= 0x36f) || (cp >= 0x20d0 && cp <= 0x20ff) || (cp >= 0xe0020 && cp <= 0xe007f)
    const flagHalf = isRegional(cp) && last >= 0 && [...out[last]].length === 1 && isRegional(out[last].codePointAt(0) ?? 0)
    if (last >= 0 && (extending || joinNext || flagHalf)) out[last] += ch
    else out.push(ch)
    joinNext = cp === 0x200d
  }
  return out
}

function isRegional(cp: number): boolean {
  return cp >= 0x1f1e6 && cp <= 0x1f1ff
}
