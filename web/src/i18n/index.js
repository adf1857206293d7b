import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN.js'
import en from './en.js'

export const LOCALES = ['zh-CN', 'en']
export const messages = { 'zh-CN': zhCN, en }

const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('hotline.locale') : null

export const i18n = createI18n({
  legacy: false,
  locale: LOCALES.includes(saved) ? saved : 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages,
})

export const t = (...args) => i18n.global.t(...args)

export function currentLocale() {
  return i18n.global.locale.value
}

export function setLocale(locale) {
  if (!LOCALES.includes(locale)) return
  i18n.global.locale.value = locale
  if (typeof localStorage !== 'undefined') localStorage.setItem('hotline.locale', locale)
  if (typeof document !== 'undefined') document.documentElement.lang = locale
}
