import { useState } from 'react'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import ItemEditorPage from '../../src/package-content/editor'
import { setApiTransport } from '../../src/api'
import { TextField } from '../../src/components/fields'
import { NumberField } from '../../src/components/ResultsFields'
import { markPublishedInput } from '../../core/content/schemas'
import { JoinTeamForm } from '../../src/components/TeamForms'
import { MeProvider } from '../../src/state/me'
import { OWNERS, detail } from './content-fixtures'
import { ADMIN, FIELD, OPERATOR, fakeCloud, meAs } from './fake-cloud'
import { resetTaroMock, setRouterParams } from './taro-mock'

function renderEditor(handlers: Parameters<typeof fakeCloud>[0], params: Record<string, string>) {
  setRouterParams(params)
  const cloud = fakeCloud({ 'content.owners': () => ({ data: OWNERS }), ...handlers })
  setApiTransport(cloud.transport)
  const view = render(
    <MeProvider initial={meAs(OPERATOR)}>
      <ItemEditorPage />
    </MeProvider>,
  )
  return { cloud, view }
}

const type = (container: HTMLElement, field: string, value: string) =>
  fireEvent.input(container.querySelector(`.${field} input`)!, { target: { value } })
const errorUnder = (container: HTMLElement, field: string) => container.querySelector(`.${field} .field-error`)?.textContent ?? null
const OWNER_REFUSED = '负责人：必须是团队的现有成员'

describe('field messages follow the field', () => {
  beforeEach(() => resetTaroMock())
  afterEach(() => setApiTransport(null))

  it('clears 标题：不能为空 as soon as a title is typed, leaving the other fields their messages', async () => {
    const { view } = renderEditor({}, { day: '2099-03-10' })
    await screen.findByText('李娜')
    fireEvent.click(view.container.querySelector('.item-submit')!)
    await waitFor(() => expect(errorUnder(view.container, 'field-title')).toBe('标题：不能为空'))
    type(view.container, 'field-title', '新品开箱')
    expect(errorUnder(view.container, 'field-title')).toBeNull()
    expect(errorUnder(view.container, 'field-layer')).toBe('内容层级：必填')
  })

  it('re-checks the title against its schema when it is emptied again', async () => {
    const { view } = renderEditor({}, { day: '2099-03-10' })
    await screen.findByText('李娜')
    fireEvent.click(view.container.querySelector('.item-submit')!)
    await waitFor(() => expect(errorUnder(view.container, 'field-title')).toBe('标题：不能为空'))
    type(view.container, 'field-title', '新品开箱')
    expect(errorUnder(view.container, 'field-title')).toBeNull()
    type(view.container, 'field-title', '   ')
    expect(errorUnder(view.container, 'field-title')).toBe('标题：不能只包含空白或不可见字符')
  })

  it("clears the function's message about the owner once another owner is picked", async () => {
    const { view } = renderEditor(
      {
        'content.getItem': () => ({ data: detail() }),
        'content.updateItem': () => ({ error: { code: 'VALIDATION', message: OWNER_REFUSED, fields: [{ path: 'ownerId', message: OWNER_REFUSED }] } }),
      },
      { id: 'item_x' },
    )
    await waitFor(() => expect((view.container.querySelector('.field-title input') as HTMLInputElement)?.value).toBe('澄净 X3 开箱'))
    fireEvent.click(view.container.querySelector('.item-submit')!)
    await waitFor(() => expect(errorUnder(view.container, 'field-owner')).toBe(OWNER_REFUSED))
    fireEvent.click(view.container.querySelector(`.owner-option--${ADMIN.id}`)!)
    await waitFor(() => expect(errorUnder(view.container, 'field-owner')).toBeNull())
  })

  it('shows the same refusal again when the changed field is refused again', async () => {
    const { view } = renderEditor(
      {
        'content.getItem': () => ({ data: detail() }),
        'content.updateItem': () => ({ error: { code: 'VALIDATION', message: OWNER_REFUSED, fields: [{ path: 'ownerId', message: OWNER_REFUSED }] } }),
      },
      { id: 'item_x' },
    )
    await waitFor(() => expect((view.container.querySelector('.field-title input') as HTMLInputElement)?.value).toBe('澄净 X3 开箱'))
    fireEvent.click(view.container.querySelector('.item-submit')!)
    await waitFor(() => expect(errorUnder(view.container, 'field-owner')).toBe(OWNER_REFUSED))
    fireEvent.click(view.container.querySelector(`.owner-option--${ADMIN.id}`)!)
    await waitFor(() => expect(errorUnder(view.container, 'field-owner')).toBeNull())
    fireEvent.click(view.container.querySelector('.item-submit')!)
    await waitFor(() => expect(errorUnder(view.container, 'field-owner')).toBe(OWNER_REFUSED))
  })

  it('clears an invite code message once a well-formed code is typed, and re-checks a bad one', () => {
    const { container } = render(
      <JoinTeamForm onSubmit={() => undefined} submitting={false} errors={{ code: '邀请码：应为 8 位邀请码' }} />,
    )
    type(container, 'field-invite-code', 'ABCD2345')
    expect(errorUnder(container, 'field-invite-code')).toBeNull()
    type(container, 'field-invite-code', 'ABC')
    expect(errorUnder(container, 'field-invite-code')).toBe('邀请码：应为 8 位邀请码')
  })

  it('drops a number field message once the number is changed', () => {
    function Harness() {
      const [text, setText] = useState('-5')
      return <NumberField className='field-plays' label='播放' value={text} onChange={setText} error='播放：不能为负数' />
    }
    const { container } = render(<Harness />)
    expect(errorUnder(container, 'field-plays')).toBe('播放：不能为负数')
    type(container, 'field-plays', '500')
    expect(errorUnder(container, 'field-plays')).toBeNull()
  })

  it('treats an emptied optional field as not given, and re-checks what is typed instead', () => {
    function Harness() {
      const [url, setUrl] = useState('abc')
      return <TextField className='field-post-url' value={url} onChange={setUrl} schema={markPublishedInput.shape.postUrl} error='视频号链接：应为链接' />
    }
    const { container } = render(<Harness />)
    type(container, 'field-post-url', '')
    expect(errorUnder(container, 'field-post-url')).toBeNull()
    type(container, 'field-post-url', 'channels')
    expect(errorUnder(container, 'field-post-url')).toBe('视频号链接：应为链接')
  })

  it('asks for a new owner when the item names someone who can no longer own it, until one is picked', async () => {
    const { view } = renderEditor({ 'content.getItem': () => ({ data: detail({ ownerId: FIELD.id }) }) }, { id: 'item_x' })
    await waitFor(() => expect((view.container.querySelector('.field-title input') as HTMLInputElement)?.value).toBe('澄净 X3 开箱'))
    expect(view.container.querySelector(`.owner-option--${FIELD.id}`)).toBeNull()
    expect(errorUnder(view.container, 'field-owner')).toBe('负责人：原负责人已不能负责内容（不能开始制作或提交版本，或已离开团队），请重新选择')
    fireEvent.click(view.container.querySelector(`.owner-option--${OPERATOR.id}`)!)
    await waitFor(() => expect(errorUnder(view.container, 'field-owner')).toBeNull())
  })
})
