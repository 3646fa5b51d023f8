import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import ItemEditorPage from '../../src/package-content/editor'
import { setApiTransport } from '../../src/api'
import { MeProvider } from '../../src/state/me'
import { OWNERS, detail } from './content-fixtures'
import { FIELD, OPERATOR, fakeCloud, meAs } from './fake-cloud'
import { resetTaroMock, setRouterParams, taroCalls } from './taro-mock'

function renderEditor(handlers: Parameters<typeof fakeCloud>[0], params: Record<string, string> = {}, me = OPERATOR) {
  setRouterParams(params)
  const cloud = fakeCloud({ 'content.owners': () => ({ data: OWNERS }), ...handlers })
  setApiTransport(cloud.transport)
  const view = render(
    <MeProvider initial={meAs(me)}>
      <ItemEditorPage />
    </MeProvider>,
  )
  return { cloud, view }
}

const submit = (container: HTMLElement) => fireEvent.click(container.querySelector('.item-submit')!)
const writes = (cloud: ReturnType<typeof fakeCloud>, action: string) => cloud.calls.filter((c) => c.body.action === action)

describe('内容 editor', () => {
  beforeEach(() => resetTaroMock())
  afterEach(() => setApiTransport(null))

  it('names each missing field in Chinese without calling the function', async () => {
    const { view, cloud } = renderEditor({}, { day: '2099-03-10' })
    await screen.findByText('李娜')
    submit(view.container)
    expect(await screen.findByText('标题：不能为空')).toBeTruthy()
    expect(screen.getByText('内容层级：必填')).toBeTruthy()
    expect(screen.getByText('选题类别：必填')).toBeTruthy()
    expect(writes(cloud, 'createItem')).toHaveLength(0)
  })

  it("shows the function's Chinese field message under its field", async () => {
    const { view, cloud } = renderEditor(
      {
        'content.getItem': () => ({ data: detail() }),
        'content.updateItem': () => ({
          error: { code: 'VALIDATION', message: '负责人：必须是团队的现有成员', fields: [{ path: 'ownerId', message: '负责人：必须是团队的现有成员' }] },
        }),
      },
      { id: 'item_x' },
    )
    await waitFor(() => expect((view.container.querySelector('.field-title input') as HTMLInputElement)?.value).toBe('澄净 X3 开箱'))
    submit(view.container)
    const message = await screen.findByText('负责人：必须是团队的现有成员', { selector: '.field-error' })
    expect(message.closest('.field-owner')).not.toBeNull()
    expect(writes(cloud, 'updateItem')[0].body.data).toMatchObject({ id: 'item_x', version: 3, title: '澄净 X3 开箱', layer: 'intro' })
  })

  it('on a CONFLICT says someone else changed it and reloads the version that won', async () => {
    const theirs = detail({ title: '澄净 X3 开箱（主管改过）', version: 4 })
    const { view, cloud } = renderEditor(
      {
        'content.getItem': () => ({ data: detail() }),
        'content.updateItem': () => ({ error: { code: 'CONFLICT', message: '内容已被他人修改，请刷新后重试', current: theirs } }),
      },
      { id: 'item_x' },
    )
    await waitFor(() => expect((view.container.querySelector('.field-title input') as HTMLInputElement)?.value).toBe('澄净 X3 开箱'))
    submit(view.container)
    await waitFor(() => expect((view.container.querySelector('.field-title input') as HTMLInputElement).value).toBe('澄净 X3 开箱（主管改过）'))
    expect(taroCalls.toasts.some((t) => t.includes('内容已被他人修改'))).toBe(true)
    expect(taroCalls.navigations).toEqual([])
    expect(writes(cloud, 'updateItem')).toHaveLength(1)
  })

  it('sends one write for a double tap on save', async () => {
    let release: () => void = () => undefined
    const gate = new Promise<void>((r) => (release = r))
    const { view, cloud } = renderEditor(
      { 'content.getItem': () => ({ data: detail() }), 'content.updateItem': () => ({ data: detail({ version: 4 }) }) },
      { id: 'item_x' },
    )
    await waitFor(() => expect((view.container.querySelector('.field-title input') as HTMLInputElement)?.value).toBe('澄净 X3 开箱'))
    // Hold the first save in flight so the second tap lands while it is still running.
    const sent: string[] = []
    const answer = cloud.transport.call
    cloud.transport.call = async (fn, body) => {
      sent.push(body.action)
      if (body.action === 'updateItem') await gate
      return answer(fn, body)
    }
    submit(view.container)
    submit(view.container)
    await waitFor(() => expect(sent).toContain('updateItem'))
    await new Promise((r) => setTimeout(r, 50))
    release()
    await waitFor(() => expect(taroCalls.navigations).toEqual([{ kind: 'navigateBack', url: undefined }]))
    expect(writes(cloud, 'updateItem')).toHaveLength(1)
  })

  it('tells field staff they can only read, without a form', async () => {
    const { view } = renderEditor({}, {}, FIELD)
    expect(await screen.findByText('你的角色只能查看日历，不能新建或修改内容')).toBeTruthy()
    expect(view.container.querySelector('.item-submit')).toBeNull()
  })
})
