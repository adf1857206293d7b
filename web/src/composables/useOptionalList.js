// A ticket page's panel list (attachments, related tickets) from an API a server may
// not have: a 404/405 answer means "not available" (said plainly, not as an error),
// any other failure is kept as a message for the panel. Loads when the panel is
// mounted and again when its source (e.g. the ticket's id) changes.
import { onMounted, ref, watch } from 'vue'
import { userMessage } from '../api/errors.js'

/**
 * @param {() => Promise<{items?: object[]}|null>} fetch the list from the server
 * @param {() => unknown} [source] what, when it changes, asks for a reload
 */
export function useOptionalList(fetch, source) {
  const items = ref([])
  const loading = ref(false)
  const unavailable = ref(false)
  const failure = ref('')

  async function load() {
    loading.value = true
    try {
      const res = await fetch()
      items.value = (res && res.items) || []
      unavailable.value = false
      failure.value = ''
    } catch (err) {
      if (err.status === 404 || err.status === 405) unavailable.value = true
      else failure.value = userMessage(err)
    } finally {
      loading.value = false
    }
  }

  onMounted(load)
  if (source) watch(source, load)
  return { items, loading, unavailable, failure, load }
}
