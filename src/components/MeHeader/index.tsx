import type { MeView } from '../../../core/team/schemas'
import type { ApiError } from '../../api/client'
import { ErrorState, LoadingState } from '../PageState'
import { TeamHeader } from '../TeamHeader'

export interface MeHeaderProps {
  me: MeView | null
  loading: boolean
  error: ApiError | null
  onRetry: () => void
  now: Date
}

/** The greeting card, or its loading / failure state. */
export function MeHeader({ me, loading, error, onRetry, now }: MeHeaderProps) {
  if (me?.member) return <TeamHeader me={me} now={now} />
  if (error) return <ErrorState message={error.message} onRetry={onRetry} />
  if (loading || !me) return <LoadingState rows={2} />
  return null
}
