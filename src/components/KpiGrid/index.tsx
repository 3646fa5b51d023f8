import { Text, View } from '@tarojs/components'
import type { Light } from '../../../core/analytics/kpi'
import type { KpiCard, WeekMark } from '../../../core/analytics/schemas'
import { changeArrow, changeTone, LIGHT_WORDS, sparkHeights } from '../../utils/analytics'
import './index.scss'

/** A light as a coloured dot AND its word, so it reads without colour too. */
export function LightBadge(props: { light: Light; className?: string }) {
  return (
    <View className={`light-badge light-badge--${props.light} ${props.className ?? ''}`}>
      <View className='light-badge__dot' />
      <Text className='light-badge__word'>{LIGHT_WORDS[props.light]}</Text>
    </View>
  )
}

/**
 * A tiny trend drawn with plain Views (no chart library in the main package): one bar per point,
 * a gap where there is no data.
 */
export function Sparkline(props: { trend: readonly (number | null)[]; light: Light }) {
  const heights = sparkHeights(props.trend)
  return (
    <View className={`sparkline sparkline--${props.light}`} aria-hidden>
      {heights.map((h, i) => (
        <View key={i} className={`sparkline__bar ${h === null ? 'sparkline__bar--empty' : ''}`} style={{ height: h === null ? '2px' : `${h}%` }} />
      ))}
    </View>
  )
}

/** A mark reads without colour too: ✓ hit, ✗ miss, – 未录入 or no target. */
const MARK_GLYPHS: Record<WeekMark['verdict'], string> = { hit: '✓', miss: '✗', missing: '–', untargeted: '–' }

/** The two-week rule's verdicts of the last judged weeks, oldest first: a square each, and the words for a screen reader. */
export function WeekMarks(props: { weeks: readonly WeekMark[] }) {
  return (
    <View className='week-marks' aria-label={props.weeks.map((w) => `${w.week.slice(5)} ${w.label}`).join('，')}>
      <Text className='week-marks__label'>周判定</Text>
      {props.weeks.map((w) => (
        <Text key={w.week} className={`week-mark week-mark--${w.verdict}`}>
          {MARK_GLYPHS[w.verdict]}
        </Text>
      ))}
    </View>
  )
}

export interface KpiCardViewProps {
  card: KpiCard
  /** Tapping opens the KPI's detail; absent for field staff (they see the cards only). */
  onOpen?: (card: KpiCard) => void
}

export function KpiCardView({ card, onOpen }: KpiCardViewProps) {
  const tone = changeTone(card.change, card.direction)
  return (
    <View
      className={`kpi-card kpi-card--${card.light} kpi-card--${card.kpi} ${onOpen ? 'kpi-card--link' : ''}`}
      onClick={onOpen ? () => onOpen(card) : undefined}
    >
      <View className='kpi-card__head'>
        <Text className='kpi-card__label'>{card.label}</Text>
        <LightBadge light={card.light} />
      </View>
      <Text className='kpi-card__value'>{card.display}</Text>
      <Text className='kpi-card__target'>{`本期目标 ${card.targetDisplay}`}</Text>
      {card.horizonText ? <Text className='kpi-card__horizon'>{card.horizonText}</Text> : null}
      {card.note ? <Text className='kpi-card__note'>{card.note}</Text> : null}
      <Text className={`kpi-card__change kpi-card__change--${tone}`}>
        {changeArrow(card.change) ? `${changeArrow(card.change)} ${card.changeDisplay}` : card.changeDisplay}
      </Text>
      <Sparkline trend={card.trend} light={card.light} />
      {card.weeks?.length ? <WeekMarks weeks={card.weeks} /> : null}
      <View className='kpi-card__foot'>
        <Text className='kpi-card__asof'>{card.asOfText}</Text>
        {onOpen ? <Text className='kpi-card__more'>详情 ›</Text> : null}
      </View>
    </View>
  )
}

/** The KPI cards in two columns. */
export function KpiGrid(props: { cards: readonly KpiCard[]; onOpen?: (card: KpiCard) => void }) {
  return (
    <View className='kpi-grid'>
      {props.cards.map((c) => (
        <KpiCardView key={c.kpi} card={c} onOpen={props.onOpen} />
      ))}
    </View>
  )
}
