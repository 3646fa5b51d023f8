import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { api, setApiTransport } from '../../src/api'
import { CreateTeamForm, type CreateTeamValues } from '../../src/components/TeamForms'
// The welcome page registers the team contract's input checks (src/package-team/inputs.ts); the form is tested as it draws it.
import '../../src/package-team/inputs'
import { useFormAction } from '../../src/hooks/useFormAction'
import { fakeCloud, meAs, ADMIN } from './fake-cloud'
import { resetTaroMock, taroCalls } from './taro-mock'

/** The create-team form wired exactly as the welcome page wires it. */
function CreateTeam(props: { initialValues?: Partial<CreateTeamValues>; onDone?: () => void }) {
  const action = useFormAction((v: CreateTeamValues) => api.team.createTeam(v), () => props.onDone?.())
  return (
    <CreateTeamForm
      initialValues={props.initialValues}
      onSubmit={action.submit}
      submitting={action.submitting}
      errors={action.errors}
    />
  )
}

const submit = (container: HTMLElement) => fireEvent.click(container.querySelector('.create-team-submit')!)

describe('创建团队 form', () => {
  beforeEach(() => resetTaroMock())
  afterEach(() => setApiTransport(null))

  it('shows the Chinese field message from a VALIDATION answer under its field', async () => {
    const cloud = fakeCloud({
      'team.createTeam': () => ({
        error: {
          code: 'VALIDATION',
          message: '团队名称：已有同名团队',
          fields: [{ path: 'name', message: '团队名称：已有同名团队' }],
        },
      }),
    })
    setApiTransport(cloud.transport)
    const { container } = render(
      <CreateTeam initialValues={{ name: '华东视频号运营组', memberName: '张三', department: 'marketing' }} />,
    )
    submit(container)
    const message = await screen.findByText('团队名称：已有同名团队')
    expect(message.closest('.field-team-name')).not.toBeNull()
    expect(taroCalls.toasts).toEqual(['团队名称：已有同名团队'])
    expect(cloud.calls).toHaveLength(1)
    expect(cloud.calls[0].body).toMatchObject({
      action: 'createTeam',
      data: { name: '华东视频号运营组', memberName: '张三', department: 'marketing' },
    })
  })

  it('names each missing field in Chinese without calling the function', async () => {
    const cloud = fakeCloud({})
    setApiTransport(cloud.transport)
    const { container } = render(<CreateTeam />)
    submit(container)
    expect(await screen.findByText('团队名称：必填')).toBeTruthy()
    expect(screen.getByText('姓名：必填')).toBeTruthy()
    expect(screen.getByText('部门：必填')).toBeTruthy()
    expect(cloud.calls).toHaveLength(0)
  })

  it('finishes when the function accepts the team', async () => {
    const cloud = fakeCloud({ 'team.createTeam': () => ({ data: meAs(ADMIN) }) })
    setApiTransport(cloud.transport)
    const onDone = jest.fn()
    const { container } = render(
      <CreateTeam initialValues={{ name: '华东视频号运营组', memberName: '王敏', department: 'marketing' }} onDone={onDone} />,
    )
    submit(container)
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1))
    expect(cloud.calls[0].body.requestId).toEqual(expect.any(String))
    expect(container.querySelector('.field-error')).toBeNull()
  })
})
