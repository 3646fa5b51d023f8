import { chipLabels } from './chipLabels'

/** What a 3-character-wide chip shows of each label (ASCII counts half), as the function defines it. */
function shown(labels: string[], visible = 3): string[] {
  return labels.map((l) => {
    let w = 0
    let out = ''
    for (const ch of l) {
      const cw = (ch.codePointAt(0) ?? 0) < 0x1100 ? 0.5 : 1
      if (w + cw > visible) break
      w += cw
      out += ch
    }
    return out
  })
}

describe('chipLabels', () => {
  it('drops the start two titles share, so the visible part differs', () => {
    expect(chipLabels(['净水器滤芯更换教程', '净水器滤芯安装避坑'])).toEqual(['更换教程', '安装避坑'])
  })

  it('keeps titles whole when their starts already differ in view', () => {
    expect(chipLabels(['门店实拍', '新品预告', '澄净 X3 开箱'])).toEqual(['门店实拍', '新品预告', '澄净 X3 开箱'])
  })

  it('keeps a short shared start when the parting character is still in view', () => {
    expect(chipLabels(['净水器开箱', '净水机安装'])).toEqual(['净水器开箱', '净水机安装'])
  })

  it('cuts after punctuation when that keeps the difference in view', () => {
    expect(chipLabels(['直播：店长的一天', '直播：店铺开业'])).toEqual(['店长的一天', '店铺开业'])
  })

  it('drops a shared tag such as 直播：', () => {
    expect(chipLabels(['直播：老用户的十年', '直播：装修党必看'])).toEqual(['老用户的十年', '装修党必看'])
  })

  it('judges each title against its closest other title in view', () => {
    expect(chipLabels(['净水器滤芯更换', '净水器滤芯安装', '净水器 K5 上市'])).toEqual(['更换', '安装', 'K5 上市'])
  })

  it('leaves a title alone when no other title shares its start', () => {
    expect(chipLabels(['净水器滤芯更换', '净水器滤芯安装', '一位老客户和澄净的十年'])[2]).toBe('一位老客户和澄净的十年')
  })

  it('makes labels differ in a wider chip too', () => {
    const labels = chipLabels(['澄净净水器滤芯更换', '澄净净水器滤芯安装'], { visible: 5 })
    expect(new Set(shown(labels, 5)).size).toBe(2)
  })

  describe('edge cases', () => {
    it('answers nothing for no titles', () => {
      expect(chipLabels([])).toEqual([])
    })

    it('keeps a single title whole', () => {
      expect(chipLabels(['净水器滤芯更换教程'])).toEqual(['净水器滤芯更换教程'])
    })

    it('numbers identical titles in order', () => {
      expect(chipLabels(['滤芯怎么换', '滤芯怎么换', '滤芯怎么换'])).toEqual(['①滤芯怎么换', '②滤芯怎么换', '③滤芯怎么换'])
    })

    it('numbers identical titles that share a start with others, after dropping it', () => {
      expect(chipLabels(['净水器滤芯更换', '净水器滤芯更换', '净水器滤芯安装'])).toEqual(['①更换', '②更换', '安装'])
    })

    it('shows a title that is the start of another from its start, and the other from where it goes on', () => {
      expect(chipLabels(['净水器开箱', '净水器开箱（下集）'])).toEqual(['净水器开箱', '下集）'])
    })

    it('shows an empty title as empty, and numbers two of them', () => {
      expect(chipLabels([''])).toEqual([''])
      expect(chipLabels(['', '  '])).toEqual(['①', '②'])
    })

    it('does not split an ASCII word when the difference is inside it', () => {
      expect(chipLabels(['澄净净水器 Pro 开箱', '澄净净水器 Plus 开箱'])).toEqual(['Pro 开箱', 'Plus 开箱'])
    })

    it('counts ASCII as half width, so more of it stays', () => {
      expect(chipLabels(['X3 Pro 开箱', 'X3 Plus 开箱'])).toEqual(['X3 Pro 开箱', 'X3 Plus 开箱'])
    })

    it('keeps emoji whole (joined sequences, skin tones, flags) and never cuts inside one', () => {
      const family = '👨‍👩‍👧'
      const labels = chipLabels([`${family}🇨🇳新品开箱`, `${family}🇨🇳新品测评`])
      expect(labels).toEqual(['开箱', '测评'])
      expect(chipLabels([`${family}开箱`, '👍🏽开箱'])).toEqual([`${family}开箱`, '👍🏽开箱'])
    })

    it('keeps an emoji that starts the distinctive part (it is not punctuation)', () => {
      expect(chipLabels(['净水器滤芯🔥爆款', '净水器滤芯安装'])).toEqual(['🔥爆款', '安装'])
    })

    it('counts a visible width under 2 as 2, and an invalid one as the default', () => {
      const twins = ['滤芯怎么换', '滤芯怎么换']
      expect(chipLabels(twins, { visible: 0 })).toEqual(['①滤芯怎么换', '②滤芯怎么换'])
      expect(chipLabels(['净水器更换', '净水器安装'], { visible: Number.NaN })).toEqual(chipLabels(['净水器更换', '净水器安装']))
    })

    it('numbers past twenty with digits, still distinct', () => {
      const labels = chipLabels(Array.from({ length: 25 }, () => '滤芯怎么换'), { visible: 2 })
      expect(labels[19]).toBe('⑳滤芯怎么换')
      expect(labels[24]).toBe('25.滤芯怎么换')
      expect(new Set(shown(labels, 2)).size).toBe(25)
    })

    it('trims surrounding spaces before comparing', () => {
      expect(chipLabels([' 滤芯怎么换', '滤芯怎么换 '])).toEqual(['①滤芯怎么换', '②滤芯怎么换'])
    })

    it('settles a chance match between a cut title and another title among those two', () => {
      const labels = chipLabels(['净水器滤芯更换教程', '净水器滤芯安装避坑', '安装避坑大全'])
      expect(labels).toEqual(['更换教程', '净水器滤芯安装避坑', '安装避坑大全'])
    })

    it('gives labels whose visible part differs pairwise, for a month of look-alike titles', () => {
      const titles = Array.from({ length: 40 }, (_, i) => `澄净净水器${['开箱', '安装', '滤芯'][i % 3]}第${Math.floor(i / 3)}期`)
      titles.push(titles[0], '', '')
      expect(new Set(shown(chipLabels(titles))).size).toBe(titles.length)
    })
  })
})
