import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import { mount } from '@vue/test-utils'
import { ApiError, userMessage } from '../api/errors.js'
import { notifyError } from '../api/notify.js'
import { useOptionalList } from './useOptionalList.js'
import { useLoader } from './useLoader.js'

vi.mock('../api/notify.js', () => ({ notifyError: vi.fn(), notifySuccess: vi.fn() }))

const tick = () => new Promise((r) => setTimeout(r))

// Mounts a component that only runs the composable, and hands back what it returned.
function host(setup) {
  let state
  const w = mount(defineComponent({
    setup() {
      state = setup()
      return () => h('div')
    },
  }))
  return { w, state }
}

describe('useOptionalList', () => {
  it('loads when mounted and again when its source changes', async () => {
    const id = ref(1)
    const fetch = vi.fn(async () => ({ items: [{ id: id.value }] }))
    const { state } = host(() => useOptionalList(fetch, () => id.value))
    await tick()
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(state.items.value).toEqual([{ id: 1 }])
    expect(state.loading.value).toBe(false)
    id.value = 2
    await nextTick()
    await tick()
    expect(fetch).toHaveBeenCalledTimes(2)
    expect(state.items.value).toEqual([{ id: 2 }])
  })

  it('takes an answer without items as an empty list', async () => {
    const { state } = host(() => useOptionalList(async () => null))
    await tick()
    expect(state.items.value).toEqual([])
    expect(state.unavailable.value).toBe(false)
    expect(state.failure.value).toBe('')
  })

  it('says "not available" on 404 and 405, and a message on other failures', async () => {
    for (const status of [404, 405]) {
      const { state } = host(() => useOptionalList(async () => { throw new ApiError(status) }))
      await tick()
      expect(state.unavailable.value).toBe(true)
      expect(state.failure.value).toBe('')
      expect(state.loading.value).toBe(false)
    }
    const err = new ApiError(500)
    const { state } = host(() => useOptionalList(async () => { throw err }))
    await tick()
    expect(state.unavailable.value).toBe(false)
    expect(state.failure.value).toBe(userMessage(err))
  })

  it('clears an earlier failure once a reload succeeds', async () => {
    let fail = true
    const { state } = host(() => useOptionalList(async () => {
      if (fail) throw new ApiError(503)
      return { items: [1] }
    }))
    await tick()
    expect(state.failure.value).not.toBe('')
    fail = false
    await state.load()
    expect(state.failure.value).toBe('')
    expect(state.items.value).toEqual([1])
  })
})

describe('useLoader', () => {
  it('is loading while the work runs and hands back its result', async () => {
    let finish
    const { loading, load } = useLoader((n) => new Promise((r) => { finish = () => r(n * 2) }))
    expect(loading.value).toBe(false)
    const done = load(21)
    expect(loading.value).toBe(true)
    finish()
    expect(await done).toBe(42)
    expect(loading.value).toBe(false)
  })

  it('shows a failure as a toast, not as a thrown error', async () => {
    notifyError.mockClear()
    const err = new ApiError(500)
    const { loading, load } = useLoader(async () => { throw err })
    await expect(load()).resolves.toBeUndefined()
    expect(notifyError).toHaveBeenCalledWith(err)
    expect(loading.value).toBe(false)
  })
})
