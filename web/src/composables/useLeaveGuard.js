// Guards an editor with unsaved changes: leaving the route asks first (the
// message `confirmKey`), and closing or reloading the tab lets the browser warn.
// Runs `onMount` (e.g. the first load) once the guard is in place.
import { onBeforeUnmount, onMounted } from 'vue'
import { onBeforeRouteLeave } from 'vue-router'
import { useI18n } from 'vue-i18n'
import { ElMessageBox } from 'element-plus/es/components/message-box/index.mjs'

export function useLeaveGuard(isDirty, confirmKey, onMount = () => {}) {
  const { t } = useI18n()
  onBeforeRouteLeave(async () => {
    if (!isDirty()) return true
    try {
      await ElMessageBox.confirm(t(confirmKey), { type: 'warning' })
      return true
    } catch {
      return false
    }
  })
  const beforeUnload = (e) => {
    if (!isDirty()) return
    e.preventDefault()
    e.returnValue = ''
  }
  onMounted(() => {
    window.addEventListener('beforeunload', beforeUnload)
    onMount()
  })
  onBeforeUnmount(() => window.removeEventListener('beforeunload', beforeUnload))
}
