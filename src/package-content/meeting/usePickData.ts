import type { ItemCard } from '../../../core/content/schemas'
import type { DayKey } from '../../../core/time/china'
import { api } from '../../api'
import { useApiQuery } from '../../hooks/useApiQuery'
import { monthOf, shiftMonth, today } from '../../utils/content'

/**
 * What the agenda and 排期 sheets choose from: the topic library's newest ideas, and this month's and
 * next month's calendar from today on (whose days are "busy" for the default publish days).
 */
export function usePickData(enabled: boolean) {
  const query = useApiQuery(
    async () => {
      const month = monthOf(new Date())
      const [ideas, now, next] = await Promise.all([
        api.content.listIdeas({}),
        api.content.monthView({ month }),
        api.content.monthView({ month: shiftMonth(month, 1) }),
      ])
      const from = today()
      const cells = [...now.days, ...next.days].filter((d) => d.day >= from)
      const upcoming: ItemCard[] = cells.flatMap((d) => d.items)
      const busyDays: DayKey[] = cells.filter((d) => d.items.length > 0).map((d) => d.day)
      return { ideas: ideas.items, upcoming, busyDays }
    },
    [enabled],
    { enabled },
  )
  const data = query.data
  return {
    ideas: data?.ideas,
    choices: data ? [...data.ideas, ...data.upcoming] : undefined,
    busyDays: data?.busyDays ?? [],
    refresh: query.refresh,
  }
}
