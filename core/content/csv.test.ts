import { csvCell, toCsv, UTF8_BOM } from './csv'

describe('csv', () => {
  it('starts with a BOM and ends rows with CRLF', () => {
    expect(toCsv(['标题', '日期'], [['春季上新', '2026-03-02']])).toBe(`${UTF8_BOM}标题,日期\r\n春季上新,2026-03-02\r\n`)
  })

  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('他说"好"')).toBe('"他说""好"""')
    expect(csvCell('一行\n两行')).toBe('"一行\n两行"')
  })

  it('defuses spreadsheet formulas', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvCell('-5')).toBe("'-5")
    expect(csvCell('@sum')).toBe("'@sum")
  })

  it('writes empty cells for missing values', () => {
    expect(csvCell(null)).toBe('')
    expect(csvCell(undefined)).toBe('')
    expect(csvCell(0)).toBe('0')
  })
})
