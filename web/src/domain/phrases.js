// 常用语: phrase templates a user adds to a command's text with one click (the
// reply, a return, a review note). The phrases live in the i18n files under
// `phrases.<command>`, so they follow the UI language.
import { messages } from '../i18n/index.js'

/** The phrases offered for `command` in `locale` (Chinese when the locale has none); [] when none. */
export function phrasesFor(command, locale = 'zh-CN') {
  const own = messages[locale]?.phrases?.[command]
  const list = own !== undefined ? own : messages['zh-CN'].phrases?.[command]
  return Array.isArray(list) ? list : []
}
