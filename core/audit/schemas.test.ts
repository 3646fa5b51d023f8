import { auditCursor, parseAuditCursor } from './schemas'

describe('audit cursors', () => {
  it('round-trips time and id', () => {
    const c = auditCursor(new Date('2026-12-01T00:00:00Z'), 'abc_1')
    expect(c).toBe('1796083200000_abc_1')
    expect(parseAuditCursor(c)).toEqual({ at: new Date('2026-12-01T00:00:00Z'), id: 'abc_1' })
  })
})
