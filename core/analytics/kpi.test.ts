import fc from 'fast-check'
import { formatPercent } from '../format'
import { change, light, rate } from './kpi'

describe('rate', () => {
  it('divides', () => expect(rate(35, 100)).toBe(0.35))

  describe('edge cases', () => {
    it('is null, never NaN or Infinity, for a zero denominator', () => {
      expect(rate(3, 0)).toBeNull()
      expect(rate(0, 0)).toBeNull()
    })
    it('shows — for no value', () => expect(formatPercent(rate(1, 0))).toBe('—'))
  })

  it('never returns a non-finite number', () => {
    fc.assert(fc.property(fc.double(), fc.double(), (a, b) => {
      const r = rate(a, b)
      return r === null || Number.isFinite(r)
    }))
  })
})

describe('light', () => {
  it('is green when a higher-is-better KPI meets target', () => expect(light(0.5, 0.5, 'higher')).toBe('green'))
  it('is yellow within the tolerance', () => expect(light(0.46, 0.5, 'higher')).toBe('yellow'))
  it('is red beyond it', () => expect(light(0.35, 0.5, 'higher')).toBe('red'))
  it('is green when a lower-is-better KPI is below target', () => {
    expect(light(20, 24, 'lower')).toBe('green')
    expect(light(0.7, 0.4, 'lower')).toBe('red') // paid share 70% vs ≤40%
  })
  it('is yellow just above a lower-is-better target', () => expect(light(26, 24, 'lower')).toBe('yellow'))
  it('has no color without a value', () => expect(light(null, 0.5, 'higher')).toBe('none'))
  it('honours a custom tolerance', () => expect(light(0.4, 0.5, 'higher', 0.25)).toBe('yellow'))
})

describe('change', () => {
  it('is relative to the previous period', () => expect(change(125, 100)).toBe(0.25))
  it('is null without a base', () => {
    expect(change(5, 0)).toBeNull()
    expect(change(null, 3)).toBeNull()
  })
})

describe('edge cases at the bounds', () => {
  it('a rate of completions equal to plays is exactly 100%', () => {
    expect(rate(400, 400)).toBe(1)
    expect(formatPercent(rate(400, 400))).toBe('100.0%')
  })
  it('a value exactly at the edge of the tolerance is yellow, just past it red', () => {
    expect(light(90, 100, 'higher')).toBe('yellow')
    expect(light(89.99, 100, 'higher')).toBe('red')
    expect(light(110, 100, 'lower')).toBe('yellow')
    expect(light(110.01, 100, 'lower')).toBe('red')
    expect(light(100, 100, 'lower')).toBe('green')
  })
  it('no change from zero to zero, and a negative base counts by its size', () => {
    expect(change(0, 0)).toBeNull()
    expect(change(-50, -100)).toBe(0.5)
  })
})
