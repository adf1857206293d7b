// The admin screens that edit a whole list the server replaces at once (units,
// categories, the dispatch catalog): load it, edit a local copy, check it, and
// send the whole list back. Unsaved edits are counted, and leaving the screen
// with some asks first.
import { computed, ref, shallowRef } from 'vue'
import { ElMessageBox } from 'element-plus/es/components/message-box/index.mjs'
import { useLeaveGuard } from './useLeaveGuard.js'
import { notifyError, notifySuccess } from '../api/notify.js'
import { diffByKey, serverProblem } from '../domain/admin.js'

/**
 * @param {object} o
 * @param {() => Promise<object[]>} o.load the list from the server
 * @param {(items: object[]) => Promise<unknown>} o.save sends the whole list
 * @param {(items: object[]) => object[]} o.validate problems (see domain/admin.js) of a list
 * @param {(it: object) => string} o.key what identifies an item across edits
 * @param {() => void} [o.afterSave] e.g. reload the shared reference data
 * @param {(key: string, params?: object) => string} o.t translate
 */
export function useReplaceAll({ load, save, validate, key, afterSave = () => {}, t }) {
  const original = shallowRef([])
  const items = ref([])
  const loading = ref(false)
  const saving = ref(false)
  const problems = ref([]) // found here before sending
  const rejected = ref(null) // the server's answer, as a problem (or { text })

  const diff = computed(() => diffByKey(original.value, items.value, key))
  const dirty = computed(() => diff.value.count > 0)
  const changeOf = (it) => {
    const k = key(it)
    if (diff.value.added.has(k)) return 'added'
    if (diff.value.changed.has(k)) return 'edited'
    return ''
  }

  async function reload() {
    loading.value = true
    try {
      const list = await load()
      original.value = list.map((it) => ({ ...it }))
      items.value = list.map((it) => ({ ...it }))
      problems.value = []
      rejected.value = null
    } catch (err) {
      notifyError(err)
    } finally {
      loading.value = false
    }
  }

  /** Checks, then sends; true when the server took the list. */
  async function saveAll() {
    rejected.value = null
    problems.value = validate(items.value)
    if (problems.value.length) return false
    saving.value = true
    try {
      await save(items.value)
      notifySuccess(t('admin.saved', { n: items.value.length }))
      original.value = items.value.map((it) => ({ ...it }))
      afterSave()
      return true
    } catch (err) {
      const p = serverProblem(err)
      if (p) rejected.value = p
      else notifyError(err)
      return false
    } finally {
      saving.value = false
    }
  }

  async function discard() {
    try {
      await ElMessageBox.confirm(t('admin.discardConfirm'), { type: 'warning' })
    } catch {
      return
    }
    await reload()
  }

  /** Re-checks after an edit once a save has found problems, so the list shrinks as they are fixed. */
  function edited() {
    if (problems.value.length) problems.value = validate(items.value)
    rejected.value = null
  }

  useLeaveGuard(() => dirty.value, 'admin.leaveConfirm', reload)

  return { items, original, loading, saving, problems, rejected, diff, dirty, changeOf, reload, saveAll, discard, edited }
}
