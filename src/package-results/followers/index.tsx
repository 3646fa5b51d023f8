import '../inputs'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { FieldError } from '../../../core/errors'
import { formatCount } from '../../../core/format'
import { dayNotInFutureErrors } from '../../../core/results/dates'
import { newRequestId } from '../../api/client'
import { FollowersForm } from '../../components/ResultsForms'
import { findEntry, type OutboxInput } from '../../state/outbox'
import { shortDay, today } from '../../utils/content'
import { submitOrQueue } from '../../utils/offline'
import { recentDays } from '../lib/days'
import { readNumber } from '../lib/numbers'
import { useDraft } from '../lib/useDraft'
import { useSubmit } from '../lib/useSubmit'

interface Draft {
  requestId: string
  date: string
  total?: string
}

function fromEntry(requestId?: string): Draft | null {
  const entry = requestId ? findEntry(requestId) : undefined
  if (!entry || entry.action !== 'logFollowers') return null
  const i = entry.input as OutboxInput<'logFollowers'>
  return { requestId: entry.requestId, date: i.date, total: String(i.total) }
}

/** 粉丝总数: the account's follower total on a day. */
export default function FollowersPage() {
  const { params } = useRouter()
  const [draft, setDraft, finish] = useDraft<Draft>(params.outbox ? `outbox:${params.outbox}` : 'followers', () => fromEntry(params.outbox) ?? { requestId: newRequestId(), date: today() })
  const form = useSubmit()
  const total = readNumber(draft.total)

  const precheck = (): FieldError[] => {
    const errors = dayNotInFutureErrors(draft.date, { now: new Date() })
    if (total === undefined) errors.push({ path: 'total', message: '粉丝总数：必填' })
    else if (Number.isNaN(total)) errors.push({ path: 'total', message: '粉丝总数：请输入数字' })
    return errors
  }

  return (
    <View className='page followers-page'>
      <FollowersForm
        day={draft.date}
        total={draft.total}
        dayOptions={recentDays(new Date())}
        errors={form.errors}
        submitting={form.submitting}
        onDay={(date) => setDraft((d) => ({ ...d, date }))}
        onTotal={(t) => setDraft((d) => ({ ...d, total: t }))}
        onSubmit={() =>
          void form.submit(precheck, async () => {
            const r = await submitOrQueue('logFollowers', { date: draft.date, total: total! }, { requestId: draft.requestId, label: `粉丝总数 ${formatCount(total)} · ${shortDay(draft.date)}` })
            finish()
            return r.kind
          })
        }
      />
    </View>
  )
}
