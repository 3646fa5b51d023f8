import type { analyticsContract } from '../../core/api/analytics'
import { AppError } from '../../core/errors'
import type { Handlers } from '../common/action'

type C = typeof analyticsContract
export const dashboardHandlers: Pick<Handlers<C>, 'dashboard' | 'kpiDetail' | 'targets' | 'setTarget' | 'targetHistory'> = {
  async dashboard() {
    throw new AppError('INTERNAL', 'not built yet')
  },
  async kpiDetail() {
    throw new AppError('INTERNAL', 'not built yet')
  },
  async targets() {
    throw new AppError('INTERNAL', 'not built yet')
  },
  async setTarget() {
    throw new AppError('INTERNAL', 'not built yet')
  },
  async targetHistory() {
    throw new AppError('INTERNAL', 'not built yet')
  },
}
