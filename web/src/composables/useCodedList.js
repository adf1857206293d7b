// The unit tree and the taxonomy screens: a coded list with parents, replaced whole
// (PUT /units, PUT /categories), edited in a dialog. This holds what the two share:
// loading the list with the codes the catalog still uses, saving (then reloading
// the shared reference data), names for messages, and the dialog's code and name checks.
import { computed, reactive, ref } from 'vue'
import { api } from '../api/client.js'
import { useReferenceStore } from '../stores/reference.js'
import { catalogCodes, utf8Length } from '../domain/admin.js'
import { useReplaceAll } from './useReplaceAll.js'

/**
 * @param {object} o
 * @param {'units'|'categories'} o.kind which list (the catalog's codes of that kind must stay)
 * @param {() => Promise<{items: object[]}>} o.fetch the list from the server
 * @param {(items: object[]) => Promise<unknown>} o.save sends it whole
 * @param {(it: object) => object} o.pick the fields that are sent back
 * @param {(items: object[], used: Set<string>) => object[]} o.validate the list's problems
 * @param {(item: object|null, parent: object|null, items: object[]) => object} o.formFor the dialog's form
 * @param {(items: object[], original: string|null, form: object) => object[]} o.apply the list after a dialog
 * @param {{code: number, name: number}} o.limits byte limits
 * @param {(form: object, errors: object) => void} [o.check] more checks of the dialog
 */
export function useCodedList({ t, kind, fetch, save, pick, validate, formFor, apply, limits, check = () => {} }) {
  const reference = useReferenceStore()
  let used = new Set()
  const editor = useReplaceAll({
    t,
    key: (it) => it.code,
    load: async () => {
      const [list, catalog] = await Promise.all([fetch(), api.catalog()])
      used = catalogCodes(catalog.items || [])[kind]
      return (list.items || []).map(pick)
    },
    save,
    validate: (items) => validate(items, used),
    afterSave: () => {
      reference.reset()
      reference.ensure().catch(() => {})
    },
  })
  const { items } = editor
  const byCode = computed(() => new Map(items.value.map((it) => [it.code, it])))
  const nameOf = (code) => {
    const it = byCode.value.get(code)
    return it ? `「${it.name}（${code}）」` : `「${code}」`
  }

  const dialog = reactive({ open: false, original: null })
  const form = reactive(formFor(null, null, []))
  const errors = ref({})
  const editing = computed(() => (dialog.original ? byCode.value.get(dialog.original) : null))
  const fieldError = (name) => (errors.value[name] ? t(`admin.formError.${errors.value[name]}`, { field: t(`admin.field.${name}`) }) : '')

  function open(item = null, parent = null) {
    dialog.original = item ? item.code : null
    dialog.open = true
    Object.assign(form, formFor(item, parent, items.value))
    errors.value = {}
  }

  function submit() {
    const e = {}
    const code = form.code.trim()
    if (!code) e.code = 'required'
    else if (utf8Length(code) > limits.code) e.code = 'tooLong'
    else if (!dialog.original && byCode.value.has(code)) e.code = 'invalid'
    if (!form.name.trim()) e.name = 'required'
    else if (utf8Length(form.name) > limits.name) e.name = 'tooLong'
    check(form, e)
    errors.value = e
    if (Object.keys(e).length) return
    items.value = apply(items.value, dialog.original, form)
    dialog.open = false
    editor.edited()
  }

  return { editor, items, byCode, nameOf, dialog, form, errors, editing, fieldError, open, submit }
}
