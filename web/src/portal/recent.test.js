import { describe, expect, it } from 'vitest'
import { MAX_RECENT, codeFor, forgetRecent, loadRecent, rememberTicket, stamp } from './recent.js'

function memoryStorage() {
  const data = new Map()
  return {
    getItem: (k) => (data.has(k) ? data.get(k) : null),
    setItem: (k, v) => data.set(k, String(v)),
    removeItem: (k) => data.delete(k),
  }
}

describe('tickets remembered on this device', () => {
  it('keeps the newest first, once each, at most five', () => {
    const s = memoryStorage()
    for (let i = 1; i <= 7; i += 1) rememberTicket({ number: `LC2026112300000${i}`, code: `00000${i}`, at: `t${i}` }, s)
    rememberTicket({ number: 'LC20261123000005', code: '000005', at: 't8' }, s)
    const list = loadRecent(s)
    expect(list).toHaveLength(MAX_RECENT)
    expect(list.map((x) => x.number.slice(-1))).toEqual(['5', '7', '6', '4', '3'])
    expect(codeFor('LC20261123000004', s)).toBe('000004')
    expect(codeFor('LC20261123000001', s)).toBe('')
    forgetRecent(s)
    expect(loadRecent(s)).toEqual([])
  })

  it('ignores a damaged entry', () => {
    const s = memoryStorage()
    s.setItem('hotline.portal.recent', '{oops')
    expect(loadRecent(s)).toEqual([])
    s.setItem('hotline.portal.recent', JSON.stringify([{ number: 'LC1' }, null, { number: 'LC2', code: '1' }]))
    expect(loadRecent(s)).toEqual([{ number: 'LC2', code: '1' }])
  })

  it('stamps entries with the city\'s local time', () => {
    expect(stamp(new Date('2026-11-23T16:30:00Z'))).toBe('2026-11-24 00:30')
  })
})
