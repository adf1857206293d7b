import { describe, expect, it } from 'vitest'
import { COMMANDS } from './labels.js'
import { COMMAND_FORMS, buildBody, initialForm, isOneClick, missingFields, optionLabel, splitList, visibleFields } from './commands.js'
import { t } from '../i18n/index.js'

describe('command forms', () => {
  it('exist for every command', () => {
    for (const c of COMMANDS) expect(COMMAND_FORMS[c], c).toBeDefined()
  })

  it('carry out sign and to-dispatch in one click', () => {
    expect(isOneClick('sign')).toBe(true)
    expect(isOneClick('to-dispatch')).toBe(true)
    expect(isOneClick('reply')).toBe(false)
  })

  it('build a reply body with how the citizen was reached and who handled it', () => {
    const f = initialForm('reply')
    expect(f).toMatchObject({ content: '', result: 'resolved', contact_method: 'phone', handler: '', handler_phone: '' })
    expect(Math.abs(f.contacted_at - Date.now())).toBeLessThan(60000) // now, unless the unit picks another time
    expect(missingFields('reply', f)).toEqual(['content', 'handler', 'handler_phone'])
    f.contacted_at = ''
    expect(missingFields('reply', f)).toEqual(['content', 'contacted_at', 'handler', 'handler_phone'])
    f.content = '  已修复路灯  '
    f.contacted_at = 1795000000123 // the picker's milliseconds
    f.handler = ' 李红 '
    f.handler_phone = '0794-1234567'
    expect(missingFields('reply', f)).toEqual([])
    expect(buildBody('reply', f)).toEqual({
      content: '已修复路灯', result: 'resolved', contact_method: 'phone', contacted_at: 1795000000,
      handler: '李红', handler_phone: '0794-1234567',
    })
    // Not contacted: no time asked for, none sent.
    f.contact_method = 'not_contacted'
    expect(visibleFields('reply', f).map((x) => x.name)).not.toContain('contacted_at')
    expect(buildBody('reply', f).contacted_at).toBeUndefined()
  })

  it('build a return with its reason from the list and the suggested unit', () => {
    const f = initialForm('return')
    expect(missingFields('return', f)).toEqual(['return_kind', 'reason'])
    f.return_kind = 'outside_area'
    f.reason = '该路段属西湖街道'
    expect(buildBody('return', f)).toEqual({ return_kind: 'outside_area', reason: '该路段属西湖街道' })
    f.suggested_unit = 'LC-D02-S01'
    expect(buildBody('return', f).suggested_unit).toBe('LC-D02-S01')
  })

  it('send only what an edit changes, urgency only when chosen', () => {
    const f = initialForm('edit')
    expect(f.urgency).toBe('')
    expect(buildBody('edit', f)).toEqual({})
    const [urgency] = COMMAND_FORMS.edit.filter((x) => x.name === 'urgency')
    expect(urgency.options).toEqual(['urgent', 'important', 'normal'])
    expect(urgency.options.map((o) => optionLabel(urgency, o, t))).toEqual(['紧急', '重要', '一般'])
    f.urgency = 'normal'
    expect(buildBody('edit', f)).toEqual({ urgency: 'normal' })
    f.area = 'LC-D01-S01'
    f.urgency = 'important'
    expect(buildBody('edit', f)).toEqual({ area: 'LC-D01-S01', urgency: 'important' })
    expect(buildBody('edit', f)).not.toHaveProperty('urgent')
  })

  it('record how and when the unit contacted the citizen (联系诉求人)', () => {
    const f = initialForm('contact')
    expect(isOneClick('contact')).toBe(false)
    expect(f).toMatchObject({ contact_method: 'phone', content: '' })
    expect(Math.abs(f.contacted_at - Date.now())).toBeLessThan(60000)
    const [method] = COMMAND_FORMS.contact
    expect(method.options).toEqual(['phone', 'visit', 'sms', 'online']) // never 'not_contacted'
    expect(optionLabel(method, 'visit', t)).toBe('上门走访')
    f.contact_method = ''
    expect(missingFields('contact', f)).toEqual(['contact_method'])
    f.contact_method = 'visit'
    f.contacted_at = 1795000000123
    f.content = ' 已电话约定明早上门 '
    expect(missingFields('contact', f)).toEqual([])
    expect(buildBody('contact', f)).toEqual({ contact_method: 'visit', contacted_at: 1795000000, content: '已电话约定明早上门' })
    // The time cleared: the server takes now; no note: none sent.
    f.contacted_at = null
    f.content = '  '
    expect(buildBody('contact', f)).toEqual({ contact_method: 'visit' })
  })

  it('need a reason to send a lower unit\'s reply back, none to accept it', () => {
    expect(missingFields('reject-reply', initialForm('reject-reply'))).toEqual(['reason'])
    expect(missingFields('accept-reply', initialForm('accept-reply'))).toEqual([])
  })

  it('build a dispatch body with optional co-handlers', () => {
    const f = initialForm('dispatch')
    expect(missingFields('dispatch', f)).toEqual(['unit'])
    f.unit = 'LC-D01-S01'
    expect(buildBody('dispatch', f)).toEqual({ unit: 'LC-D01-S01' })
    f.co_units = ['LC-CG']
    expect(buildBody('dispatch', f)).toEqual({ unit: 'LC-D01-S01', co_units: ['LC-CG'] })
    f.content = ' 请当天上门核实 ' // 派单意见
    expect(buildBody('dispatch', f).content).toBe('请当天上门核实')
  })

  it('ask for a reason only when a review sends the reply back', () => {
    const f = initialForm('review')
    expect(visibleFields('review', f).map((x) => x.name)).toEqual(['accept'])
    expect(buildBody('review', f)).toEqual({ accept: true })
    f.accept = false
    expect(missingFields('review', f)).toEqual(['reason'])
    f.reason = '答复未回应诉求'
    expect(buildBody('review', f)).toEqual({ accept: false, reason: '答复未回应诉求' })
  })

  it('record a callback or an unreachable attempt', () => {
    const f = initialForm('callback')
    expect(missingFields('callback', f)).toEqual(['satisfaction'])
    f.satisfaction = 'satisfied'
    expect(buildBody('callback', f)).toEqual({ satisfaction: 'satisfied', resolved: true })
    f.unreachable = true
    expect(missingFields('callback', f)).toEqual([])
    expect(buildBody('callback', f)).toEqual({ unreachable: true })
    f.content = ' 电话无人接听 '
    expect(buildBody('callback', f)).toEqual({ unreachable: true, content: '电话无人接听' })
  })

  it('ask why when the citizen is not satisfied, and keep what they said', () => {
    const f = initialForm('callback')
    f.satisfaction = 'unsatisfied'
    f.resolved = false
    expect(missingFields('callback', f)).toEqual(['dissatisfaction'])
    f.dissatisfaction = 'off_topic'
    f.content = '答复和我反映的不是一回事'
    expect(buildBody('callback', f)).toEqual({
      satisfaction: 'unsatisfied', resolved: false, dissatisfaction: 'off_topic', content: '答复和我反映的不是一回事',
    })
    // A reason is offered, not required, when basically satisfied; never sent when satisfied.
    f.satisfaction = 'basically_satisfied'
    expect(missingFields('callback', f)).toEqual([])
    f.satisfaction = 'satisfied'
    expect(buildBody('callback', f)).not.toHaveProperty('dissatisfaction')
  })

  it('send numbers as numbers', () => {
    expect(buildBody('request-extension', { days: '5', reason: '需协调' })).toEqual({ days: 5, reason: '需协调' })
    expect(buildBody('merge', { main_ticket: '12' })).toEqual({ main_ticket: 12 })
    expect(buildBody('merge', { main_ticket: ' lc20261123000042 ' })).toEqual({ main_ticket: 'LC20261123000042' })
    expect(buildBody('escalate', { level: 2, reason: '多次投诉' })).toEqual({ level: 2, reason: '多次投诉' })
    expect(buildBody('decide-extension', { approve: false, reason: '' })).toEqual({ approve: false })
  })

  it('label options in Chinese', () => {
    const [number] = COMMAND_FORMS['transfer-emergency']
    expect(optionLabel(number, '120', t)).toBe('120 急救')
    const [accept] = COMMAND_FORMS.review
    expect(optionLabel(accept, false, t)).toBe('退回重办')
    const [level] = COMMAND_FORMS.supervise
    expect(optionLabel(level, 2, t)).toBe('区县督办')
    expect(level.options).toEqual([1, 2, 3])
    const [escalation] = COMMAND_FORMS.escalate
    expect(optionLabel(escalation, 2, t)).toBe('2 级')
    expect(missingFields('escalate', { level: 1, to: '', reason: '久拖不决' })).toEqual(['to'])
  })

  it('asks a supervision for its instructions and sends the answer date in seconds', () => {
    const form = { ...initialForm('supervise'), level: 2, instructions: ' 限期整改 ', assignee: '', due_at: 1795000000000 }
    expect(missingFields('supervise', { ...form, instructions: '' })).toEqual(['instructions'])
    expect(buildBody('supervise', form)).toEqual({ level: 2, instructions: '限期整改', due_at: 1795000000 })
    expect(missingFields('answer-supervision', initialForm('answer-supervision'))).toEqual(['content'])
    expect(missingFields('close-supervision', initialForm('close-supervision'))).toEqual(['note'])
  })

  it('take a joint-review decision with its participants as a list, and co-units from the whole tree', () => {
    expect(splitList(' 东城区，市住建局、 市供热公司;热线中心\n')).toEqual(['东城区', '市住建局', '市供热公司', '热线中心'])
    const form = initialForm('decide-joint-review')
    expect(form.co_units).toEqual([])
    expect(form.catalog_change).toBe(false)
    expect(missingFields('decide-joint-review', form)).toEqual(['lead_unit', 'participants', 'minutes'])
    Object.assign(form, { lead_unit: 'LC-D01', co_units: ['LC-ZJJ'], participants: '东城区、市住建局', minutes: ' 由东城区牵头 ', catalog_change: true })
    expect(buildBody('decide-joint-review', form)).toEqual({
      lead_unit: 'LC-D01', co_units: ['LC-ZJJ'], participants: ['东城区', '市住建局'], minutes: '由东城区牵头', catalog_change: true,
    })
    expect(buildBody('decide-joint-review', { ...form, catalog_change: false }).catalog_change).toBe(false)
    expect(isOneClick('co-sign')).toBe(true)
    expect(missingFields('whistle', initialForm('whistle'))).toEqual(['to_unit', 'reason'])
  })
})
