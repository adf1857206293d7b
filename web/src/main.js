import { createApp } from 'vue'
import { createPinia } from 'pinia'
import 'element-plus/theme-chalk/base.css'
// Styles of the Element Plus services used from script (templates get theirs automatically).
import 'element-plus/theme-chalk/el-message.css'
import 'element-plus/theme-chalk/el-message-box.css'
import 'element-plus/theme-chalk/el-loading.css'
import './theme.css'
import './styles.css'
import App from './App.vue'
import { i18n } from './i18n/index.js'
import { createAppRouter } from './router/index.js'
import { connectClient, syncSessionTabs, useSessionStore } from './stores/session.js'
import { useReferenceStore } from './stores/reference.js'
import { connectLive } from './stores/live.js'
import { connectLimits } from './api/limits.js'
import { loginTarget } from './router/guard.js'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
app.use(i18n)
const router = createAppRouter()
app.use(router)

const session = useSessionStore()
connectClient(session, () => {
  useReferenceStore().reset()
  const current = router.currentRoute.value
  if (current.name !== 'login') router.push({ name: 'login', query: { redirect: current.fullPath, expired: '1' } })
})

// The session is the browser's, not the tab's: follow logins and logouts made in another tab.
syncSessionTabs(session, {
  onLogout() {
    useReferenceStore().reset()
    const current = router.currentRoute.value
    if (current.name !== 'login') router.push({ name: 'login', query: { redirect: current.fullPath, elsewhere: '1' } })
  },
  onLogin(previous) {
    const current = router.currentRoute.value
    const someoneElse = previous && (!session.user || previous.username !== session.user.username)
    if (someoneElse) useReferenceStore().reset()
    if (current.name === 'login') router.replace(loginTarget(router, session, current.query.redirect))
    else if (someoneElse) router.replace('/') // the new user's home
  },
})

// One live-updates connection per browser while someone is logged in.
connectLive(session)
// The server's limits, read once per session.
connectLimits(session)

app.mount('#app')
