import { messagePage, ROUTES, withQuery } from './routes'

describe('withQuery', () => {
  it('encodes values and leaves out empty ones', () => {
    expect(withQuery(ROUTES.itemDetail, { id: 'a b', from: undefined, to: '' })).toBe('/package-content/item/index?id=a%20b')
  })
  it('is the bare route without a query', () => expect(withQuery(ROUTES.me, {})).toBe('/pages/me/index'))
})

describe('messagePage', () => {
  it('names a page without the leading slash, as subscribe messages do', () => {
    expect(messagePage(ROUTES.itemDetail, { id: 'i1' })).toBe('package-content/item/index?id=i1')
  })
})
