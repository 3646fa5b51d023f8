import { AUXILIARY_KPI_DEFS } from './kpiDefsAuxiliary'
import { CORE_KPI_DEFS } from './kpiDefsCore'
import type { KpiDef } from './kpiDef'
import type { KpiKey } from './schemas'

export { INTRO_LAYER, VIDEO_FORMAT, type KpiDef } from './kpiDef'

/**
 * The dashboard's KPI table (PRODUCT.md capability 4 and the baseline/target table): what each KPI
 * means, its default target, and how it is computed from daily rollups and the items published in a
 * range. The rows live in ./kpiDefsCore.ts and ./kpiDefsAuxiliary.ts; the data they read is described in
 * ./kpiData.ts, targets in ./targets.ts, and the card a page draws in ./cards.ts.
 */
export const KPI_DEFS: Record<KpiKey, KpiDef> = { ...CORE_KPI_DEFS, ...AUXILIARY_KPI_DEFS }

/**
 * The KPI table's version: raise it whenever a row's formula, unit or default target changes. A stored
 * report records the version it was computed with (`definitionsVersion`), so numbers frozen under an
 * older table are known as such.
 */
export const KPI_DEFS_VERSION = 1
