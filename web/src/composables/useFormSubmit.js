// A form's submit: check it first (messages per field), then send it with a busy
// flag; a refusal becomes the message under its field, or one message for the form.
// After the first attempt the field messages follow the user's corrections.
import { ref, watch } from 'vue'

/**
 * @param {object} form the reactive form
 * @param {(form: object) => Record<string, string>} validate field → message, {} when fine
 * @param {{messageOf: (err: unknown) => string, fieldOf?: (err: unknown) => string}} how
 *   a failure reads, and the form field it is about ('' when none: the form's message)
 */
export function useFormSubmit(form, validate, { messageOf, fieldOf = () => '' }) {
  const errors = ref({})
  const failure = ref('')
  const sending = ref(false)
  const tried = ref(false)

  watch(form, () => {
    if (tried.value) errors.value = validate(form)
  })

  /** Marks an attempt and checks the form; true when it may be sent. */
  function check() {
    tried.value = true
    failure.value = ''
    errors.value = validate(form)
    return Object.keys(errors.value).length === 0
  }

  /** Runs `send` while `sending`; resolves to its result, or to undefined after a failure. */
  async function run(send) {
    sending.value = true
    try {
      return await send()
    } catch (err) {
      const field = fieldOf(err)
      const message = messageOf(err)
      if (field) errors.value = { ...errors.value, [field]: message }
      else failure.value = message
      return undefined
    } finally {
      sending.value = false
    }
  }

  /** Back to a fresh form's state: no attempt, no messages. */
  function reset() {
    errors.value = {}
    failure.value = ''
    tried.value = false
  }

  return { errors, failure, sending, check, run, reset }
}
