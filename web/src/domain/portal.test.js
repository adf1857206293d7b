import { describe, expect, it } from 'vitest'
import { APPEAL_TYPES, COMMANDS, STATES } from './labels.js'
import {
  PORTAL_APPEAL_TYPES, PUBLIC_STATES, buildEvaluation, buildPortalAppeal, emptyPortalAppeal, geolocationMessage,
  isValidPhone, normalizeCode, normalizeNumber, normalizePhone, portalChannel, publicState, roundCoordinate,
  satisfactionText, stepText, timelineSteps, validateEvaluation, validatePortalAppeal, validateTrack,
  mapPick, markerOf, placesDisagree, locatedPlace, photoProblem, PHOTO_MAX_BYTES,
} from './portal.js'
import { placeAt } from './map.js'
import { GEO } from '../test-support/cityMap.js'

const filled = (extra = {}) => ({
  ...emptyPortalAppeal(),
  appeal_type: 'complaint',
  content: '  幸福里小区夜间施工噪音扰民  ',
  name: ' 王女士 ',
  phone: '139 0000 2222',
  ...extra,
})

describe('the appeal form', () => {
  it('offers every appeal type the API knows', () => {
    expect(PORTAL_APPEAL_TYPES.map((a) => a.value)).toEqual(APPEAL_TYPES)
  })

  it('names every missing required field', () => {
    expect(validatePortalAppeal(emptyPortalAppeal())).toEqual({
      appeal_type: '请选择诉求类型',
      content: '请填写诉求内容',
      name: '请填写您的姓名',
      phone: '请填写联系电话，办理结果将通过电话告知您',
    })
    expect(validatePortalAppeal(filled())).toEqual({})
  })

  it('asks for a little more than a word or two of content, and not a book', () => {
    expect(validatePortalAppeal(filled({ content: ' 路灯 ' })).content).toMatch(/至少 5 个字/)
    expect(validatePortalAppeal(filled({ content: '路'.repeat(2001) })).content).toMatch(/不要超过 2000 字/)
    expect(validatePortalAppeal(filled({ name: '张'.repeat(51) })).name).toMatch(/不要超过 50 字/)
    expect(validatePortalAppeal(filled({ address: '路'.repeat(201) })).address).toMatch(/不要超过 200 字/)
    expect(validatePortalAppeal(filled({ appeal_type: 'rumour' })).appeal_type).toBe('请选择诉求类型')
  })

  it('accepts mobile and landline numbers in the ways people write them', () => {
    for (const p of ['13800138000', '138 0013 8000', '138-0013-8000', '+86 138 0013 8000', '008613800138000', '0791-86123456', '(0791)86123456', '010 12345678', '86123456']) {
      expect(isValidPhone(p), p).toBe(true)
    }
    for (const p of ['123', '1380013800', '138001380001', '12345678901', 'abc', '0791-12', '']) {
      expect(isValidPhone(p), p).toBe(false)
    }
    expect(normalizePhone('+86 138-0013-8000')).toBe('13800138000')
    expect(validatePortalAppeal(filled({ phone: '12345' })).phone).toMatch(/格式不正确/)
  })

  it('checks the coordinates only when some are given', () => {
    expect(validatePortalAppeal(filled({ lat: '28.68', lon: '' })).location).toBe('请同时填写纬度和经度，或都不填')
    expect(validatePortalAppeal(filled({ lat: '128', lon: '115.8' })).location).toMatch(/纬度应在/)
    expect(validatePortalAppeal(filled({ lat: '28.6', lon: '东经' })).location).toMatch(/经度应在/)
    expect(validatePortalAppeal(filled({ lat: '28.6829', lon: '115.8582' })).location).toBeUndefined()
  })

  it('builds the request body: trimmed, digits only, optional parts when filled', () => {
    expect(buildPortalAppeal(filled())).toEqual({
      channel: 'web', appeal_type: 'complaint', content: '幸福里小区夜间施工噪音扰民',
      caller: { name: '王女士', phone: '13900002222' },
    })
    expect(buildPortalAppeal(filled({ address: ' 幸福里 3 号楼 ', lat: '28.6829', lon: '115.8582' }), 'mini_program')).toMatchObject({
      channel: 'mini_program', address: '幸福里 3 号楼', location: { lat: 28.6829, lon: 115.8582 },
    })
    expect(buildPortalAppeal(filled({ area: 'LC-D01-S01-C01' })).area).toBe('LC-D01-S01-C01')
  })

  it('arrives by the mini-program inside its web-view, by the web site otherwise', () => {
    expect(portalChannel('Mozilla/5.0 (iPhone) MicroMessenger/8.0 miniProgram', '')).toBe('mini_program')
    expect(portalChannel('Mozilla/5.0 (iPhone) MicroMessenger/8.0', '')).toBe('web')
    expect(portalChannel('Mozilla/5.0', '?channel=mini_program')).toBe('mini_program')
    expect(portalChannel('Mozilla/5.0', '?channel=phone')).toBe('web')
  })

  it('rounds coordinates and explains location failures', () => {
    expect(roundCoordinate(28.682912345)).toBe(28.682912)
    expect(geolocationMessage(1)).toMatch(/未获得定位权限/)
    expect(geolocationMessage(3)).toMatch(/定位超时/)
    expect(geolocationMessage(0)).toMatch(/不支持定位/)
  })
})

describe('the map picker', () => {
  const at = (p) => placeAt(GEO, p)
  const districts = { 'LC-D01': '东城区', 'LC-D02': '西湖区' }
  it('turns a tap into coordinates, the street as the area, and words', () => {
    const pick = mapPick([116.0512345678, 28.0598765432], at, (c) => districts[c])
    expect(pick).toEqual({ lat: '28.059877', lon: '116.051235', area: 'LC-D01-S01', text: '已在地图上标出位置：东华街道（东城区）' })
    // The pick fills the form as the citizen would, and is sent as location + area.
    const form = { ...filled(), lat: pick.lat, lon: pick.lon, area: pick.area }
    expect(validatePortalAppeal(form)).toEqual({})
    expect(buildPortalAppeal(form)).toMatchObject({ area: 'LC-D01-S01', location: { lat: 28.059877, lon: 116.051235 } })
    expect(markerOf(form)).toEqual([116.051235, 28.059877])
  })
  it('takes the district between streets, and refuses a point outside the city', () => {
    expect(mapPick([116.25, 28.05], at, (c) => districts[c])).toMatchObject({ area: 'LC-D01', text: '已在地图上标出位置：东城区' })
    expect(mapPick([117.5, 28.05], at).error).toContain('不在本市范围内')
    expect(mapPick([NaN, 28], at).error).toContain('无法识别')
    expect(mapPick(null, at).error).toContain('无法识别')
  })
  it('draws a marker only for a valid coordinate pair', () => {
    expect(markerOf({ lat: '', lon: '' })).toBeNull()
    expect(markerOf({ lat: '28.1', lon: '' })).toBeNull()
    expect(markerOf({ lat: '95', lon: '116' })).toBeNull()
    expect(markerOf({ lat: 'x', lon: '116' })).toBeNull()
    expect(markerOf({ lat: ' 28.1', lon: '116.2' })).toEqual([116.2, 28.1])
  })
})

describe('tracking', () => {
  it('reads the ticket number the way citizens type it', () => {
    expect(normalizeNumber(' lc2026 1123 000042 ')).toBe('LC20261123000042')
    expect(normalizeNumber('20261123000042')).toBe('LC20261123000042')
    expect(normalizeCode(' 738 216 ')).toBe('738216')
  })

  it('checks number and code before asking the server', () => {
    expect(validateTrack({ number: '', code: '' })).toEqual({ number: '请填写工单编号', code: '请填写查询码' })
    expect(validateTrack({ number: 'LC2026', code: '12345' })).toEqual({
      number: expect.stringMatching(/格式不正确/), code: '查询码为 6 位数字',
    })
    expect(validateTrack({ number: 'lc20261123000042', code: '738216' })).toEqual({})
  })

  it('puts every state in plain words', () => {
    for (const s of STATES) {
      expect(PUBLIC_STATES[s], s).toBeDefined()
      expect(PUBLIC_STATES[s].hint, s).toBeTruthy()
    }
    expect(publicState('triage').label).toBe('待处理')
    expect(publicState('to_callback').label).toBe('待回访')
    expect(publicState('closed').label).toBe('已办结')
    expect(publicState('in_progress').label).toBe('办理中')
    expect(publicState('mystery')).toEqual({ label: 'mystery', hint: '', tone: 'info' })
  })

  it('words every step, newest first', () => {
    for (const c of ['intake', ...COMMANDS]) expect(stepText(c), c).not.toBe(c)
    const steps = [
      { at: '2026-11-23T09:00:00+08:00', command: 'intake', state: 'triage' },
      { at: '2026-11-23T09:05:00+08:00', command: 'to-dispatch', state: 'to_dispatch' },
      { at: '2026-11-23T09:30:00+08:00', command: 'dispatch', state: 'dispatched' },
    ]
    expect(timelineSteps(steps).map((s) => `${s.text}→${s.stateLabel}`)).toEqual(['派往承办单位→已派单', '转交派单→待派单', '提交诉求→待处理'])
    expect(steps[0].command).toBe('intake') // the input is left alone
    expect(timelineSteps(undefined)).toEqual([])
  })

  it('leaves internal steps out, and ends on the state the header shows', () => {
    const steps = [
      { at: '2026-11-23T09:00:00+08:00', command: 'intake', state: 'triage' },
      { at: '2026-11-23T09:01:00+08:00', command: 'attach', state: 'triage' },
      { at: '2026-11-23T09:05:00+08:00', command: 'to-dispatch', state: 'to_dispatch' },
      { at: '2026-11-23T09:30:00+08:00', command: 'dispatch', state: 'dispatched' },
      { at: '2026-11-23T10:00:00+08:00', command: 'sign', state: 'in_progress' },
      { at: '2026-11-23T11:00:00+08:00', command: 'supervise', state: 'in_progress' },
      { at: '2026-11-23T12:00:00+08:00', command: 'reply', state: 'replied' },
      { at: '2026-11-23T12:10:00+08:00', command: 'review', state: 'to_callback' },
    ]
    const items = timelineSteps(steps, 'to_callback')
    expect(items.map((s) => s.command)).toEqual(['reply', 'sign', 'dispatch', 'to-dispatch', 'intake'])
    expect(items[0].stateLabel).toBe(publicState('to_callback').label) // the header's words
    expect(items[0].stateLabel).toBe('待回访')
    expect(items[1].stateLabel).toBe('办理中')
    // Nothing hidden after the newest step: its own state, which is the header's.
    expect(timelineSteps(steps.slice(0, 5), 'in_progress')[0].stateLabel).toBe('办理中')
  })
})

describe('evaluation', () => {
  it('needs both answers', () => {
    expect(validateEvaluation({ satisfaction: '', resolved: null })).toEqual({ satisfaction: '请选择满意程度', resolved: '请选择问题是否已解决' })
    expect(validateEvaluation({ satisfaction: 'basically_satisfied', resolved: false })).toEqual({})
  })

  it('sends the code with the answers', () => {
    expect(buildEvaluation(' 738216 ', { satisfaction: 'satisfied', resolved: true })).toEqual({ code: '738216', satisfaction: 'satisfied', resolved: true })
    // The reason goes only with "not satisfied"; the comment only when there is one.
    expect(buildEvaluation('738216', { satisfaction: 'unsatisfied', resolved: false, dissatisfaction: 'slow', comment: '  拖了很久 ' }))
      .toEqual({ code: '738216', satisfaction: 'unsatisfied', resolved: false, dissatisfaction: 'slow', comment: '拖了很久' })
    expect(buildEvaluation('738216', { satisfaction: 'satisfied', resolved: true, dissatisfaction: 'slow', comment: '   ' }))
      .toEqual({ code: '738216', satisfaction: 'satisfied', resolved: true })
    expect(satisfactionText('basically_satisfied')).toBe('基本满意')
    expect(satisfactionText(null)).toBe('')
  })
})

describe('address and pin', () => {
  it('disagree only when neither area holds the other', () => {
    expect(placesDisagree('LC-D01-S01', 'LC-D01-S02')).toBe(true)
    expect(placesDisagree('LC-D01-S01', 'LC-D02')).toBe(true)
    expect(placesDisagree('LC-D01-S01', 'LC-D01')).toBe(false) // the address names only the district
    expect(placesDisagree('LC-D01-S01', 'LC-D01-S01-C01')).toBe(false) // a community of the pin's street
    expect(placesDisagree('LC-D01-S01', 'LC-D01-S01')).toBe(false)
    expect(placesDisagree('LC-D01-S1', 'LC-D01-S10')).toBe(true) // a prefix is not a parent
    expect(placesDisagree('', 'LC-D01-S02')).toBe(false)
    expect(placesDisagree('LC-D01-S01', null)).toBe(false)
  })

  it('takes the located area, and the point when there is one', () => {
    expect(locatedPlace({ code: 'LC-D01-S01', name: '东华街道', point: { lat: 28.0512345678, lon: 116.05 } }))
      .toMatchObject({ area: 'LC-D01-S01', point: { lat: '28.051235', lon: '116.05' } })
    const district = locatedPlace({ code: 'LC-D02', name: '西湖区', point: null })
    expect(district.point).toBe(null)
    expect(district.text).toContain('已识别所在区域：西湖区')
    expect(locatedPlace(null)).toBe(null)
  })
})

describe('photos', () => {
  const file = (name, type, size) => ({ name, type, size })
  it('takes JPG and PNG up to 5 MB, three of them', () => {
    expect(photoProblem(file('a.jpg', 'image/jpeg', 10))).toBe('')
    expect(photoProblem(file('a.png', 'image/png', PHOTO_MAX_BYTES))).toBe('')
    expect(photoProblem(file('a.png', 'image/png', PHOTO_MAX_BYTES + 1))).toContain('超过 5 MB')
    expect(photoProblem(file('a.gif', 'image/gif', 10))).toContain('不是 JPG 或 PNG')
    expect(photoProblem(file('a.jpg', 'image/jpeg', 0))).toContain('空文件')
    expect(photoProblem(file('a.jpg', 'image/jpeg', 10), 3)).toBe('最多上传 3 张照片')
  })
})
