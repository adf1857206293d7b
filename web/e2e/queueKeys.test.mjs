// End-to-end (issue 9): a work queue (回访台 · 待回访) with the keyboard — j/k (↓/↑) select rows,
// ? lists the shortcuts, keys typed into the search field stay there, a opens the
// selected row's first action, Enter opens its ticket. Read-only: the action's
// dialog is closed without sending.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { rest, screenshot, useBrowser } from './helpers.mjs'

const { loginAs } = useBrowser()

/** Index of the selected row in the visible queue (-1: none). */
const selectedRow = (page) =>
  page.evaluate(() => {
    const pane = [...document.querySelectorAll('.el-tab-pane')].find((p) => p.offsetParent !== null)
    const rows = [...pane.querySelectorAll('[data-test="ticket-table"] .el-table__body tr.el-table__row')]
    return rows.findIndex((r) => r.classList.contains('queue-selected'))
  })

// 待回访 holds at least three tickets: the demo city's, topped up here (how many the
// demo leaves waiting depends on the hour it was generated).
async function fillCallbackQueue() {
  const waiting = await rest('callback', 'GET', '/tickets?state=to_callback&per_page=1')
  for (let i = waiting.total; i < 3; i++) {
    const t = await rest('operator', 'POST', '/tickets', {
      channel: 'phone', appeal_type: 'complaint', content: `（键盘测试 ${i}）小区路灯不亮，晚上出行不便`,
      caller: { name: '测试', phone: '13700003333' },
    })
    await rest('operator', 'POST', `/tickets/${t.id}/to-dispatch`, {})
    await rest('dispatcher', 'POST', `/tickets/${t.id}/dispatch`, { unit: 'LC-D01-S01' })
    await rest('LC-D01-S01', 'POST', `/tickets/${t.id}/sign`, {})
    await rest('LC-D01-S01', 'POST', `/tickets/${t.id}/reply`, { content: '已更换路灯。', result: 'resolved' })
    await rest('dispatcher', 'POST', `/tickets/${t.id}/review`, { accept: true })
  }
}

test('回访台 works with the keyboard', async () => {
  await fillCallbackQueue()
  const page = await loginAs('callback')
  await page.waitForURL(/#\/callback/)
  await page.locator('#tab-callback').click() // 待回访
  const pane = page.locator('.el-tab-pane:visible')
  const rows = pane.locator('[data-test="ticket-table"] .el-table__body tr.el-table__row')
  await rows.nth(1).waitFor()
  await page.locator('body').click({ position: { x: 5, y: 5 } }) // focus on the page, not a field

  assert.equal(await selectedRow(page), -1)
  await page.keyboard.press('j')
  assert.equal(await selectedRow(page), 0)
  await page.keyboard.press('j')
  await page.keyboard.press('ArrowDown')
  assert.equal(await selectedRow(page), 2)
  await page.keyboard.press('k')
  assert.equal(await selectedRow(page), 1)

  await page.keyboard.press('?')
  const help = page.locator('.el-dialog:visible', { hasText: '键盘快捷键' })
  await help.waitFor()
  assert.match(await help.innerText(), /执行本行第一个操作/)
  await screenshot(page, 'queue-keys-help')
  await page.keyboard.press('Escape')
  await help.waitFor({ state: 'hidden' })

  // Typing in the search field is text, not shortcuts.
  const q = pane.locator('[data-test="queue-q"]')
  await q.click()
  await page.keyboard.type('jk')
  assert.equal(await q.inputValue(), 'jk')
  assert.equal(await selectedRow(page), 1)
  await q.fill('')
  await page.locator('body').click({ position: { x: 5, y: 5 } })

  // a: the selected row's first action (its dialog), closed again without sending.
  await page.keyboard.press('a')
  const dialog = page.locator('.el-dialog:visible')
  await dialog.waitFor()
  await page.keyboard.press('Escape')
  await dialog.waitFor({ state: 'hidden' })

  const href = await rows.nth(1).locator('a[data-test^="ticket-link-"]').getAttribute('href')
  const id = href.match(/(\d+)$/)[1]
  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Enter')
  await page.waitForURL(new RegExp(`#/tickets/${id}$`))
  await page.locator('[data-test="ticket-fields"]').waitFor()
  assert.deepEqual(page.errors, [])
  await page.context().close()
})
