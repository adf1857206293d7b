// End-to-end (issue 9): the operator takes three calls in a row with the keyboard
// only — focus starts on the phone field after login and after 受理下一个, Tab walks
// the form, Ctrl+Enter saves, the first outcome button has the focus, and the
// saved panel shows the 查询码 to read to the caller.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { rest, useBrowser } from './helpers.mjs'

const { loginAs } = useBrowser()

/** data-test of the element holding the focus, or of its nearest marked ancestor. */
const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement
    const marked = el && el.closest('[data-test]')
    return marked ? marked.getAttribute('data-test') : el ? el.tagName : ''
  })

/** Presses Tab until the focus is inside [data-test=name] (at most 20 times). */
async function tabTo(page, name) {
  for (let i = 0; i < 20; i++) {
    if ((await focused(page)) === name) return
    await page.keyboard.press('Tab')
  }
  assert.fail(`Tab never reached ${name} (focus on ${await focused(page)})`)
}

test('the operator takes three calls in a row with the keyboard only', async () => {
  const page = await loginAs('operator')
  await page.waitForURL(/#\/intake$/)
  await page.waitForFunction(() => document.activeElement?.closest('[data-test="intake-phone"]'))
  const numbers = []
  for (let call = 1; call <= 3; call++) {
    assert.equal(await focused(page), 'intake-phone', `call ${call} starts on the phone field`)
    await page.keyboard.type(`1370000${String(Date.now()).slice(-4)}`)
    await tabTo(page, 'intake-name')
    await page.keyboard.type(`键盘${call}号`)
    await tabTo(page, 'intake-content')
    await page.keyboard.type(`第${call}个来电：小区门口路灯不亮，晚上出行不便。`)
    await page.keyboard.press('Control+Enter')
    const outcome = page.locator('[data-test="intake-outcome"]')
    await outcome.waitFor()
    const code = await page.locator('[data-test="intake-query-code"] strong').innerText()
    assert.match(code, /^\d{6}$/, 'the query code is on the saved panel')
    numbers.push(/工单\s*(\S+)/.exec(await outcome.locator('h2').innerText())[1])
    // The first outcome button has the focus; Tab to 转派单 and take it with Enter.
    await page.waitForFunction(() => document.activeElement?.closest('[data-test="intake-outcome"]'))
    await tabTo(page, 'cmd-to-dispatch')
    await page.keyboard.press('Enter')
    await outcome.locator('[data-test="intake-done"]', { hasText: '待派单' }).waitFor()
    await tabTo(page, 'intake-next')
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => document.activeElement?.closest('[data-test="intake-phone"]'))
  }
  assert.equal(new Set(numbers).size, 3)
  for (const number of numbers) {
    const found = await rest('operator', 'GET', `/tickets?q=${number}`)
    assert.equal(found.items[0].state, 'to_dispatch')
  }
  assert.deepEqual(page.errors, [])
  await page.context().close()
})
