import Taro from '@tarojs/taro'
import { formatHours } from '../../core/format'
import { inChina } from '../../core/time/china'

/** The production-speed target of PRODUCT.md: topic approved → final approved within a day. */
export const CYCLE_TARGET_HOURS = 24

/** '已等待 30.5 小时（时限 24 小时）' — how long a review has waited against its SLA. */
export function waitedText(waitingHours: number, slaHours: number): string {
  return `已等待 ${formatHours(waitingHours)}（时限 ${formatHours(slaHours)}）`
}

/** Hours between two ISO instants (for the SLA of an inbox entry: due − since); formatHours rounds it for display. */
export function hoursBetween(fromIso: string, toIso: string): number {
  return (new Date(toIso).getTime() - new Date(fromIso).getTime()) / 3_600_000
}

/** '3月10日 20:00' in China time. */
export function shortDateTime(iso: string): string {
  return inChina(iso).format('M月D日 HH:mm')
}

/** The subscribe-message templates configured for this build (comma-separated, set at build time). */
export function subscribeTemplateIds(): string[] {
  return (process.env.TARO_APP_SUBSCRIBE_TEMPLATES ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
}

/**
 * Inside WeChat, asks the member to accept the review reminders (must run from a tap).
 * Skipped silently in the browser or when no template is configured: the in-app list still works,
 * and a refusal never blocks the action that asked.
 */
export async function askForReviewReminders(): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp') return
  const tmplIds = subscribeTemplateIds()
  if (tmplIds.length === 0) return
  try {
    await Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option)
  } catch {
    // Declined or unsupported: the notification list in the app covers it.
  }
}

/** One link per line (or separated by spaces), trimmed, empties dropped. */
export function splitLinks(text: string): string[] {
  return text
    .split(/[\s,，]+/)
    .map((s) => s.trim())
    .filter(Boolean)
}
