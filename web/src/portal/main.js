// The citizen portal (/portal/): submit an appeal, track it, evaluate the result.
// No login, Chinese only, mobile first; it stands in for the WeChat mini-program.
import { createApp } from 'vue'
import 'element-plus/theme-chalk/base.css'
// Styles of the Element Plus services used from script (templates get theirs automatically).
import 'element-plus/theme-chalk/el-message.css'
import '../theme.css'
import './portal.css'
import PortalApp from './PortalApp.vue'
import { createPortalRouter } from './router.js'

createApp(PortalApp).use(createPortalRouter()).mount('#app')
