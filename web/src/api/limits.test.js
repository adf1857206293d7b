import { afterEach, describe, expect, it, vi } from 'vitest'
import { nextTick, reactive } from 'vue'
import { DEFAULT_LIMITS, applyLimits, connectLimits, limits, loadLimits, resetLimits } from './limits.js'

afterEach(() => resetLimits())

describe('limits', () => {
  it('start from the defaults', () => {
    expect(limits.password_min_length).toBe(8)
    expect(limits.attachment_max_bytes).toBe(10 * 1024 * 1024)
    expect(limits.extension_days_max).toBe(30)
    expect(Object.keys(limits).sort()).toEqual(Object.keys(DEFAULT_LIMITS).sort())
  })

  it('take the server\'s values, keeping defaults for missing or malformed ones', () => {
    applyLimits({
      password_min_length: 10, extension_days_max: 15, attachment_types: ['image/png'], username_pattern: '^[a-z]+$',
      per_page_max: 'lots', q_max_bytes: -1, content_max_bytes: 1.5, attachment_max_bytes: null, unknown_limit: 3,
    })
    expect(limits.password_min_length).toBe(10)
    expect(limits.extension_days_max).toBe(15)
    expect(limits.attachment_types).toEqual(['image/png'])
    expect(limits.username_pattern).toBe('^[a-z]+$')
    expect(limits.per_page_max).toBe(200)
    expect(limits.q_max_bytes).toBe(200)
    expect(limits.content_max_bytes).toBe(20000)
    expect(limits.attachment_max_bytes).toBe(10 * 1024 * 1024)
    expect(limits.unknown_limit).toBeUndefined()
  })

  it('are fetched once per session, shared by concurrent callers', async () => {
    const fetch = vi.fn().mockResolvedValue({ password_min_length: 12 })
    await Promise.all([loadLimits(fetch), loadLimits(fetch)])
    await loadLimits(fetch)
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(limits.password_min_length).toBe(12)
    resetLimits()
    expect(limits.password_min_length).toBe(8)
    await loadLimits(fetch)
    expect(fetch).toHaveBeenCalledTimes(2)
  })

  it('keep the defaults when the call fails, and try again next time', async () => {
    const failing = vi.fn().mockRejectedValue(new Error('offline'))
    await expect(loadLimits(failing)).resolves.toBe(limits)
    expect(limits.password_min_length).toBe(8)
    await loadLimits(vi.fn().mockResolvedValue({ password_min_length: 9 }))
    expect(limits.password_min_length).toBe(9)
  })

  it('ignore an answer that arrives after logout', async () => {
    let answer
    const slow = () => new Promise((resolve) => (answer = resolve))
    const pending = loadLimits(slow)
    await Promise.resolve() // the request goes out
    resetLimits()
    answer({ password_min_length: 20 })
    await pending
    expect(limits.password_min_length).toBe(8)
  })

  it('load at login and reset at logout', async () => {
    const session = reactive({ loggedIn: false, token: '' })
    const fetch = vi.fn().mockResolvedValue({ extension_days_max: 10 })
    const stop = connectLimits(session, fetch)
    expect(fetch).not.toHaveBeenCalled()
    Object.assign(session, { loggedIn: true, token: 't1' })
    await nextTick()
    await loadLimits(fetch)
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(limits.extension_days_max).toBe(10)
    Object.assign(session, { loggedIn: false, token: '' })
    await nextTick()
    expect(limits.extension_days_max).toBe(30)
    stop()
  })
})
