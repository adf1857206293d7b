import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { i18n } from '../i18n/index.js'
import { usePager } from '../composables/usePager.js'
import { lastPage, pageOf } from '../domain/paging.js'
import ListPager from './ListPager.vue'

const tick = () => new Promise((r) => setTimeout(r))

describe('ListPager', () => {
  it('moves to another page and reports one change', async () => {
    const w = mount(ListPager, { props: { page: 1, perPage: 20, total: 95 }, global: { plugins: [i18n] } })
    await w.findAll('.el-pager li').at(2).trigger('click') // page 3
    await tick()
    expect(w.emitted('update:page')).toEqual([[3]])
    expect(w.emitted('change')).toHaveLength(1)
  })

  it('goes back to page 1 on a new page size, in one change', async () => {
    const w = mount(ListPager, { props: { page: 4, perPage: 20, total: 95 }, global: { plugins: [i18n] } })
    w.findComponent({ name: 'ElPagination' }).vm.$emit('update:page-size', 50)
    w.findComponent({ name: 'ElPagination' }).vm.$emit('update:current-page', 2) // what Element Plus may add
    await tick()
    expect(w.emitted('update:perPage')).toEqual([[50]])
    expect(w.emitted('change')).toHaveLength(1)
  })
})

describe('usePager', () => {
  it('pages a list held in the browser and goes back to the first page', () => {
    const p = usePager({ perPage: 2 })
    const list = [1, 2, 3, 4, 5]
    expect(p.slice(list)).toEqual([1, 2])
    p.page.value = 3
    expect(p.slice(list)).toEqual([5])
    p.first()
    expect(p.page.value).toBe(1)
    expect(pageOf(list, 0, 2)).toEqual([1, 2])
    expect(lastPage(5, 2)).toBe(3)
    expect(lastPage(0, 20)).toBe(1)
  })
})
