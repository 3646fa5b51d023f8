// The `research` cloud function: what the team learns by testing (A/B experiments, PRODUCT.md capability 9)
// and by looking around (the competitor watch). Its two areas keep their actions in one block each.
import { action } from './action'

export const researchContract = {
  // ---- A/B experiments (handlers: cloudfunctions/research/experiments.ts) ----
  // ---- competitor watch (handlers: cloudfunctions/research/competitors.ts) ----
}
void action
