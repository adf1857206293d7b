// End-to-end: accessibility of the main screens, checked by axe-core (injected into
// the page through playwright-core) in Debian's Chromium, against a running demo
// server. A screen passes when axe finds no violation of impact serious or critical
// (contrast, names of controls, landmarks, language, …); moderate and minor findings
// are printed, not failed.
//
// Read-only: no ticket or setting is changed.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { BASE, rest, useBrowser } from './helpers.mjs'

// Evaluated through the DevTools protocol: the console's CSP (script-src 'self') blocks a <script> tag.
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
// A11Y_VERBOSE=1 lists every element a rule flags, not only the first four.
const VERBOSE = !!process.env.A11Y_VERBOSE
const FAILING = new Set(['serious', 'critical'])

const ui = useBrowser()
/** Waits until loading masks and transitions are over. */
async function settle(page) {
  await page.waitForTimeout(400)
  await page.locator('.el-loading-mask:visible').first().waitFor({ state: 'detached', timeout: 10000 }).catch(() => {})
  await page.waitForTimeout(400)
}

/** axe-core's violations on the page as it stands, worst first. */
async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE)
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }))
  return result.violations
}

/** One line per violation: rule, impact, count and the first few elements with why. */
const describe = (v) =>
  `${v.impact} ${v.id} (${v.nodes.length}): ${v.help}\n` +
  v.nodes.slice(0, VERBOSE ? 1000 : 4).map((n) => `    ${n.target.join(' ')} — ${(n.failureSummary || '').split('\n').slice(1, 2).join('').trim()}${VERBOSE ? `\n      ${n.html.slice(0, 160)}` : ''}`).join('\n')

/**
 * Checks the screen now on `page`: serious or critical findings are collected in
 * `found` (each test asserts it is empty after its last screen, so that one run
 * reports every screen).
 */
async function check(page, screen, found) {
  await settle(page)
  const violations = await axe(page)
  const failing = violations.filter((v) => FAILING.has(v.impact))
  const minor = violations.filter((v) => !FAILING.has(v.impact))
  if (minor.length) console.log(`# ${screen}: ${minor.length} moderate/minor\n${minor.map(describe).join('\n')}`)
  if (failing.length) console.log(`# ${screen}: FAILING\n${failing.map(describe).join('\n')}`)
  found.push(...failing.map((v) => `${screen}: ${describe(v)}`))
}

/** Opens a console screen from the menu, as a user would. */
async function openMenu(page, name) {
  await page.locator(`[data-test="menu-${name}"]`).click()
  await page.waitForURL(new RegExp(`#/${name.replace(/^admin(\w)/, (_, c) => `admin/${c.toLowerCase()}`)}`))
}

test('登录 (login) has no serious accessibility violation', async () => {
  const found = []
  const context = await ui.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
  const page = await context.newPage()
  await page.goto(`${BASE}/`)
  await page.locator('[data-test="login-username"]').waitFor()
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN')
  await check(page, 'login', found)
  assert.deepEqual(found, [], 'axe found serious or critical violations')
  await context.close()
})

test('受理台 and 待受理 (operator)', async () => {
  const found = []
  const page = await ui.loginAs('operator')
  await page.locator('[data-test="menu-intake"]').waitFor()
  await check(page, 'intake', found)
  await openMenu(page, 'pending')
  await check(page, 'pending', found)
  await openMenu(page, 'search')
  await page.locator('[data-test="ticket-table"] .el-table__body tr').first().waitFor()
  await check(page, 'search', found)
  await page.locator('[data-test="ticket-table"] .el-table__body tr a').first().click()
  await page.locator('[data-test="ticket-fields"]').waitFor()
  await check(page, 'ticket', found)
  assert.deepEqual(found, [], 'axe found serious or critical violations')
  await page.context().close()
})

test('a closed ticket page, with its reply', async () => {
  const found = []
  const list = await rest('operator', 'GET', '/tickets?state=closed&per_page=1')
  assert.ok(list.items.length, 'the demo has closed tickets')
  const page = await ui.loginAs('operator')
  await page.goto(`${BASE}/#/tickets/${list.items[0].id}`)
  await page.locator('[data-test="ticket-reply"]').waitFor()
  await check(page, 'ticket (closed)', found)
  assert.deepEqual(found, [], 'axe found serious or critical violations')
  await page.context().close()
})

test('派单台 (dispatcher)', async () => {
  const found = []
  const page = await ui.loginAs('dispatcher')
  await page.waitForURL(/#\/dispatch/)
  await check(page, 'dispatch', found)
  assert.deepEqual(found, [], 'axe found serious or critical violations')
  await page.context().close()
})

test('单位待办 (unit)', async () => {
  const found = []
  const page = await ui.loginAs('LC-D01-S01')
  await page.waitForURL(/#\/inbox/)
  await check(page, 'inbox', found)
  assert.deepEqual(found, [], 'axe found serious or critical violations')
  await page.context().close()
})

test('回访台 (callback)', async () => {
  const found = []
  const page = await ui.loginAs('callback')
  await page.waitForURL(/#\/callback/)
  await check(page, 'callback', found)
  assert.deepEqual(found, [], 'axe found serious or critical violations')
  await page.context().close()
})

test('督办台 (supervisor)', async () => {
  const found = []
  const page = await ui.loginAs('supervisor')
  await page.waitForURL(/#\/supervise/)
  await check(page, 'supervise', found)
  assert.deepEqual(found, [], 'axe found serious or critical violations')
  await page.context().close()
})

test('统计 dashboard (analyst)', async () => {
  const found = []
  const page = await ui.loginAs('analyst')
  await page.waitForURL(/#\/dashboard/)
  await page.locator('canvas').first().waitFor()
  await check(page, 'dashboard', found)
  assert.deepEqual(found, [], 'axe found serious or critical violations')
  await page.context().close()
})

test('系统管理: users and audit (admin)', async () => {
  const found = []
  const page = await ui.loginAs('admin')
  await openMenu(page, 'adminUsers')
  await page.locator('[data-test="user-table"] .el-table__body tr').first().waitFor()
  await check(page, 'admin users', found)
  await openMenu(page, 'adminAudit')
  await page.locator('[data-test="audit-table"]').waitFor()
  await check(page, 'admin audit', found)
  assert.deepEqual(found, [], 'axe found serious or critical violations')
  await page.context().close()
})

test('the citizen portal: 我要留言, 进度查询, 知识库', async () => {
  const found = []
  const context = await ui.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true })
  const page = await context.newPage()
  for (const [path, ready, screen] of [
    ['/portal/#/submit', '[data-test="portal-form"]', 'portal submit'],
    ['/portal/#/track', '[data-test="portal-tab-kb"]', 'portal track'],
    ['/portal/#/kb', '[data-test="portal-tab-kb"]', 'portal kb'],
  ]) {
    await page.goto(`${BASE}${path}`)
    await page.locator(ready).first().waitFor()
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN')
    await check(page, screen, found)
  }
  assert.deepEqual(found, [], 'axe found serious or critical violations')
  await context.close()
})

test('时限规则 (supervisor)', async () => {
  const found = []
  const page = await ui.loginAs('supervisor')
  await openMenu(page, 'policies')
  await page.locator('[data-test="policies-table"] .el-table__body tr').first().waitFor()
  // The rules in force, in words: 2110 for company appeals.
  const company = page.locator('[data-test="policies-table"] .el-table__body tr', { hasText: 'enterprise-2110' })
  assert.equal((await company.locator('[data-test="policy-contact"]').innerText()).trim(), '2 小时')
  assert.equal((await company.locator('[data-test="policy-handle"]').innerText()).trim(), '10 个工作日')
  assert.match(await page.locator('[data-test="policies-hours"]').innerText(), /09:00–12:00/)
  await check(page, 'policies', found)
  assert.deepEqual(found, [], 'axe found serious or critical violations')
  await page.context().close()
})
