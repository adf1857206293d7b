// A screen's subscription to live messages, for as long as it is shown.
import { onBeforeUnmount, onMounted } from 'vue'
import { useLiveStore } from '../stores/live.js'

export function useLive(handler) {
  const live = useLiveStore()
  let off = null
  onMounted(() => {
    off = live.subscribe(handler)
  })
  onBeforeUnmount(() => {
    if (off) off()
  })
  return live
}
