// End-to-end: many tabs of one browser (issue 9, "one live connection per browser").
// The tabs share one session (localStorage) and one live stream: a leader tab reads
// GET /api/v1/live (token in the Authorization header, never in the URL) and relays
// it to the others; a logout in one tab logs out all of them.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE, newConsoleContext, rest, useBrowser } from './helpers.mjs'

const TABS = 20

const ui = useBrowser()

const appeal = (content) => ({ channel: 'phone', appeal_type: 'help', content, caller: { name: '多标签测试', phone: '13900002222' } })

/** A ticket that enters 派单台's queue, made behind the screens' back. */
async function newTicketToDispatch(content) {
  const created = await rest('operator', 'POST', '/tickets', appeal(content))
  await rest('operator', 'POST', `/tickets/${created.id}/to-dispatch`, {})
  return created
}

/** Another tab of the same browser (context), opened at `hash`. */
async function openTab(context, hash) {
  const page = await context.newPage()
  page.setDefaultTimeout(30000)
  page.errors = []
  page.on('pageerror', (e) => page.errors.push(e.message))
  await page.goto(`${BASE}/${hash}`)
  return page
}

/** The number in 派单台's 「有新工单或工单变化 N 条」 notice (0 when there is none). */
async function freshCount(page) {
  const notice = page.locator('.el-tab-pane:visible [data-test="queue-fresh"]')
  if ((await notice.count()) === 0) return 0
  return Number(((await notice.innerText()).match(/(\d+) 条/) || [])[1] || 0)
}

/** Waits until the page's notice counts more than `n` changes. */
function countsMoreThan(page, n, timeout) {
  return page.waitForFunction(
    (k) => {
      const el = document.querySelector('.el-tab-pane:not([style*="display: none"]) [data-test="queue-fresh"]')
      const m = el && el.textContent.match(/(\d+) 条/)
      return !!m && Number(m[1]) > k
    },
    n,
    { timeout },
  )
}

const roleOf = (page) => page.locator('[data-test="live-status"]').getAttribute('data-role')

test(`${TABS} tabs of one browser stay live on one connection, and a tab more still loads`, async () => {
  const context = await newConsoleContext(ui.browser)
  const streams = []
  context.on('request', (req) => {
    if (new URL(req.url()).pathname === '/api/v1/live') streams.push(req)
  })
  const first = await ui.loginAs('dispatcher', { context })
  first.setDefaultTimeout(30000)
  const pages = [first]
  for (let i = 1; i < TABS; i++) pages.push(await openTab(context, '#/dispatch'))
  for (const page of pages) {
    await page.locator('.el-tab-pane:visible [data-test="ticket-table"]').waitFor() // logged in, no login page
    await page.locator('[data-test="live-status"][data-state="open"]').waitFor()
  }
  const roles = await Promise.all(pages.map(roleOf))
  assert.equal(roles.filter((r) => r === 'leader').length, 1, roles.join(','))
  assert.equal(roles.filter((r) => r === 'follower').length, TABS - 1, roles.join(','))
  // One stream for the whole browser, opened by the first tab; the others added none.
  assert.equal(streams.length, 1, `${streams.length} live requests`)
  for (const req of streams) {
    assert.equal(new URL(req.url()).search, '', 'no token in the URL')
    assert.match((await req.allHeaders()).authorization || '', /^Bearer \S+$/)
  }

  // A change made elsewhere reaches every tab: 派单台 announces it.
  await newTicketToDispatch('多标签测试：二十个标签页都应当提示新工单')
  for (const page of pages) {
    await page.locator('.el-tab-pane:visible [data-test="queue-fresh"]').waitFor({ timeout: 15000 })
  }

  // A 21st tab loads the console (the browser's connection limit is not used up by streams).
  const extra = await openTab(context, '#/login')
  await extra.locator('[data-test="whoami"]').waitFor({ timeout: 15000 })
  await extra.locator('.el-tab-pane:visible [data-test="ticket-table"]').waitFor({ timeout: 15000 })
  await extra.locator('[data-test="live-status"][data-state="open"]').waitFor()
  assert.equal(await roleOf(extra), 'follower')
  pages.push(extra)

  // The leader tab closes: another takes the stream over and every tab stays live.
  const leader = pages[roles.indexOf('leader')]
  await leader.close()
  const rest_ = pages.filter((p) => p !== leader)
  const before = await Promise.all(rest_.map(freshCount))
  await newTicketToDispatch('多标签测试：领头标签页关闭后仍应提示新工单')
  for (const [i, page] of rest_.entries()) await countsMoreThan(page, before[i], 20000)
  const after = await Promise.all(rest_.map(roleOf))
  assert.equal(after.filter((r) => r === 'leader').length, 1, after.join(','))
  for (const page of rest_) assert.deepEqual(page.errors, [])
  await context.close()
})

test('a ticket link opened in a new tab needs no login', async () => {
  const created = await rest('operator', 'POST', '/tickets', appeal('多标签测试：新标签页打开工单链接不需要再次登录'))
  const first = await ui.loginAs('supervisor')
  const page = await openTab(first.context(), `#/tickets/${created.id}`)
  await page.locator('[data-test="ticket-number"]', { hasText: created.number }).waitFor()
  assert.match(page.url(), new RegExp(`#/tickets/${created.id}$`))
  assert.equal(await page.locator('[data-test="login-username"]').count(), 0)
  assert.deepEqual(page.errors, [])
  await first.context().close()
})

test('logging out in one tab logs out the other; logging in again there is seen too', async () => {
  const first = await ui.loginAs('dispatcher')
  const second = await openTab(first.context(), '#/dispatch')
  await second.locator('[data-test="whoami"]').waitFor()
  await first.locator('[data-test="logout"]').click()
  await first.locator('[data-test="login-username"]').waitFor()
  await second.locator('[data-test="login-username"]').waitFor({ timeout: 10000 })
  assert.match(await second.locator('[data-test="login-notice"]').innerText(), /已在本浏览器的其他标签页退出登录/)
  // The session is gone from the browser's storage.
  assert.equal(await second.evaluate(() => localStorage.getItem('hotline.session')), null)

  await first.locator('[data-test="login-username"]').fill('dispatcher')
  await first.locator('[data-test="login-password"]').fill('demo')
  await first.locator('[data-test="login-submit"]').click()
  await first.locator('[data-test="whoami"]').waitFor()
  await second.locator('[data-test="whoami"]').waitFor({ timeout: 10000 }) // back where it was
  assert.match(second.url(), /#\/dispatch$/)
  assert.deepEqual(second.errors, [])
  await first.context().close()
})
