import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  alertActions, answerDefaults, canStill, createLiveQuery, dispatchDefaults, divisionSummary, formatElapsed, locationParts,
  topCategories, topUnits, triageBody, defaultUnit, unitNeedsChoice,
} from './triage.js'

describe('triageBody', () => {
  it('sends what the operator typed, and nothing while the form is empty', () => {
    expect(triageBody({ content: '  ', address: '' })).toBeNull()
    expect(triageBody({ content: ' 楼下着火了 ', address: ' 幸福里 ', enterprise: false, category: '' })).toEqual({
      content: '楼下着火了', address: '幸福里', enterprise: false,
    })
    expect(triageBody({ content: '路灯', address: '', enterprise: true, category: '0201' })).toEqual({
      content: '路灯', enterprise: true, category: '0201',
    })
  })
})

describe('createLiveQuery', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  // A fetcher whose answers the test releases by hand, in any order.
  function manual() {
    const calls = []
    const fetcher = vi.fn((input, signal) => new Promise((resolve, reject) => {
      calls.push({ input, signal, resolve, reject })
      if (signal) signal.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' })))
    }))
    return { calls, fetcher }
  }

  it('waits for 300 ms of quiet and sends only the last input', async () => {
    const { calls, fetcher } = manual()
    const onResult = vi.fn()
    const q = createLiveQuery(fetcher, { onResult })
    q.schedule({ content: '楼' })
    await vi.advanceTimersByTimeAsync(100)
    q.schedule({ content: '楼下' })
    await vi.advanceTimersByTimeAsync(299)
    expect(fetcher).not.toHaveBeenCalled()
    q.schedule({ content: '楼下着火' })
    await vi.advanceTimersByTimeAsync(300)
    expect(fetcher).toHaveBeenCalledTimes(1)
    expect(calls[0].input).toEqual({ content: '楼下着火' })
    calls[0].resolve({ n: 1 })
    await vi.runAllTimersAsync()
    expect(onResult).toHaveBeenCalledWith({ n: 1 }, { content: '楼下着火' })
  })

  it('does not ask again for the same input', async () => {
    const { fetcher } = manual()
    const q = createLiveQuery(fetcher)
    q.schedule({ content: 'a' })
    await vi.advanceTimersByTimeAsync(300)
    q.schedule({ content: 'a' })
    await vi.advanceTimersByTimeAsync(300)
    expect(fetcher).toHaveBeenCalledTimes(1)
  })

  it('aborts the request still running when a newer one starts', async () => {
    const { calls, fetcher } = manual()
    const onResult = vi.fn()
    const onError = vi.fn()
    const q = createLiveQuery(fetcher, { onResult, onError })
    q.schedule({ content: 'a' })
    await vi.advanceTimersByTimeAsync(300)
    q.schedule({ content: 'ab' })
    await vi.advanceTimersByTimeAsync(300)
    expect(calls[0].signal.aborted).toBe(true)
    expect(calls[1].signal.aborted).toBe(false)
    calls[1].resolve('second')
    await vi.runAllTimersAsync()
    expect(onResult.mock.calls.map((c) => c[0])).toEqual(['second'])
    expect(onError).not.toHaveBeenCalled() // the abort is not an error to show
  })

  it('drops an answer that arrives after a newer one (out of order)', async () => {
    const calls = []
    // A fetcher that ignores abort: both answers come back, the older one last.
    const fetcher = (input) => new Promise((resolve) => calls.push({ input, resolve }))
    const onResult = vi.fn()
    const q = createLiveQuery(fetcher, { onResult })
    q.schedule({ content: 'old' })
    await vi.advanceTimersByTimeAsync(300)
    q.schedule({ content: 'new' })
    await vi.advanceTimersByTimeAsync(300)
    calls[1].resolve('new answer')
    await vi.runAllTimersAsync()
    calls[0].resolve('old answer')
    await vi.runAllTimersAsync()
    expect(onResult.mock.calls.map((c) => c[0])).toEqual(['new answer'])
  })

  it('shows an older answer while a newer request is only scheduled (it is still the latest known)', async () => {
    const calls = []
    const fetcher = (input) => new Promise((resolve) => calls.push({ input, resolve }))
    const onResult = vi.fn()
    const q = createLiveQuery(fetcher, { onResult })
    q.schedule({ content: 'a' })
    await vi.advanceTimersByTimeAsync(300)
    q.schedule({ content: 'ab' }) // not sent yet
    calls[0].resolve('a answer')
    await vi.advanceTimersByTimeAsync(0)
    expect(onResult.mock.calls.map((c) => c[0])).toEqual(['a answer'])
  })

  it('clears at once when the form is emptied, and ignores answers after cancel()', async () => {
    const calls = []
    const fetcher = (input) => new Promise((resolve) => calls.push({ input, resolve }))
    const onResult = vi.fn()
    const busy = []
    const q = createLiveQuery(fetcher, { onResult, onBusy: (b) => busy.push(b) })
    q.schedule({ content: 'a' })
    await vi.advanceTimersByTimeAsync(300)
    q.schedule(null)
    expect(onResult).toHaveBeenLastCalledWith(null, null)
    calls[0].resolve('late')
    await vi.runAllTimersAsync()
    expect(onResult).toHaveBeenCalledTimes(1)

    q.schedule({ content: 'b' })
    await vi.advanceTimersByTimeAsync(300)
    q.cancel()
    calls[1].resolve('after cancel')
    await vi.runAllTimersAsync()
    expect(onResult).toHaveBeenCalledTimes(1)
    expect(busy[busy.length - 1]).toBe(false)
  })

  it('sends a scheduled input at once on flush()', async () => {
    const { calls, fetcher } = manual()
    const q = createLiveQuery(fetcher)
    q.flush() // nothing scheduled: nothing sent
    q.schedule({ content: '路灯不亮' })
    await vi.advanceTimersByTimeAsync(50)
    q.flush()
    expect(calls.map((c) => c.input)).toEqual([{ content: '路灯不亮' }])
    await vi.advanceTimersByTimeAsync(500)
    expect(calls).toHaveLength(1) // not sent a second time when the timer would have fired
  })

  it('reports the error of the latest request only', async () => {
    const onError = vi.fn()
    const q = createLiveQuery(() => Promise.reject(new Error('boom')), { onError })
    q.schedule({ content: 'x' })
    await vi.advanceTimersByTimeAsync(300)
    await vi.runAllTimersAsync()
    expect(onError).toHaveBeenCalledTimes(1)
    expect(onError.mock.calls[0][0].message).toBe('boom')
  })
})

describe('alertActions', () => {
  const fire = { kind: 'emergency', code: '119', label: '火情或燃气泄漏，立即转接119', matched: ['着火', '浓烟'], script: null, blocking: true }
  const oos = {
    kind: 'out_of_scope', code: 'OOS01', label: '涉法涉诉', matched: ['判决书'], blocking: false,
    script: '您反映的事项已经进入司法程序……',
  }

  it('maps an emergency to transfer-emergency with its number', () => {
    const [a] = alertActions([fire])
    expect(a).toMatchObject({ kind: 'emergency', command: 'transfer-emergency', body: { number: '119' }, number: '119', blocking: true })
    expect(a.matched).toEqual(['着火', '浓烟'])
  })

  it('maps out-of-scope to the out-of-scope command with the script as the reason', () => {
    const [a] = alertActions([oos])
    expect(a).toMatchObject({ kind: 'out_of_scope', command: 'out-of-scope', body: { reason: '您反映的事项已经进入司法程序……' }, code: 'OOS01' })
    // Without a script, the rule's label is the reason.
    expect(alertActions([{ ...oos, script: null }])[0].body).toEqual({ reason: '涉法涉诉' })
  })

  it('puts emergencies first, merges two rules for the same number, skips unknown numbers and kinds', () => {
    const sick = { kind: 'emergency', code: '120', label: '有人伤病危急', matched: ['昏迷'], blocking: true }
    const crash = { kind: 'emergency', code: '120', label: '交通事故有人受伤', matched: ['车祸', '昏迷'], blocking: true }
    const actions = alertActions([oos, sick, { kind: 'emergency', code: '999' }, { kind: 'other', code: 'x' }, crash, fire])
    expect(actions.map((a) => a.key)).toEqual(['emergency:120', 'emergency:119', 'out_of_scope:OOS01'])
    expect(actions[0].matched).toEqual(['昏迷', '车祸'])
    expect(actions[0].label).toBe('有人伤病危急；交通事故有人受伤')
    expect(alertActions(null)).toEqual([])
  })

  it('knows when a saved ticket still allows the action', () => {
    expect(canStill(null, 'transfer-emergency')).toBe(true)
    expect(canStill({ available_commands: ['transfer-emergency', 'to-dispatch'] }, 'transfer-emergency')).toBe(true)
    expect(canStill({ state: 'transferred', available_commands: [] }, 'transfer-emergency')).toBe(false)
  })
})

describe('suggestions', () => {
  const result = {
    classifier_available: true,
    categories: [
      { code: '010301', name: '城乡建设 / 市政设施 / 路灯', label: '路灯', confidence: 0.734 },
      { code: null, name: '其他', label: '其他', confidence: 0.2 },
      { code: '0201', name: '环境保护 / 大气污染', label: '大气污染', confidence: 0.05 },
      { code: '0202', name: 'x', label: 'x', confidence: 0.01 },
    ],
    units: [
      { unit: { code: 'LC-D01-S01', name: '东华街道' }, score: 0.9, co_units: [{ code: 'LC-CG', name: '市城市管理局' }], reasons: ['属地：东华街道'] },
      { unit: null, score: 0.1, co_units: [], reasons: [] },
    ],
    location: {
      district: { code: 'LC-D01', name: '东城区' }, street: { code: 'LC-D01-S01', name: '东华街道' }, community: null,
      area: { code: 'LC-D01-S01', name: '东华街道' }, confidence: 0.8, source: 'address', matched: ['东华街道'],
    },
  }

  it('keeps the top 3 categories with percentages', () => {
    expect(topCategories(result).map((c) => [c.code, c.percent])).toEqual([['010301', 73], [null, 20], ['0201', 5]])
    expect(topCategories(null)).toEqual([])
  })

  it('turns the first unit suggestion into the dispatch form (unit + co-handlers)', () => {
    const units = topUnits(result)
    expect(units).toHaveLength(1)
    expect(dispatchDefaults(units[0])).toEqual({ unit: 'LC-D01-S01', co_units: ['LC-CG'] })
    expect(dispatchDefaults(null)).toBeNull()
  })

  it('preselects no unit when the server asks for a choice (category below the floor), but keeps a unit chosen by hand', () => {
    const units = topUnits(result)
    expect(defaultUnit(result, units, '').unit.code).toBe('LC-D01-S01')
    const weak = { ...result, unit_needs_choice: true }
    expect(unitNeedsChoice(weak)).toBe(true)
    expect(unitNeedsChoice(result)).toBe(false)
    expect(unitNeedsChoice({ unit_needs_choice: true, units: [] })).toBe(false) // nothing to choose from
    expect(unitNeedsChoice(null)).toBe(false)
    expect(defaultUnit(weak, units, '')).toBeNull()
    expect(defaultUnit(weak, units, 'LC-D01-S01').unit.code).toBe('LC-D01-S01')
    expect(defaultUnit(weak, units, 'LC-NOPE')).toBeNull()
    expect(defaultUnit(null, [], '')).toBeNull()
  })

  it('lists the place most general first and picks the most precise code for the area field', () => {
    const { parts, areaCode } = locationParts(result.location)
    expect(parts.map((p) => p.level)).toEqual(['district', 'street'])
    expect(areaCode).toBe('LC-D01-S01')
    expect(locationParts({ district: { code: 'LC-D01', name: '东城区' }, area: null }).areaCode).toBe('LC-D01')
    expect(locationParts(null)).toEqual({ parts: [], areaCode: '' })
  })

  it('writes the official division from province down, with the most specific code', () => {
    const division = {
      code: '361002001',
      province: { code: '36', name: '江西省' },
      city: { code: '3610', name: '抚州市' },
      district: { code: '361002', name: '临川区' },
      street: { code: '361002001', name: '青云街道' },
      village: null,
      ambiguous: false,
      confidence: 0.93,
      matched: ['抚州', '临川区', '青云街道'],
    }
    expect(divisionSummary(division)).toEqual({
      levels: [
        { level: 'province', code: '36', name: '江西省' },
        { level: 'city', code: '3610', name: '抚州市' },
        { level: 'district', code: '361002', name: '临川区' },
        { level: 'street', code: '361002001', name: '青云街道' },
      ],
      code: '361002001',
      text: '江西省 / 抚州市 / 临川区 / 青云街道（361002001）',
      ambiguous: false,
      confidence: 93,
      matched: ['抚州', '临川区', '青云街道'],
    })
    // A municipality: no "市辖区" in the words; a missing level is skipped; the code falls back to the last level's.
    const beijing = { province: { code: '11', name: '北京市' }, city: { code: '1101', name: '市辖区' }, district: { code: '110105', name: '朝阳区' }, street: null, ambiguous: true, confidence: 0.5 }
    expect(divisionSummary(beijing)).toMatchObject({ text: '北京市 / 朝阳区（110105）', ambiguous: true, confidence: 50, matched: [] })
    expect(divisionSummary({ province: null, city: null, code: '' })).toBeNull()
    expect(divisionSummary(null)).toBeNull()
  })

  it('prepares a direct answer from a knowledge-base entry', () => {
    expect(answerDefaults({ id: 'KB-0001', answer: '先挂失……' })).toEqual({ content: '先挂失……', kb_entry: 'KB-0001' })
  })

  it('formats the server time discreetly', () => {
    expect(formatElapsed(541)).toBe('0.54 ms')
    expect(formatElapsed(12600)).toBe('13 ms')
    expect(formatElapsed(undefined)).toBe('')
  })
})
