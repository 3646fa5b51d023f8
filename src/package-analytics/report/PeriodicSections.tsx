import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { AlertLine, ItemRank, MonthlyContent, Ranking, WeeklyContent } from '../../../core/reports/periodic'
import { RANK_MIN_PLAYS } from '../../../core/reports/periodic'
import { KpiGrid } from '../../components/KpiGrid'
import { ROUTES, withQuery } from '../../routes'

const go = (url: string) => void Taro.navigateTo({ url })

function Card(props: { title: string; className: string; children: React.ReactNode }) {
  return (
    <View className={`analytics-card report-section ${props.className}`}>
      <Text className='analytics-card__title'>{props.title}</Text>
      {props.children}
    </View>
  )
}

function ItemLines({ items, empty }: { items: ItemRank[]; empty: string }) {
  if (!items.length) return <Text className='analytics-card__text'>{empty}</Text>
  return (
    <>
      {items.map((i) => (
        <View key={i.itemId} className='report-line' onClick={() => go(withQuery(ROUTES.itemDetail, { id: i.itemId }))}>
          <Text className='report-line__title'>{`${i.title} · ${i.display}`}</Text>
          <Text className='report-line__meta'>{i.tags}</Text>
        </View>
      ))}
    </>
  )
}

/** Top (and, in a 周报, bottom) items of one ranking; items under RANK_MIN_PLAYS plays are not ranked, and the card says so. */
function RankingCard({ r, bottom }: { r: Ranking; bottom: boolean }) {
  const note = `播放满 ${RANK_MIN_PLAYS} 次的作品才参与排名（本期 ${r.ranked} 条）`
  return (
    <Card title={`${r.label}排名`} className={`report-ranking report-ranking--${r.metric}`}>
      <Text className='report-line__meta'>{note}</Text>
      <Text className='report-subtitle'>最好的</Text>
      <ItemLines items={r.top} empty='暂无可排名的作品' />
      {bottom ? (
        <>
          <Text className='report-subtitle'>最差的</Text>
          <ItemLines items={r.bottom} empty='可排名的作品不足以列出最差的' />
        </>
      ) : null}
    </Card>
  )
}

function AlertLines({ title, list, className }: { title: string; list: AlertLine[]; className: string }) {
  return (
    <Card title={`${title} ${list.length} 项`} className={className}>
      {list.length ? (
        list.map((a) => (
          <View key={`${a.id}-${a.when}`} className='report-line' onClick={() => go(withQuery(ROUTES.analysis, { id: a.analysisId }))}>
            <Text className='report-line__title'>{a.label}</Text>
            <Text className='report-line__meta'>{`${a.when} · 现在${a.statusLabel}`}</Text>
          </View>
        ))
      ) : (
        <Text className='analytics-card__text'>无</Text>
      )}
    </Card>
  )
}

/** A 周报: the week against its targets (change vs the week before), the two-week rule's verdicts, then what moved it. */
export function WeeklySections({ w }: { w: WeeklyContent }) {
  const misses = w.verdicts.filter((v) => v.verdict === 'miss')
  return (
    <>
      <View className='section report-cards'>
        <Text className='section__title'>本周指标（较上周）</Text>
        <KpiGrid cards={w.cards} />
      </View>
      <Card title={`周评定：未达标 ${misses.length} 项`} className='report-verdicts'>
        {w.verdicts.map((v) => (
          <View key={v.kpi} className={`report-verdict report-verdict--${v.verdict ?? 'none'}`}>
            <Text className='report-verdict__label'>{v.label}</Text>
            <Text className='report-verdict__value'>{v.verdictLabel}</Text>
          </View>
        ))}
      </Card>
      <Card title='转化漏斗' className='report-funnel'>
        <Text className='analytics-card__text'>{w.funnel.biggestDrop ? `本周${w.funnel.biggestDrop}（${w.funnel.rate}）` : '本周暂无漏斗数据'}</Text>
        <Text className='report-line__meta'>{w.funnel.previousBiggestDrop ? `上周${w.funnel.previousBiggestDrop}（${w.funnel.previousRate}）` : '上周暂无漏斗数据'}</Text>
      </Card>
      {w.rankings.map((r) => (
        <RankingCard key={r.metric} r={r} bottom />
      ))}
      <Card title={`本周发布 ${w.published} 条 · 内容结构`} className='report-mix'>
        {w.mix.map((m) => (
          <View key={m.label} className='report-verdict'>
            <Text className='report-verdict__label'>{m.label}</Text>
            <Text className='report-verdict__value'>{`${m.count} 条（${m.share}）`}</Text>
          </View>
        ))}
      </Card>
      <AlertLines title='本周新开预警' list={w.alertsOpened} className='report-alerts-opened' />
      <AlertLines title='本周结束预警' list={w.alertsEnded} className='report-alerts-ended' />
    </>
  )
}

/** A 月报: auxiliary KPIs over the month, core KPIs over the quarter to date, the best cases and the decisions still open. */
export function MonthlySections({ m }: { m: MonthlyContent }) {
  return (
    <>
      <View className='section report-cards'>
        <Text className='section__title'>辅助目标（本月）</Text>
        <KpiGrid cards={m.monthCards} />
      </View>
      <View className='section report-cards'>
        <Text className='section__title'>{`核心目标（本季度至今 ${m.quarterFrom.slice(5)} 起）`}</Text>
        <KpiGrid cards={m.quarterCards} />
      </View>
      {m.rankings.map((r) => (
        <RankingCard key={r.metric} r={r} bottom={false} />
      ))}
      <Card title={`月度复盘待决策 ${m.openDecisions.length} 项`} className='report-decisions'>
        {m.openDecisions.length ? (
          m.openDecisions.map((a) => (
            <View key={a.id} className='report-line' onClick={() => go(withQuery(ROUTES.analysis, { id: a.id }))}>
              <Text className='report-line__title'>{a.title}</Text>
              <Text className='report-line__meta'>{`${a.statusLabel} · ${a.ownerText} · 截止 ${a.dueDay}`}</Text>
            </View>
          ))
        ) : (
          <Text className='analytics-card__text'>没有待决策的专项分析。</Text>
        )}
      </Card>
      <AlertLines title='本月新开预警' list={m.alertsOpened} className='report-alerts-opened' />
      <AlertLines title='本月结束预警' list={m.alertsEnded} className='report-alerts-ended' />
    </>
  )
}
