// Keyboard shortcuts of a work queue (TicketQueue): move the selected row, open its
// ticket, run its first action, show the list of shortcuts. Pure: the component
// feeds it key events and the row count, and carries out what comes back.

/** The shortcuts as shown in the help (keys as printed, i18n key of what they do). */
export const QUEUE_SHORTCUTS = [
  { keys: ['j', '↓'], does: 'down' },
  { keys: ['k', '↑'], does: 'up' },
  { keys: ['Enter'], does: 'open' },
  { keys: ['a'], does: 'act' },
  { keys: ['?'], does: 'help' },
]

const EDITABLE = new Set(['INPUT', 'TEXTAREA', 'SELECT'])
const CONTROLS = new Set(['BUTTON', 'A'])

/** Whether keys typed at `target` are text (an input, textarea, select or editable element). */
export function isTyping(target) {
  if (!target) return false
  if (target.isContentEditable) return true
  return EDITABLE.has(String(target.tagName || '').toUpperCase())
}

/**
 * What a key press does in a queue of `count` rows where row `index` is selected
 * (-1: none yet):
 *   { type: 'move', index }  select another row (j/↓ next, k/↑ previous, kept in range)
 *   { type: 'open', index }  Enter: open the selected row's ticket
 *   { type: 'act', index }   a: run the selected row's first action
 *   { type: 'help' }         ?: show or hide the list of shortcuts
 *   null                     not a queue key here: leave the event alone
 * Keys typed into a field, and keys with Ctrl / Alt / Meta, are never taken.
 */
export function queueKeyAction(event, { index = -1, count = 0 } = {}) {
  if (!event || event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return null
  if (isTyping(event.target)) return null
  const key = event.key
  if (key === '?') return { type: 'help' }
  if (count <= 0) return null
  const selected = index >= 0 && index < count
  switch (key) {
    case 'j':
    case 'ArrowDown':
      return { type: 'move', index: selected ? Math.min(index + 1, count - 1) : 0 }
    case 'k':
    case 'ArrowUp':
      return { type: 'move', index: selected ? Math.max(index - 1, 0) : 0 }
    case 'Enter': // on a focused button or link, Enter is that control's
      return selected && !CONTROLS.has(String(event.target?.tagName || '').toUpperCase()) ? { type: 'open', index } : null
    case 'a':
      return selected ? { type: 'act', index } : null
    default:
      return null
  }
}
