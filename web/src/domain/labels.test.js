import { describe, expect, it } from 'vitest'
import { messages } from '../i18n/index.js'
import {
  APPEAL_TYPES, CHANNELS, COMMANDS, DEADLINE_KINDS, DEADLINE_STATES, PAUSE_REASONS, REPLY_RESULTS, ROLES, SATISFACTIONS, STATES, URGENCIES,
  commandLabel, fieldLabel, label, stateLabel, stateTagType,
} from './labels.js'

describe('label tables', () => {
  it('have the Chinese names the hotline uses', () => {
    expect(stateLabel('triage', 'zh-CN')).toBe('待处理')
    expect(stateLabel('dispatched', 'zh-CN')).toBe('已派单待签收')
    expect(stateLabel('closed', 'zh-CN')).toBe('已办结')
    expect(commandLabel('sign', 'zh-CN')).toBe('签收')
    expect(commandLabel('to-dispatch', 'zh-CN')).toBe('转派单')
    expect(commandLabel('request-extension', 'zh-CN')).toBe('申请延期')
    expect(commandLabel('intake', 'zh-CN')).toBe('受理登记')
    expect(fieldLabel('caller.phone', 'zh-CN')).toBe('联系电话')
    expect(commandLabel('contact', 'zh-CN')).toBe('联系诉求人')
    expect(label('urgency', 'important', 'zh-CN')).toBe('重要')
    expect(label('deadlineKind', 'reply', 'zh-CN')).toBe('首次答复')
    expect(label('deadlineState', 'overdue', 'zh-CN')).toBe('已超期')
  })

  it.each(['zh-CN', 'en'])('cover every code name in %s', (locale) => {
    const tables = {
      state: STATES, command: COMMANDS, channel: CHANNELS, appealType: APPEAL_TYPES, result: REPLY_RESULTS, satisfaction: SATISFACTIONS, role: ROLES,
      urgency: URGENCIES, deadlineKind: DEADLINE_KINDS, deadlineState: DEADLINE_STATES, pauseReason: PAUSE_REASONS,
    }
    for (const [table, keys] of Object.entries(tables)) {
      for (const key of keys) {
        const text = messages[locale][table][key]
        expect(text, `${locale} ${table}.${key}`).toBeTruthy()
      }
    }
  })

  it('keeps both locales in step (same keys everywhere)', () => {
    const keys = (o, prefix = '') => Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]))
    expect(keys(messages.en).sort()).toEqual(keys(messages['zh-CN']).sort())
  })

  it('falls back to Chinese, then to the code itself', () => {
    expect(label('state', 'closed', 'fr')).toBe('已办结')
    expect(label('state', 'mystery', 'zh-CN')).toBe('mystery')
    expect(label('state', null)).toBe('')
  })

  it('gives each state a tag colour', () => {
    for (const s of STATES) expect(['success', 'info', 'danger', 'warning', 'primary']).toContain(stateTagType(s))
    expect(stateTagType('closed')).toBe('success')
    expect(stateTagType('unsatisfied')).toBe('danger')
  })
})
