import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { mount } from '@vue/test-utils'
import { useQueueCounts, withCount } from './useQueueCounts.js'

let live = null
vi.mock('./useLive.js', () => ({ useLive: (fn) => { live = fn } }))

const tick = () => new Promise((r) => setTimeout(r))

function host(setup) {
  let state
  mount(defineComponent({ setup() { state = setup(); return () => h('div') } }))
  return state
}

describe('useQueueCounts', () => {
  it('counts every tab with one small request each, and again once after a burst of live messages', async () => {
    vi.useFakeTimers()
    const totals = { waiting: 13, mine: 2 }
    const list = vi.fn(async (q) => ({ total: totals[q.name], items: [] }))
    const { counts } = host(() => useQueueCounts({ waiting: { name: 'waiting', state: ['triage'] }, mine: { name: 'mine', mine: 1 } }, { list, settle: 3000 }))
    await vi.runAllTimersAsync()
    expect(list).toHaveBeenCalledTimes(2)
    expect(list.mock.calls[0][0]).toEqual({ name: 'waiting', state: ['triage'], page: 1, per_page: 1 })
    expect({ ...counts }).toEqual({ waiting: 13, mine: 2 })

    totals.waiting = 14
    for (let i = 0; i < 5; i++) live({ type: 'ticket', data: { id: i } })
    live({ type: 'status' }) // not a change: ignored
    await vi.advanceTimersByTimeAsync(2999)
    expect(list).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(1)
    await vi.runAllTimersAsync()
    expect(list).toHaveBeenCalledTimes(4) // one refresh for five messages
    expect(counts.waiting).toBe(14)
    vi.useRealTimers()
  })

  it('shows no number rather than a wrong one when a count fails', async () => {
    const list = vi.fn(async () => { throw new Error('down') })
    const { counts } = host(() => useQueueCounts({ a: {} }, { list }))
    await tick()
    expect(counts.a).toBe(null)
    expect(withCount('待受理', counts.a)).toBe('待受理')
    expect(withCount('待受理', 0)).toBe('待受理 (0)')
  })
})
