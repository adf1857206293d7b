// Shows results to the user as Element Plus messages.
import { ElMessage } from 'element-plus/es/components/message/index.mjs'
import { userMessage } from './errors.js'

export function notifyError(err) {
  ElMessage({ type: 'error', message: userMessage(err), grouping: true, showClose: true })
  if (!(err && err.name === 'ApiError')) console.error(err) // unexpected: keep it visible to developers
}

export function notifySuccess(message) {
  ElMessage({ type: 'success', message, grouping: true })
}
