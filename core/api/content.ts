import type { MonthView, WeekView } from '../content/calendar'
import type { Mix, WeekCadence, MixCheck } from '../content/mix'
import {
  createItemInput,
  dayItemsInput,
  getItemInput,
  itemRefInput,
  listIdeasInput,
  markPublishedInput,
  monthViewInput,
  rangeInput,
  rescheduleItemInput,
  setMonthThemeInput,
  updateItemInput,
  weekViewInput,
  type ItemCard,
  type ItemDetail,
} from '../content/schemas'
import { emptyInput } from '../team/schemas'
import { STAFF_ROLES } from '../roles'
import { action } from './action'


export interface MixStats {
  from: string
  to: string
  mix: Mix
  mixCheck: MixCheck
  cadence: WeekCadence[]
}

export interface IdeaPage {
  items: ItemCard[]
  hasMore: boolean
  nextOffset: number
}

export interface CsvExport {
  fileName: string
  /** UTF-8 text starting with a BOM so Excel reads the Chinese correctly. */
  csv: string
  rows: number
}

export interface OwnerOption {
  id: string
  name: string
}

/** The `content` cloud function: the content calendar and the topic library (选题库). */
export const contentContract = {
  createItem: action<ItemDetail>()({ input: createItemInput, access: STAFF_ROLES, write: true, summary: '新建内容' }),
  updateItem: action<ItemDetail>()({ input: updateItemInput, access: STAFF_ROLES, write: true, summary: '编辑内容' }),
  rescheduleItem: action<ItemDetail>()({ input: rescheduleItemInput, access: STAFF_ROLES, write: true, summary: '调整排期' }),
  archiveItem: action<ItemDetail>()({ input: itemRefInput, access: STAFF_ROLES, write: true, summary: '归档内容' }),
  markPublished: action<ItemDetail>()({ input: markPublishedInput, access: STAFF_ROLES, write: true, summary: '标记已发布' }),
  setMonthTheme: action<{ month: string; theme: string }>()({ input: setMonthThemeInput, access: STAFF_ROLES, write: true, summary: '设置月度主题' }),
  getItem: action<ItemDetail>()({ input: getItemInput, access: 'member', write: false, summary: '查看内容' }),
  monthView: action<MonthView>()({ input: monthViewInput, access: 'member', write: false, summary: '月历' }),
  weekView: action<WeekView>()({ input: weekViewInput, access: 'member', write: false, summary: '周历' }),
  dayItems: action<ItemCard[]>()({ input: dayItemsInput, access: 'member', write: false, summary: '当日内容' }),
  listIdeas: action<IdeaPage>()({ input: listIdeasInput, access: 'member', write: false, summary: '选题库' }),
  mixStats: action<MixStats>()({ input: rangeInput, access: 'member', write: false, summary: '内容结构与节奏' }),
  exportCsv: action<CsvExport>()({ input: rangeInput, access: 'member', write: false, summary: '导出日历' }),
  owners: action<OwnerOption[]>()({ input: emptyInput, access: 'member', write: false, summary: '可选负责人' }),
}
