import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { affectsQueue, throttle } from './live.js'

describe('throttle', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('runs at once, then at most once per window, with the calls inside a window folded into one at its end', () => {
    const fn = vi.fn()
    const th = throttle(fn, 2000)
    th()
    expect(fn).toHaveBeenCalledTimes(1)
    th()
    th()
    th()
    expect(fn).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(1999)
    expect(fn).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(1)
    expect(fn).toHaveBeenCalledTimes(2)
    vi.advanceTimersByTime(5000)
    expect(fn).toHaveBeenCalledTimes(2) // nothing pending
    th()
    expect(fn).toHaveBeenCalledTimes(3) // a quiet window has passed: at once again
  })

  it('can be cancelled (a screen that closes)', () => {
    const fn = vi.fn()
    const th = throttle(fn, 2000)
    th()
    th()
    th.cancel()
    vi.advanceTimersByTime(3000)
    expect(fn).toHaveBeenCalledTimes(1)
  })
})

describe('affectsQueue', () => {
  const msg = (extra) => ({ id: 5, state: 'to_dispatch', command: 'to-dispatch', updated_at: '2026-05-01T08:00:00+08:00', ...extra })

  it('notices tickets entering the queue states', () => {
    expect(affectsQueue(msg(), { state: ['to_dispatch', 'joint_review'] })).toBe(true)
    expect(affectsQueue(msg({ state: 'dispatched' }), { state: ['to_dispatch'] })).toBe(false)
    expect(affectsQueue(msg(), {})).toBe(true)
    expect(affectsQueue(null, {})).toBe(false)
  })

  it('notices changes to the rows on screen, but not the version already shown', () => {
    const shown = new Map([[5, '2026-05-01T07:00:00+08:00']])
    expect(affectsQueue(msg({ state: 'dispatched' }), { state: ['to_dispatch'] }, shown)).toBe(true)
    const same = new Map([[5, '2026-05-01T08:00:00+08:00']])
    expect(affectsQueue(msg(), { state: ['to_dispatch'] }, same)).toBe(false)
  })

  it('queues by time notice only their rows; the extension queue notices new requests', () => {
    expect(affectsQueue(msg(), { overdue: 1 })).toBe(false)
    expect(affectsQueue(msg({ command: 'request-extension', state: 'in_progress' }), { extension_pending: 1 })).toBe(true)
    expect(affectsQueue(msg({ command: 'sign' }), { extension_pending: 1 })).toBe(false)
  })
})
