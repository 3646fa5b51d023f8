import { versionPreview } from './preview'

describe('versionPreview', () => {
  it('keeps the first three non-empty lines of the text and marks that more follows', () => {
    expect(versionPreview({ text: '开场：店长拆箱\n\n中段：试喝\n结尾：到店\n彩蛋' }).excerpt).toBe('开场：店长拆箱\n中段：试喝\n结尾：到店…')
  })

  it('takes the first image among the files as the cover, and counts files and links', () => {
    const p = versionPreview({ text: '', fileIds: ['cloud://env/r/a.mp4', 'cloud://env/r/b.JPG'], links: ['https://pan.example.com/s/1'] })
    expect(p).toEqual({ note: '', excerpt: '', cover: 'cloud://env/r/b.JPG', links: 1, files: 2 })
  })

  it('keeps the note, trimmed', () => {
    expect(versionPreview({ note: '  按意见改好了 ' }).note).toBe('按意见改好了')
  })

  describe('edge cases', () => {
    it('cuts a long single line to 120 characters with an ellipsis', () => {
      const p = versionPreview({ text: '水'.repeat(500) })
      expect(Array.from(p.excerpt)).toHaveLength(120)
      expect(p.excerpt.endsWith('…')).toBe(true)
    })

    it('never splits an emoji', () => {
      const p = versionPreview({ note: '💧'.repeat(100) })
      expect(p.note).toBe(`${'💧'.repeat(79)}…`)
    })

    it('has no cover without an image', () => {
      expect(versionPreview({ fileIds: ['cloud://env/r/a.mp4'] }).cover).toBeNull()
    })
  })
})
