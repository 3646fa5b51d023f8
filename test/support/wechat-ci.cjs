#!/usr/bin/env node
// WeChat's own compiler and 代码质量 check (miniprogram-ci, extracted from WeChat DevTools) over the
// production build, offline. Usage: node test/support/wechat-ci.cjs <report.json> [projectPath]
//
// Runs in its own process on purpose: miniprogram-ci starts file watchers it never closes and forks
// compiler workers, which would keep a jest worker (or the bench) alive; exiting here ends them all.
// test/support/wechat.ts spawns this and reads the report; `projectPath` defaults to the repository
// root, the folder WeChat DevTools opens and uploads (its project.config.json points at dist/weapp/).
'use strict'
const fs = require('fs')
const path = require('path')

const [reportPath, projectPath = path.resolve(__dirname, '../..')] = process.argv.slice(2)
if (!reportPath) {
  console.error('usage: node test/support/wechat-ci.cjs <report.json> [projectPath]')
  process.exit(2)
}

/** Stands in for the account lookup that would go to WeChat's servers (the limits a normal account has). */
const ACCOUNT = {
  platform: true,
  appType: 0,
  isSandbox: false,
  released: false,
  setting: {
    MaxCodeSize: 2,
    MaxSubpackageSubCodeSize: 2,
    MaxSubpackageFullCodeSize: 20,
    NavigateMiniprogramLimit: 10,
    MaxSubPackageLimit: 100,
    MinTabbarCount: 2,
    MaxTabbarCount: 5,
    MaxTabbarIconSize: 40,
    MaxCustomTabbarCount: 5,
  },
}

const readConfig = (dir) => JSON.parse(fs.readFileSync(path.join(dir, 'project.config.json'), 'utf8'))
const errorText = (e) => (e && (e.message || e.msg)) || String(e)

async function main() {
  const ci = require('miniprogram-ci')
  // One project object for all three calls: miniprogram-ci caches its file scan on it.
  const project = new ci.Project({
    appid: 'wx0000000000000000',
    type: 'miniProgram',
    projectPath,
    privateKey: 'offline: no upload happens',
    ignores: ['node_modules/**/*'],
  })
  project.attr = async () => ACCOUNT

  const report = { projectPath, compile: { ok: false }, markup: { ok: false }, quality: [], packages: {} }

  const quality = await ci.checkCodeQuality(project)
  report.quality = quality.map((c) => ({ name: c.name, success: !!c.success, text: c.text, detail: c.detail }))

  // Compile with the project's own settings (`useProjectConfig`), as DevTools does when uploading.
  try {
    const t = Date.now()
    const files = await ci.getCompiledResult({ project, setting: { useProjectConfig: true }, onProgressUpdate: () => {} })
    const sizes = Object.fromEntries(Object.entries(files).map(([f, c]) => [f, Buffer.byteLength(c)]))
    report.compile = { ok: true, ms: Date.now() - t, files: sizes }
  } catch (e) {
    // Its message can be unhelpful (a null deref inside its minifier); keep the code and stack too.
    report.compile = { ok: false, error: `${errorText(e)} (code ${e && e.code})\n${(e && e.stack) || ''}` }
  }

  // getCompiledResult ships WXML and WXSS as they are (WeChat compiles them later), so run WeChat's own
  // WXML/WXSS compilers (wcc, wcsc, as bundled by miniprogram-compiler) over them for their errors.
  const root = path.join(projectPath, readConfig(projectPath).miniprogramRoot || '')
  try {
    const wx = require('miniprogram-compiler')
    wx.wxmlToJs(root)
    wx.wxssToJs(root)
    report.markup = { ok: true }
  } catch (e) {
    report.markup = { ok: false, error: errorText(e) }
  }

  // Which package each source file belongs to, as WeChat sees it (for the bench's bundle analysis).
  const analysis = await ci.analyseCode(project, { silent: true })
  for (const f of (analysis && analysis.files) || []) {
    const pkg = f.subPackage || '__APP__'
    ;(report.packages[pkg] = report.packages[pkg] || {})[f.path] = f.size
  }

  fs.writeFileSync(reportPath, JSON.stringify(report))
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`miniprogram-ci failed: ${errorText(e)}`)
    process.exit(1)
  },
)
