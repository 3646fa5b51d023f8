// What the calendar, the meetings and the tasks all need: member names and the month's theme.
import type { MemberCtx } from '../common/context'
import { MEMBERS, THEMES } from '../common/db/collections'
import { themeId, type ThemeRecord } from '../common/db/content'
import type { MemberRecord } from '../common/db/team'
import { baseFields } from '../common/records'

/** Every member ever in the team, so records keep their people's names after someone leaves. */
export async function memberNames(ctx: MemberCtx): Promise<Map<string, string>> {
  const list = await ctx.repo<MemberRecord>(MEMBERS).find({}, { fields: { _id: true, name: true } })
  return new Map(list.map((m) => [m._id, m.name]))
}

/** Sets a month's theme (setMonthTheme, and a 复盘会's plan for next month). */
export async function writeMonthTheme(ctx: MemberCtx, month: string, theme: string): Promise<void> {
  const record: ThemeRecord = {
    ...baseFields(ctx, themeId(ctx.team._id, month)),
    month,
    theme,
  }
  const { _id, ...data } = record
  await ctx.db.collection(THEMES).doc(_id).set({ data })
}
