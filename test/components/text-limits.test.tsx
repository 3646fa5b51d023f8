import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import ItemEditorPage from '../../src/package-content/editor'
import IdeasPage from '../../src/package-content/ideas'
import { setApiTransport } from '../../src/api'
import { DecisionPanel } from '../../src/components/DecisionPanel'
import { CreateTeamForm } from '../../src/components/TeamForms'
import { VersionForm } from '../../src/components/VersionForm'
import { MeProvider } from '../../src/state/me'
import { OWNERS } from './content-fixtures'
import { OPERATOR, fakeCloud, meAs } from './fake-cloud'
import { resetTaroMock, setRouterParams } from './taro-mock'

function renderNewItem() {
  setRouterParams({ day: '2099-03-10' })
  const cloud = fakeCloud({ 'content.owners': () => ({ data: OWNERS }) })
  setApiTransport(cloud.transport)
  const view = render(
    <MeProvider initial={meAs(OPERATOR)}>
      <ItemEditorPage />
    </MeProvider>,
  )
  return { cloud, view }
}

const input = (container: HTMLElement, field: string) => container.querySelector(`.${field} input`) as HTMLInputElement
const type = (container: HTMLElement, field: string, value: string) => fireEvent.input(input(container, field), { target: { value } })
/** NutUI's TextArea renders Taro's <taro-textarea-core>: send its input event as Taro does. */
function typeArea(container: HTMLElement, field: string, value: string) {
  act(() => {
    container.querySelector(`.${field} taro-textarea-core`)!.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true }))
  })
}
const countOf = (container: HTMLElement, field: string) => container.querySelector(`.${field} .field-limit`)

describe('length-limited fields', () => {
  beforeEach(() => resetTaroMock())
  afterEach(() => setApiTransport(null))

  it('shows the title limit from the schema as the person types', async () => {
    const { view } = renderNewItem()
    await screen.findByText('李娜')
    type(view.container, 'field-title', '澄净 X3 开箱')
    expect(countOf(view.container, 'field-title')?.textContent).toBe('8/60')
    expect(countOf(view.container, 'field-title')?.classList.contains('field-limit--over')).toBe(false)
  })

  it('keeps a pasted 500-character title, says how much is over, and does not save it', async () => {
    const { view, cloud } = renderNewItem()
    await screen.findByText('李娜')
    const pasted = '标'.repeat(500)
    type(view.container, 'field-title', pasted)
    expect(input(view.container, 'field-title').value).toBe(pasted)
    // The phone's native input would cut at its maxlength without a word: it gets none.
    expect(Number(input(view.container, 'field-title').getAttribute('maxlength') ?? -1)).toBeLessThan(0)
    expect(countOf(view.container, 'field-title')?.textContent).toBe('500/60')
    expect(countOf(view.container, 'field-title')?.classList.contains('field-limit--over')).toBe(true)
    const notice = screen.getByText('标题最多 60 字，现在超出 440 字，请删减后再保存')
    expect(notice.closest('.field-title')).not.toBeNull()
    fireEvent.click(view.container.querySelector('.item-submit')!)
    await waitFor(() => expect(view.container.querySelector('.field-layer .field-error')).not.toBeNull())
    expect(cloud.calls.filter((c) => c.body.action === 'createItem')).toHaveLength(0)
    expect(input(view.container, 'field-title').value).toBe(pasted)
  })

  it('keeps notes past the textarea default of 140 characters and counts them against 500', async () => {
    const { view } = renderNewItem()
    await screen.findByText('李娜')
    typeArea(view.container, 'field-notes', '备'.repeat(520))
    expect((view.container.querySelector('.field-notes taro-textarea-core') as HTMLElement & { value: string }).value).toHaveLength(520)
    expect(countOf(view.container, 'field-notes')?.textContent).toBe('520/500')
    expect(screen.getByText('备注最多 500 字，现在超出 20 字，请删减后再保存')).toBeTruthy()
  })

  it('names the team name field when it is too long', () => {
    const { container } = render(<CreateTeamForm onSubmit={() => undefined} submitting={false} errors={{}} />)
    type(container, 'field-team-name', '华'.repeat(35))
    expect(input(container, 'field-team-name').value).toHaveLength(35)
    expect(countOf(container, 'field-team-name')?.textContent).toBe('35/30')
    expect(screen.getByText('团队名称最多 30 字，现在超出 5 字，请删减后再保存')).toBeTruthy()
  })

  it('keeps a script longer than 5000 characters and names 正文', () => {
    const { container } = render(<VersionForm gateName='脚本' nextNo={1} submitting={false} errors={{}} onSubmit={() => undefined} />)
    typeArea(container, 'field-version-text', '稿'.repeat(5001))
    expect(countOf(container, 'field-version-text')?.textContent).toBe('5001/5000')
    expect(screen.getByText('正文最多 5000 字，现在超出 1 字，请删减后再保存')).toBeTruthy()
  })

  it("counts a reviewer's comment against its 500", () => {
    const { container } = render(<DecisionPanel gateName='脚本' versionNo={1} busy={false} onApprove={() => undefined} onRequestChanges={() => undefined} />)
    typeArea(container, 'field-decision-comment', '改'.repeat(501))
    expect(countOf(container, 'field-decision-comment')?.textContent).toBe('501/500')
    expect(screen.getByText('意见最多 500 字，现在超出 1 字，请删减后再保存')).toBeTruthy()
  })

  it('keeps a search longer than 30 characters, says so, and does not send it', async () => {
    const cloud = fakeCloud({ 'content.listIdeas': () => ({ data: { items: [], hasMore: false, nextOffset: 0 } }) })
    setApiTransport(cloud.transport)
    const { container } = render(
      <MeProvider initial={meAs(OPERATOR)}>
        <IdeasPage />
      </MeProvider>,
    )
    await waitFor(() => expect(cloud.calls.some((c) => c.body.action === 'listIdeas')).toBe(true))
    const long = '搜'.repeat(35)
    fireEvent.input(container.querySelector('.idea-search input')!, { target: { value: long } })
    expect(screen.getByText('搜索最多 30 字，现在超出 5 字，请删减后再搜索')).toBeTruthy()
    expect((container.querySelector('.idea-search input') as HTMLInputElement).value).toBe(long)
    await new Promise((r) => setTimeout(r, 400))
    expect(cloud.calls.filter((c) => c.body.action === 'listIdeas').map((c) => (c.body.data as { q?: string }).q)).toEqual([undefined])
  })
})
