import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick, reactive, ref } from 'vue'
import { mount } from '@vue/test-utils'
import { ApiError, userMessage } from '../api/errors.js'
import { notifyError } from '../api/notify.js'
import { useOptionalList } from './useOptionalList.js'
import { useLoader } from './useLoader.js'
import { useFormSubmit } from './useFormSubmit.js'

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

describe('useFormSubmit', () => {
  const validate = (f) => (f.name ? {} : { name: '请填写姓名' })
  const setup = (fieldOf) => {
    const form = reactive({ name: '', phone: '' })
    const state = useFormSubmit(form, validate, { messageOf: (err) => `失败：${err.message}`, fieldOf })
    return { form, ...state }
  }

  it('sends nothing while the form has errors, and the messages follow corrections after the first try', async () => {
    const { form, errors, check } = setup()
    form.name = ''
    await nextTick()
    expect(errors.value).toEqual({}) // no attempt yet: no messages
    expect(check()).toBe(false)
    expect(errors.value).toEqual({ name: '请填写姓名' })
    form.name = '王'
    await nextTick()
    expect(errors.value).toEqual({})
  })

  it('is sending while it runs and hands back the result', async () => {
    const { form, sending, check, run } = setup()
    form.name = '王'
    expect(check()).toBe(true)
    let finish
    const done = run(() => new Promise((r) => { finish = () => r('ok') }))
    expect(sending.value).toBe(true)
    finish()
    expect(await done).toBe('ok')
    expect(sending.value).toBe(false)
  })

  it('puts a refusal under its field, or above the form, and clears the form message on the next try', async () => {
    const { form, errors, failure, check, run } = setup((err) => err.field || '')
    form.name = '王'
    check()
    await expect(run(async () => { throw Object.assign(new Error('phone'), { field: 'phone' }) })).resolves.toBeUndefined()
    expect(errors.value).toEqual({ phone: '失败：phone' })
    expect(failure.value).toBe('')
    await run(async () => { throw new Error('busy') })
    expect(failure.value).toBe('失败：busy')
    check()
    expect(failure.value).toBe('')
  })

  it('starts over on reset', async () => {
    const { form, errors, failure, check, reset } = setup()
    check()
    failure.value = 'x'
    reset()
    expect(errors.value).toEqual({})
    expect(failure.value).toBe('')
    form.phone = '1'
    await nextTick()
    expect(errors.value).toEqual({}) // no attempt since the reset
  })
})
