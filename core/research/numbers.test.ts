import { readCount } from './numbers'

describe('readCount', () => {
  it('reads digits with or without thousands commas', () => {
    expect(readCount('12000')).toBe(12_000)
    expect(readCount('12,000')).toBe(12_000)
    expect(readCount(' 12，000 ')).toBe(12_000)
  })

  it('reads counts in 万 as Channels shows them', () => {
    expect(readCount('1.2万')).toBe(12_000)
    expect(readCount('10万+')).toBe(100_000)
    expect(readCount('3.5w')).toBe(35_000)
  })

  describe('edge cases', () => {
    it('leaves a blank field undefined and unreadable text NaN', () => {
      expect(readCount('')).toBeUndefined()
      expect(readCount(undefined)).toBeUndefined()
      expect(readCount('abc')).toBeNaN()
      expect(readCount('-5')).toBeNaN()
    })

    it('passes a fraction on, for the schema to refuse as not whole', () => {
      expect(readCount('1.5')).toBe(1.5)
    })
  })
})
