// Paging state for a list: paged on the server (reload on ListPager's `change`)
// or here (`slice` the whole list). Used with components/ListPager.vue.
import { ref } from 'vue'
import { pageOf } from '../domain/paging.js'

export function usePager({ perPage = 20 } = {}) {
  const page = ref(1)
  const size = ref(perPage)
  const total = ref(0)
  return {
    page,
    perPage: size,
    total,
    /** Back to the first page (a new query). */
    first() {
      page.value = 1
    },
    /** This page of a list held here. */
    slice(list) {
      return pageOf(list, page.value, size.value)
    },
  }
}
