import '../inputs'
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { FORMATS, FORMAT_LABELS, type Format } from '../../../core/content/labels'
import type { Gate } from '../../../core/review/flow'
import type { FlowView } from '../../../core/review/schemas'
import { api, ApiError } from '../../api'
import { FlowEditor } from '../../components/FlowEditor'
import { ErrorState, LoadingState } from '../../components/PageState'
import { useApiQuery } from '../../hooks/useApiQuery'
import { useIsAdmin } from '../../state/me'
import { errorMessage, fieldErrorMap, toastError, toastSuccess } from '../../utils/feedback'
import './index.scss'

export default function FlowsPage() {
  const isAdmin = useIsAdmin()
  const flows = useApiQuery(() => api.review.listFlows(), [], { enabled: isAdmin })
  // Named reviewers must be able to review: members with only the field role are left out
  // (content.owners lists everyone without roles, so the member list is read instead).
  const members = useApiQuery(
    async () => (await api.team.listMembers()).filter((m) => m.roles.some((r) => r !== 'field')).map((m) => ({ id: m.id, name: m.name })),
    [],
    { enabled: isAdmin },
  )
  const [format, setFormat] = useState<Format>('short_video')
  const [saving, setSaving] = useState(false)
  const [errors, setErrors] = useState<Record<string, string>>({})

  if (!isAdmin) {
    return (
      <View className='page flows-page'>
        <Text className='flows-page__denied'>只有管理员可以修改评审流程。</Text>
      </View>
    )
  }
  const flow = flows.data?.find((f) => f.format === format)

  const save = async (current: FlowView, gates: Gate[]) => {
    setSaving(true)
    setErrors({})
    try {
      const saved = await api.review.updateFlow({ format: current.format, gates, version: current.version })
      flows.replace((flows.data ?? []).map((f) => (f.format === saved.format ? saved : f)))
      toastSuccess('流程已保存')
    } catch (e) {
      setErrors(fieldErrorMap(e))
      toastError(e)
      // Another admin saved first: show theirs.
      if (e instanceof ApiError && e.code === 'CONFLICT') await flows.refresh()
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='page flows-page'>
      <View className='flow-formats'>
        {FORMATS.map((f) => (
          <Text
            key={f}
            className={`flow-format flow-format--${f} ${f === format ? 'flow-format--active' : ''}`}
            onClick={() => {
              setErrors({})
              setFormat(f)
            }}
          >
            {FORMAT_LABELS[f]}
          </Text>
        ))}
      </View>
      {flow ? (
        <>
          <Text className='flows-page__state'>{flow.isDefault ? '当前使用默认流程' : `已自定义 · 第 ${flow.version} 次修改`}</Text>
          <FlowEditor key={`${flow.format}-${flow.version}`} flow={flow} members={members.data ?? []} saving={saving} errors={errors} onSave={(g) => void save(flow, g)} />
        </>
      ) : flows.error ? (
        <ErrorState message={errorMessage(flows.error)} onRetry={() => void flows.refresh()} />
      ) : (
        <LoadingState rows={6} />
      )}
    </View>
  )
}
