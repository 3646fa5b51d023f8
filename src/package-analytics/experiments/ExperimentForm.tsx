import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Checkbox, Popup } from '@nutui/nutui-react-taro'
import {
  EXPERIMENT_METRICS,
  EXPERIMENT_VARIABLES,
  MAX_VARIANTS,
  METRIC_LABELS,
  VARIANT_SOURCES,
  VARIANT_SOURCE_LABELS,
  sourceOfMetric,
  type ExperimentView,
} from '../../../core/research/experiments'
import { api, ApiError } from '../../api'
import { newRequestId } from '../../api/client'
import { ChoiceField, FieldError, optionsOf, TextAreaField, TextField } from '../../components/fields'
import { NumberField } from '../../components/ResultsFields'
import { useApiQuery } from '../../hooks/useApiQuery'
import { useFormAction } from '../../hooks/useFormAction'
import { toastSuccess } from '../../utils/feedback'
import { inputOf, num, OTHER, shape, share, type ExperimentDraft, type PickedItem, type VariantDraft } from './draft'

/** The content items the picker offers: this month's and last month's on the calendar. */
function useItemChoices(enabled: boolean) {
  return useApiQuery(
    async () => {
      const now = new Date()
      const month = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`
      const last = new Date(now.getFullYear(), now.getMonth() - 1, 1)
      const views = await Promise.all([api.content.monthView({ month: month(now) }), api.content.monthView({ month: month(last) })])
      return views.flatMap((v) => v.days.flatMap((d) => d.items)).filter((i) => i.status !== 'idea')
    },
    [],
    { enabled },
  )
}

function ItemPicker(props: { open: boolean; picked: PickedItem[]; onClose: () => void; onDone: (items: PickedItem[]) => void }) {
  const choices = useItemChoices(props.open)
  const [ids, setIds] = useState<string[]>(props.picked.map((i) => i.id))
  const list = choices.data ?? []
  return (
    <Popup visible={props.open} position='bottom' round onClose={props.onClose} title='选择内容'>
      <View className='item-picker'>
        {choices.data ? (
          list.length ? (
            <Checkbox.Group value={ids} onChange={(v) => setIds(v as string[])}>
              {list.map((i) => (
                <Checkbox key={i.id} className='item-picker__item' value={i.id} label={`${i.day ?? ''} ${i.title}`} />
              ))}
            </Checkbox.Group>
          ) : (
            <Text className='item-picker__empty'>近两个月日历上没有内容。</Text>
          )
        ) : (
          <Text className='item-picker__empty'>正在读取内容…</Text>
        )}
        <Button className='item-picker__done' type='primary' block onClick={() => props.onDone([...props.picked.filter((p) => ids.includes(p.id) && !list.some((i) => i.id === p.id)), ...list.filter((i) => ids.includes(i.id)).map((i) => ({ id: i.id, title: i.title }))])}>
          确定
        </Button>
      </View>
    </Popup>
  )
}

/** The sample-size preview: the plan the function makes from the team's rollups for what is typed. */
function PlanPreview({ d }: { d: ExperimentDraft }) {
  const mde = share(d.mde)
  const baseline = share(d.baseline)
  const sends = num(d.dailySends)
  const valid = mde !== undefined && mde > 0 && mde <= 0.5 && (baseline === undefined || (baseline > 0 && baseline < 1))
  const plan = useApiQuery(
    () => api.research.planExperiment({ metric: d.metric, mde: mde!, variants: d.variants.length, ...(baseline !== undefined ? { baseline } : {}), ...(d.metric === 'openRate' && sends !== undefined && Number.isInteger(sends) && sends >= 0 ? { dailySends: sends } : {}) }),
    [d.metric, d.mde, d.baseline, d.dailySends, d.variants.length],
    { enabled: valid },
  )
  const p = plan.data
  return (
    <View className='plan-preview'>
      <Text className='plan-preview__title'>样本量估算（双侧 α = 5%，检验力 80%）</Text>
      {!valid ? (
        <Text className='plan-preview__line'>填写最小可检测差异后显示</Text>
      ) : p ? (
        <>
          <Text className='plan-preview__line plan-preview__baseline'>{p.baselineText}</Text>
          <Text className='plan-preview__line plan-preview__need'>{p.needText}</Text>
          <Text className='plan-preview__line plan-preview__days'>{`预计用时：${p.daysText}`}</Text>
        </>
      ) : (
        <Text className='plan-preview__line'>{plan.error ? plan.error.message : '正在估算…'}</Text>
      )}
    </View>
  )
}

/** The first field message under `prefix` (a variant's name, source or items). */
const errorUnder = (errors: Record<string, string>, prefix: string) => Object.entries(errors).find(([k]) => k === prefix || k.startsWith(`${prefix}.`))?.[1]

/**
 * 新建实验 / 修改草稿: the hypothesis, the one variable, the primary and guardrail metrics, the effect to
 * detect (with the live sample-size preview) and two or more variants, each with content items or push counts.
 */
export function ExperimentForm(props: { initial: ExperimentDraft; editing?: { id: string; version: number }; onSaved: (x: ExperimentView) => void }) {
  const [d, setD] = useState<ExperimentDraft>(props.initial)
  const [picking, setPicking] = useState<number | null>(null)
  const [otherVariable, setOtherVariable] = useState(!!props.initial.variable && !(EXPERIMENT_VARIABLES as readonly string[]).includes(props.initial.variable))
  const requestId = useRef(newRequestId())
  const set = (patch: Partial<ExperimentDraft>) => setD((x) => ({ ...x, ...patch }))
  const setVariant = (i: number, patch: Partial<VariantDraft>) => setD((x) => ({ ...x, variants: x.variants.map((v, j) => (j === i ? { ...v, ...patch } : v)) }))
  const form = useFormAction(
    async () => {
      const input = inputOf(d)
      try {
        const opts = { requestId: requestId.current }
        return props.editing ? await api.research.updateExperiment({ ...input, ...props.editing }, opts) : await api.research.createExperiment(input, opts)
      } catch (e) {
        // A refused or conflicting request is done: the corrected form is a new request.
        if (e instanceof ApiError) requestId.current = newRequestId()
        throw e
      }
    },
    (x) => {
      toastSuccess(props.editing ? '草稿已保存' : '实验已创建')
      props.onSaved(x)
    },
  )
  const e = form.errors
  const variableOptions = [...EXPERIMENT_VARIABLES, OTHER].map((v) => ({ value: v, label: v }))
  return (
    <View className='experiment-form'>
      <View className='analytics-card'>
        <Text className='experiment-form__label'>实验名称</Text>
        <TextField className='field-title' value={d.title} onChange={(title) => set({ title })} schema={shape.title} placeholder='例如：推送时机' error={e.title} />
        <Text className='experiment-form__label'>假设</Text>
        <TextAreaField className='field-hypothesis' value={d.hypothesis} onChange={(hypothesis) => set({ hypothesis })} schema={shape.hypothesis} placeholder='例如：发布后 3 分钟推送，打开率比 24 小时后更高' error={e.hypothesis} />
        <Text className='experiment-form__label'>改变的变量（只改一个）</Text>
        <ChoiceField
          value={otherVariable ? OTHER : d.variable}
          onChange={(v) => {
            setOtherVariable(v === OTHER)
            set({ variable: v === OTHER ? '' : v })
          }}
          options={variableOptions}
          optionClass='variable-option'
          error={otherVariable ? undefined : e.variable}
        />
        {otherVariable ? <TextField className='field-variable' value={d.variable} onChange={(variable) => set({ variable })} schema={shape.variable} placeholder='写下这次改变的变量' error={e.variable} /> : null}
      </View>

      <View className='analytics-card'>
        <Text className='experiment-form__label'>主要指标</Text>
        <ChoiceField
          value={d.metric}
          onChange={(metric) => setD((x) => ({ ...x, metric, guardrail: x.guardrail === metric ? '' : x.guardrail, variants: x.variants.map((v) => ({ ...v, source: sourceOfMetric(metric) })) }))}
          options={optionsOf(EXPERIMENT_METRICS, METRIC_LABELS)}
          optionClass='metric-option'
          error={e.metric}
        />
        <Text className='experiment-form__label'>护栏指标（不能变差的指标，选填）</Text>
        <ChoiceField value={d.guardrail} onChange={(g) => set({ guardrail: g === d.guardrail ? '' : g })} options={optionsOf(EXPERIMENT_METRICS, METRIC_LABELS).filter((o) => o.value !== d.metric)} optionClass='guardrail-option' error={e.guardrail} />
        <NumberField label='最小可检测差异' reference='单位：百分点（5 即 5 个百分点）' keyboard='digit' unit='' placeholder='必填' value={d.mde} onChange={(mde) => set({ mde })} error={e.mde} className='field-mde' />
        <NumberField label='基线（选填）' reference={d.metric === 'openRate' ? '日汇总没有打开率，请填写' : '日汇总有数据时以实测为准'} keyboard='digit' unit='%' value={d.baseline} onChange={(baseline) => set({ baseline })} error={e.baseline} className='field-baseline' />
        {d.metric === 'openRate' ? <NumberField label='预计每日推送量' keyboard='number' unit='次' value={d.dailySends} onChange={(dailySends) => set({ dailySends })} error={e.dailySends} className='field-dailySends' /> : null}
        <PlanPreview d={d} />
      </View>

      {d.variants.map((v, i) => (
        <View key={i} className={`analytics-card variant-editor variant-editor--${i}`}>
          <View className='variant-editor__head'>
            <Text className='variant-editor__key'>{`${'ABCDEF'[i]} 组${i === 0 ? '（对照）' : ''}`}</Text>
            {d.variants.length > 2 ? (
              <Text className='variant-editor__remove' onClick={() => set({ variants: d.variants.filter((_, j) => j !== i) })}>
                删除
              </Text>
            ) : null}
          </View>
          <TextField className={`field-variant-name field-variant-name--${i}`} value={v.name} onChange={(name) => setVariant(i, { name })} schema={shape.variants.element.shape.name} placeholder='组名，例如：3 分钟' error={e[`variants.${i}.name`]} />
          <ChoiceField value={v.source} onChange={(source) => setVariant(i, { source })} options={optionsOf(VARIANT_SOURCES, VARIANT_SOURCE_LABELS)} optionClass={`source-option source-option-${i}`} error={e[`variants.${i}.source`]} />
          {v.source === 'items' ? (
            <View className='variant-editor__items'>
              {v.items.map((it) => (
                <View key={it.id} className='variant-editor__item'>
                  <Text className='variant-editor__item-title'>{it.title}</Text>
                  <Text className='variant-editor__item-remove' onClick={() => setVariant(i, { items: v.items.filter((x) => x.id !== it.id) })}>
                    移除
                  </Text>
                </View>
              ))}
              <Button className={`variant-add-items variant-add-items--${i}`} size='small' fill='outline' onClick={() => setPicking(i)}>
                添加内容
              </Button>
              <FieldError message={errorUnder(e, `variants.${i}.itemIds`)} />
            </View>
          ) : (
            <Text className='variant-editor__counts'>实验开始后，每天在实验页录入这一组的推送数和打开数。</Text>
          )}
        </View>
      ))}
      <FieldError message={e.variants} />
      {d.variants.length < MAX_VARIANTS ? (
        <Button className='variant-add' block fill='outline' onClick={() => set({ variants: [...d.variants, { name: '', source: sourceOfMetric(d.metric), items: [] }] })}>
          再加一组
        </Button>
      ) : null}
      <Button className='experiment-save' type='primary' block loading={form.submitting} disabled={form.submitting} onClick={() => void form.submit(undefined)}>
        {props.editing ? '保存草稿' : '创建实验'}
      </Button>
      {picking !== null ? (
        <ItemPicker
          open
          picked={d.variants[picking].items}
          onClose={() => setPicking(null)}
          onDone={(items) => {
            setVariant(picking, { items })
            setPicking(null)
          }}
        />
      ) : null}
    </View>
  )
}
