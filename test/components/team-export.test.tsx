import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { TeamExport } from '../../core/team/export'
import TeamExportPage from '../../src/package-team/export'
import MePage from '../../src/pages/me'
import { setApiTransport } from '../../src/api'
import { MeProvider } from '../../src/state/me'
import { ADMIN, FIELD, MANAGER, OPERATOR, fakeCloud, meAs } from './fake-cloud'
import { resetTaroMock, taroCalls } from './taro-mock'
import type { MemberView } from '../../core/team/schemas'

const EXPORT: TeamExport = {
  fileID: 'cloud://local/exports/team_1/20261201-090500-abc.jsonl',
  tempFileURL: '/files/exports/team_1/20261201-090500-abc.jsonl',
  fileName: '团队数据_20261201-090500.jsonl',
  bytes: 1_572_864,
  exportedAt: '2026-12-01T01:05:00.000Z',
  counts: { teams: 1, members: 6, snapshots: 2345 },
  collections: [
    { collection: 'teams', label: '团队', count: 1 },
    { collection: 'members', label: '成员', count: 6 },
    { collection: 'snapshots', label: '数据快照', count: 2345 },
  ],
}

function renderExport(me: MemberView) {
  return render(
    <MeProvider initial={meAs(me)}>
      <TeamExportPage />
    </MeProvider>,
  )
}

describe('导出团队数据 screen', () => {
  beforeEach(() => resetTaroMock())
  afterEach(() => setApiTransport(null))

  it('runs the export once for an admin and lists each collection in Chinese with its count', async () => {
    const cloud = fakeCloud({ 'team.exportTeamData': () => ({ data: EXPORT }) })
    setApiTransport(cloud.transport)
    const { container } = renderExport(ADMIN)
    fireEvent.click(container.querySelector('.team-export-start')!)
    expect(await screen.findByText('已导出 2,352 条记录 · 1.5 MB')).toBeTruthy()
    const rows = [...container.querySelectorAll('.team-export-count')].map((r) => r.textContent)
    expect(rows).toEqual(['团队1 条', '成员6 条', '数据快照2,345 条'])
    expect(cloud.calls).toEqual([{ fn: 'team', body: { action: 'exportTeamData', data: {}, requestId: expect.any(String) } }])
    expect(taroCalls.toasts).toEqual(['导出完成'])
  })

  it('shows the button as busy while the export runs', async () => {
    let answer: (v: unknown) => void = () => undefined
    const pending = new Promise((resolve) => (answer = resolve))
    setApiTransport({ call: () => pending })
    const { container } = renderExport(ADMIN)
    fireEvent.click(container.querySelector('.team-export-start')!)
    expect(await screen.findByText('正在导出…')).toBeTruthy()
    answer({ ok: true, data: EXPORT })
    expect(await screen.findByText('开始导出')).toBeTruthy()
  })

  it('downloads the file from its temporary address in the browser', async () => {
    setApiTransport(fakeCloud({ 'team.exportTeamData': () => ({ data: EXPORT }) }).transport)
    const clicked: { href: string; download: string }[] = []
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.getAttribute('href')!, download: this.download })
    })
    try {
      const { container } = renderExport(ADMIN)
      fireEvent.click(container.querySelector('.team-export-start')!)
      fireEvent.click(await screen.findByText('下载'))
      expect(clicked).toEqual([{ href: EXPORT.tempFileURL, download: EXPORT.fileName }])
    } finally {
      click.mockRestore()
    }
  })

  it('copies a link that works outside the app', async () => {
    setApiTransport(fakeCloud({ 'team.exportTeamData': () => ({ data: EXPORT }) }).transport)
    const { container } = renderExport(ADMIN)
    fireEvent.click(container.querySelector('.team-export-start')!)
    fireEvent.click(await screen.findByText('复制下载链接'))
    await waitFor(() => expect(taroCalls.clipboard).toEqual([`${location.origin}${EXPORT.tempFileURL}`]))
  })

  it("shows the server's refusal and no result", async () => {
    setApiTransport(fakeCloud({ 'team.exportTeamData': () => ({ error: { code: 'FORBIDDEN', message: '你的角色没有权限执行此操作' } }) }).transport)
    const { container } = renderExport(ADMIN)
    fireEvent.click(container.querySelector('.team-export-start')!)
    await waitFor(() => expect(taroCalls.toasts).toEqual(['你的角色没有权限执行此操作']))
    expect(container.querySelector('.team-export-result')).toBeNull()
  })

  it('offers nothing to a non-admin and asks the cloud nothing', () => {
    const cloud = fakeCloud({})
    setApiTransport(cloud.transport)
    const { container } = renderExport(MANAGER)
    expect(screen.getByText('只有管理员可以导出团队数据')).toBeTruthy()
    expect(container.querySelector('.team-export-start')).toBeNull()
    expect(cloud.calls).toEqual([])
  })
})

describe('导出团队数据 on 我的', () => {
  beforeEach(() => resetTaroMock())
  const renderMe = (me: MemberView) =>
    render(
      <MeProvider initial={meAs(me)}>
        <MePage />
      </MeProvider>,
    )

  it('is there for an admin and opens the export page', () => {
    const entry = renderMe(ADMIN).container.querySelector('.entry-export')!
    expect(entry.textContent).toContain('导出团队数据')
    fireEvent.click(entry)
    expect(taroCalls.navigations).toEqual([{ kind: 'navigateTo', url: '/package-team/export/index' }])
  })

  it.each([MANAGER, OPERATOR, FIELD])('is not there for $name', (m) => {
    expect(renderMe(m).container.querySelector('.entry-export')).toBeNull()
  })
})
