// 时限规则 (issue 10): the time limits in force (GET /api/v1/policies) as a reader
// takes them in — which appeals a rule covers, and each deadline's limit in words.
// A rule: { rule, appeal_type, category, urgency, channel, enterprise, conditions,
// limits: { sign: { amount, unit }, … }, note }; unset conditions are null.
import { DEADLINE_KINDS, label } from './labels.js'

const fill = (text, values) => String(text).replace(/\{(\w+)\}/g, (m, k) => (values[k] !== undefined ? values[k] : m))

/** "24 小时", "4 个工作小时", "10 个工作日", "7 天"; '' for no limit. */
export function limitText(limit, locale) {
  if (!limit || !limit.amount) return ''
  return fill(label('policyUnit', limit.unit, locale), { n: limit.amount })
}

/**
 * What a rule applies to, one phrase per condition ("诉求类型：投诉", "分类：12 供水供电…",
 * "紧急程度：紧急", "渠道：网站", "企业诉求"); the default rule says so.
 * `categoryName(code)` names a category code (the code itself when unknown).
 */
export function conditionTexts(rule, locale, categoryName = (c) => c) {
  const out = []
  const text = (key, values) => fill(label('policies', key, locale), values)
  if (rule.appeal_type) out.push(text('appealType', { v: label('appealType', rule.appeal_type, locale) }))
  if (rule.category) out.push(text('category', { v: categoryName(rule.category) }))
  if (rule.urgency) out.push(text('urgency', { v: label('urgency', rule.urgency, locale) }))
  if (rule.channel) out.push(text('channel', { v: label('channel', rule.channel, locale) }))
  if (rule.enterprise === true) out.push(text('enterprise', {}))
  if (rule.enterprise === false) out.push(text('notEnterprise', {}))
  return out.length ? out : [text('default', {})]
}

/**
 * Table rows: one per rule in the order given (the file's), with the limit of each
 * deadline kind in words ('' where the rule leaves the kind to less specific rules).
 */
export function policyRows(rules, locale, categoryName) {
  return (rules || []).map((r) => {
    const row = { rule: r.rule, note: r.note || '', conditions: conditionTexts(r, locale, categoryName) }
    for (const kind of DEADLINE_KINDS) row[kind] = limitText((r.limits || {})[kind], locale)
    return row
  })
}

/** "09:00–12:00、13:30–17:30" */
export function workingHoursText(periods) {
  return (periods || []).map((p) => `${p.start}–${p.end}`).join('、')
}
