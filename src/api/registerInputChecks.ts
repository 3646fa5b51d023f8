import type { FunctionContract } from '../../core/api/action'
import { AppError } from '../../core/errors'
import { parseInput } from '../../core/validation'
import { ApiError, inputChecks } from './client'

/**
 * Lets `api.<fn>.*` check inputs with the contract's own schemas before sending, so a form shows
 * "标题：不能为空" at once. Called by a sub-package's pages (e.g. src/package-content/inputs.ts) so each
 * contract's zod schemas load with the pages that send it, not in the main package.
 */
export function registerInputChecks(fn: string, contract: FunctionContract): void {
  inputChecks.set(fn, (action, input) => {
    const def = contract[action]
    if (!def) return
    try {
      parseInput(def.input, input)
    } catch (e) {
      if (e instanceof AppError) throw new ApiError(e.code, e.message, e.fields)
      throw e
    }
  })
}
