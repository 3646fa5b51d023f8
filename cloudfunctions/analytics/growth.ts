import type { analyticsContract } from '../../core/api/analytics'
import { AppError } from '../../core/errors'
import type { Handlers } from '../common/action'

type C = typeof analyticsContract
export const growthHandlers: Pick<Handlers<C>, 'funnel' | 'growth' | 'logSpend'> = {
  async funnel() {
    throw new AppError('INTERNAL', 'not built yet')
  },
  async growth() {
    throw new AppError('INTERNAL', 'not built yet')
  },
  async logSpend() {
    throw new AppError('INTERNAL', 'not built yet')
  },
}
