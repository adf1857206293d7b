// A screen's load from the server: a loading flag while it runs, and an error
// toast (api/notify.js) instead of a thrown error when it fails.
import { ref } from 'vue'
import { notifyError } from '../api/notify.js'

/**
 * @param {(...args: unknown[]) => Promise<unknown>} work fetches and stores what it got
 * @returns {{loading: import('vue').Ref<boolean>, load: (...args: unknown[]) => Promise<unknown>}}
 *   `load` runs `work` and resolves to its result, or to undefined after a failure
 */
export function useLoader(work) {
  const loading = ref(false)
  async function load(...args) {
    loading.value = true
    try {
      return await work(...args)
    } catch (err) {
      notifyError(err)
      return undefined
    } finally {
      loading.value = false
    }
  }
  return { loading, load }
}
