import { useEffect, type PropsWithChildren } from 'react'
import Taro from '@tarojs/taro'
import { hasSession } from './api/dev'
import { initCloud } from './cloud'
import { startSignedOutOnSignIn, whenFirstPageShown } from './state/firstPage'
import { launchRedirect } from './state/launch'
import { MeProvider, useMe } from './state/me'
import { startOutboxSync } from './state/outboxSync'
// NutUI icons' base size and animation rules (its components render icons with class nut-icon).
import '@nutui/icons-react-taro/dist/style_icon.css'
import './app.scss'

// At launch, before any page asks a cloud function; the h5 bundle carries no cloud code.
if (process.env.TARO_ENV === 'weapp') initCloud()
// Signed out in the browser: the router starts on the sign-in page rather than being sent there.
if (process.env.TARO_ENV === 'h5' && !hasSession()) startSignedOutOnSignIn()
// Results logged offline in an earlier session go out now, and whenever the network returns.
startOutboxSync()

function currentPath(): string {
  const pages = Taro.getCurrentPages()
  const route = pages[pages.length - 1]?.route ?? ''
  return `/${route.replace(/^\//, '')}`
}

/**
 * Loads `team.me` once and sends the person to sign-in or team setup when the tabs can't work yet —
 * only after the router has shown its first page, since an earlier navigation races that render.
 */
function LaunchGate(props: PropsWithChildren) {
  const { refresh } = useMe()
  useEffect(() => {
    const platform = process.env.TARO_ENV
    const session = platform !== 'h5' || hasSession()
    const go = async (target: string | null) => {
      if (!target) return
      await whenFirstPageShown()
      if (currentPath() !== target) void Taro.reLaunch({ url: target })
    }
    if (!session) {
      void go(launchRedirect({ platform, hasSession: false, me: null, error: null }))
      return
    }
    void refresh().then(({ me, error }) => go(launchRedirect({ platform, hasSession: true, me, error })))
  }, [refresh])
  return <>{props.children}</>
}

function App(props: PropsWithChildren) {
  return (
    <MeProvider>
      <LaunchGate>{props.children}</LaunchGate>
    </MeProvider>
  )
}

export default App
