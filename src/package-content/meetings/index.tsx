import '../inputs'
import { useRef, useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { manifest } from '../../../core/api/manifest'
import { MEETING_KINDS, MEETING_KIND_LABELS, MEETING_STATUS_LABELS, type MeetingKind, type MeetingLine } from '../../../core/content/meetings'
import { allows } from '../../../core/roles'
import { api } from '../../api'
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState'
import { useApiQuery } from '../../hooks/useApiQuery'
import { usePullRefresh } from '../../hooks/usePullRefresh'
import { ROUTES, withQuery } from '../../routes'
import { useMe } from '../../state/me'
import { dayTitle, today } from '../../utils/content'
import { errorMessage, toastError } from '../../utils/feedback'
import './index.scss'

const isKind = (k: string | undefined): k is MeetingKind => (MEETING_KINDS as readonly string[]).includes(k ?? '')

/** 会议: the four meetings by kind, one line each; staff open a new one with 开会. */
export default function MeetingsPage() {
  const params = useRouter().params
  const [kind, setKind] = useState<MeetingKind>(isKind(params.kind) ? params.kind : 'topic')
  const { me } = useMe()
  const canHold = allows(manifest.content.openMeeting.access, me?.member?.roles)
  const list = useApiQuery<MeetingLine[]>(() => api.content.listMeetings({ kind }), [kind])
  usePullRefresh(list.refresh)
  const [opening, setOpening] = useState(false)
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void list.refresh()
    shown.current = true
  })

  const open = (id: string) => void Taro.navigateTo({ url: withQuery(ROUTES.meeting, { id }) })
  const hold = async () => {
    if (opening) return
    setOpening(true)
    try {
      const m = await api.content.openMeeting({ kind, day: today() })
      open(m.id)
    } catch (e) {
      toastError(e)
    } finally {
      setOpening(false)
    }
  }

  return (
    <View className='page meetings-page'>
      <View className='meeting-kinds'>
        {MEETING_KINDS.map((k) => (
          <Text key={k} className={`meeting-kind meeting-kind--${k} ${k === kind ? 'meeting-kind--active' : ''}`} onClick={() => setKind(k)}>
            {MEETING_KIND_LABELS[k]}
          </Text>
        ))}
      </View>
      {canHold ? (
        <Button className='meeting-open' block type='primary' loading={opening} onClick={() => void hold()}>
          {`开${MEETING_KIND_LABELS[kind]}`}
        </Button>
      ) : null}
      <View className='section'>
        {list.data ? (
          list.data.length ? (
            <View className='meeting-lines'>
              {list.data.map((m) => (
                <View key={m.id} className={`meeting-line meeting-line--${m.status}`} onClick={() => open(m.id)}>
                  <Text className='meeting-line__day'>{`${m.kindLabel} · ${dayTitle(m.day)}`}</Text>
                  <Text className='meeting-line__meta'>{`${m.attendeeCount} 人 · ${m.decisionCount} 条决议${m.carriedCount ? ` · 上次遗留 ${m.carriedCount}` : ''}`}</Text>
                  <Text className={`meeting-line__status meeting-line__status--${m.status}`}>{MEETING_STATUS_LABELS[m.status]}</Text>
                </View>
              ))}
            </View>
          ) : (
            <EmptyState title={`还没有${MEETING_KIND_LABELS[kind]}`} description='开会时记下参会人、议程和决议，决议会变成负责人的待办。' />
          )
        ) : list.error ? (
          <ErrorState message={errorMessage(list.error)} onRetry={() => void list.refresh()} />
        ) : (
          <LoadingState rows={3} />
        )}
      </View>
    </View>
  )
}
