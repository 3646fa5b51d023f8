import {
  heatMap,
  isReviewDue,
  isReviewOverdue,
  RISK_CATEGORY_LABELS,
  RISK_LEVEL_LABELS,
  RISK_MATRIX,
  riskLevel,
  riskRadar,
  riskScore,
  sortRisks,
  suggestLikelihood,
  type RiskFacts,
} from './risks'

const risk = (id: string, likelihood: number, impact: number, more: Partial<RiskFacts> = {}): RiskFacts => ({
  id,
  category: 'market',
  likelihood,
  impact,
  status: 'watching',
  reviewDay: '2026-12-10',
  ...more,
})

describe('score and level', () => {
  it('scores likelihood × impact', () => {
    expect(riskScore(4, 3)).toBe(12)
    expect(riskScore(1, 1)).toBe(1)
    expect(riskScore(5, 5)).toBe(25)
  })

  it('reads the stated 5×5 matrix (likelihood 5 at the top, impact 1 at the left)', () => {
    const label = (l: number) => [1, 2, 3, 4, 5].map((i) => RISK_LEVEL_LABELS[riskLevel(l, i)]).join(' ')
    expect([5, 4, 3, 2, 1].map(label)).toEqual([
      '中 高 高 极高 极高',
      '低 中 高 高 极高',
      '低 中 中 高 高',
      '低 低 中 中 高',
      '低 低 低 低 中',
    ])
  })

  it('the matrix follows the score: 1–4 低, 5–9 中, 10–16 高, 20–25 极高', () => {
    const byScore = (s: number) => (s <= 4 ? 'low' : s <= 9 ? 'medium' : s <= 16 ? 'high' : 'critical')
    for (let l = 1; l <= 5; l++) for (let i = 1; i <= 5; i++) expect([l, i, riskLevel(l, i)]).toEqual([l, i, byScore(l * i)])
  })

  it('is symmetric in likelihood and impact', () => {
    for (let l = 0; l < 5; l++) for (let i = 0; i < 5; i++) expect(RISK_MATRIX[l][i]).toBe(RISK_MATRIX[i][l])
  })

  it('has the plan\'s six categories', () => {
    expect(Object.values(RISK_CATEGORY_LABELS)).toEqual(['市场竞争', '用户审美疲劳', '政策监管', '内容生产', '数据应用', '团队协作'])
  })
})

describe('heat map', () => {
  it('counts open risks per cell and leaves closed ones out', () => {
    const heat = heatMap([risk('a', 4, 3), risk('b', 4, 3, { status: 'occurred' }), risk('c', 1, 5, { status: 'proposed' }), risk('d', 2, 2, { status: 'closed' })])
    expect(heat[3][2]).toBe(2)
    expect(heat[0][4]).toBe(1)
    expect(heat[1][1]).toBe(0)
    expect(heat.flat().reduce((a, b) => a + b, 0)).toBe(3)
  })

  it('is 5×5 zeros with no risks', () => {
    expect(heatMap([])).toEqual(Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]))
  })
})

describe('radar', () => {
  it('takes the highest open score per category, in the plan\'s order, 0 where none', () => {
    const radar = riskRadar([
      risk('a', 2, 5, { category: 'policy' }),
      risk('b', 3, 3, { category: 'policy' }),
      risk('c', 5, 5, { category: 'policy', status: 'closed' }),
      risk('d', 4, 4, { category: 'teamwork', status: 'occurred' }),
    ])
    expect(radar).toEqual([0, 0, 10, 0, 0, 16])
  })
})

describe('review days', () => {
  it('a review due today is due but not overdue; yesterday\'s is overdue', () => {
    expect(isReviewDue(risk('a', 1, 1, { reviewDay: '2026-12-02' }), '2026-12-02')).toBe(true)
    expect(isReviewOverdue(risk('a', 1, 1, { reviewDay: '2026-12-02' }), '2026-12-02')).toBe(false)
    expect(isReviewOverdue(risk('a', 1, 1, { reviewDay: '2026-12-01' }), '2026-12-02')).toBe(true)
  })

  it('a closed risk is never due', () => {
    expect(isReviewDue(risk('a', 1, 1, { reviewDay: '2026-11-01', status: 'closed' }), '2026-12-02')).toBe(false)
  })
})

describe('list order', () => {
  it('overdue reviews first, then by score, closed last; ties by review day then id', () => {
    const today = '2026-12-05'
    const list = sortRisks(
      [
        risk('high', 5, 5),
        risk('overdueLow', 1, 2, { reviewDay: '2026-12-01' }),
        risk('closedTop', 5, 5, { status: 'closed', reviewDay: '2026-11-01' }),
        risk('mid', 3, 3, { reviewDay: '2026-12-20' }),
        risk('mid2', 3, 3, { reviewDay: '2026-12-08' }),
        risk('overdueHigh', 4, 4, { reviewDay: '2026-12-04' }),
      ],
      today,
    )
    expect(list.map((r) => r.id)).toEqual(['overdueHigh', 'overdueLow', 'high', 'mid2', 'mid', 'closedTop'])
  })
})

describe('suggestions', () => {
  const kpiRisk = { id: 'r1', likelihood: 2, status: 'watching' as const, signal: { kind: 'kpi' as const, kpi: 'completionRate' as const } }
  const alert = { kind: 'kpi' as const, kpi: 'completionRate' as const, key: 'alert_a7', text: '完播率连续两周未达标' }

  it('a fired KPI alert suggests likelihood + 1 on the risk linked to that KPI', () => {
    expect(suggestLikelihood([kpiRisk], [alert], [])).toEqual([
      { id: 'r1_alert_a7', riskId: 'r1', signalKind: 'kpi', fromLikelihood: 2, toLikelihood: 3, reason: '完播率连续两周未达标' },
    ])
  })

  it('an alert on another KPI suggests nothing', () => {
    expect(suggestLikelihood([kpiRisk], [{ ...alert, kpi: 'followers' }], [])).toEqual([])
  })

  it('nothing for a risk at likelihood 5, a closed one, or one without a link', () => {
    const risks = [
      { ...kpiRisk, id: 'max', likelihood: 5 },
      { ...kpiRisk, id: 'closed', status: 'closed' as const },
      { ...kpiRisk, id: 'free', signal: null },
    ]
    expect(suggestLikelihood(risks, [alert], [])).toEqual([])
  })

  it('nothing while a suggestion of the same signal kind waits for an answer', () => {
    expect(suggestLikelihood([kpiRisk], [alert], [{ riskId: 'r1', signalKind: 'kpi' }])).toEqual([])
    expect(suggestLikelihood([kpiRisk], [alert], [{ riskId: 'r1', signalKind: 'missingNumbers' }])).toHaveLength(1)
  })

  it('overdue reviews and missing numbers match risks linked to them, keyed by the week', () => {
    const risks = [
      { id: 'rv', likelihood: 3, status: 'proposed' as const, signal: { kind: 'reviewsOverdue' as const } },
      { id: 'mn', likelihood: 1, status: 'occurred' as const, signal: { kind: 'missingNumbers' as const } },
    ]
    const fired = [
      { kind: 'reviewsOverdue' as const, key: 'reviews_2026-W49', text: '有 2 条评审超时' },
      { kind: 'missingNumbers' as const, key: 'missing_2026-W49', text: '有 3 条作品未录入数据' },
    ]
    expect(suggestLikelihood(risks, fired, []).map((s) => [s.id, s.toLikelihood])).toEqual([
      ['rv_reviews_2026-W49', 4],
      ['mn_missing_2026-W49', 2],
    ])
  })
})
