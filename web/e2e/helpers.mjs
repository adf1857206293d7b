// Shared by the end-to-end tests (not a test itself: `node --test e2e/` runs only
// files named *.test.mjs). The server's address comes from HOTLINE_URL, Chromium
// from CHROMIUM_PATH (default Debian's /usr/bin/chromium), and screenshots go to
// docs/screenshots/ (HOTLINE_SCREENSHOTS=DIR to put them elsewhere).
import assert from 'node:assert/strict'
import { after, before } from 'node:test'
import { existsSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

export const BASE = (process.env.HOTLINE_URL || 'http://127.0.0.1:8080').replace(/\/$/, '')
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
export const SHOTS = process.env.HOTLINE_SCREENSHOTS || join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'screenshots')

/** Checks that Chromium and the server are there, then starts a headless browser. */
export async function launchBrowser() {
  assert.ok(existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM} (apt-get install -y chromium)`)
  const health = await fetch(`${BASE}/healthz`).catch(() => null)
  assert.ok(health && health.ok, `no hotline server at ${BASE} (set HOTLINE_URL)`)
  mkdirSync(SHOTS, { recursive: true })
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
}

/**
 * One headless browser for a test file: started before its tests, closed after
 * them. Returns `{ browser, start, loginAs }`: `browser` once started; `start()`,
 * the browser when it is up (for a file's own `before` hook: Node 20 does not
 * wait for one root hook before the next); and `loginAs(username, options)`,
 * which is loginAs below in that browser.
 */
export function useBrowser() {
  let starting = null
  const ui = {
    browser: null,
    start: () => (starting ||= launchBrowser().then((b) => (ui.browser = b))),
    loginAs: async (username, options) => loginAs(await ui.start(), username, options),
  }
  before(() => ui.start())
  after(async () => {
    const browser = starting && (await starting.catch(() => null))
    if (browser) await browser.close()
  })
  return ui
}

/** A console screenshot (after transitions settle) as SHOTS/<name>.png. */
export async function screenshot(page, name) {
  await page.waitForTimeout(300)
  await page.screenshot({ path: join(SHOTS, `${name}.png`) })
}

/** A console browser context: its own storage, so its own session (shared by its pages). */
export function newConsoleContext(browser) {
  return browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
}

/** A page logged in to the console as `username`, in a fresh browser context unless `context` is given. */
export async function loginAs(browser, username, { shot, context: given } = {}) {
  const context = given || (await newConsoleContext(browser))
  const page = await context.newPage()
  page.setDefaultTimeout(15000)
  const errors = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.errors = errors
  await page.goto(`${BASE}/`)
  await page.locator('[data-test="login-username"]').fill(username)
  await page.locator('[data-test="login-password"]').fill('demo')
  if (shot) await screenshot(page, shot)
  await page.locator('[data-test="login-submit"]').click()
  await page.locator('[data-test="whoami"]').waitFor()
  return page
}

/** Filters the work queue of the visible tab to `ticket` ({id, number}) and returns its row. */
export async function findRow(page, ticket) {
  const pane = page.locator('.el-tab-pane:visible')
  await pane.locator('[data-test="queue-q"]').fill(ticket.number)
  await pane.locator('[data-test="queue-search"]').click()
  const row = pane.locator('.el-table__body tr', { has: page.locator(`[data-test="ticket-link-${ticket.id}"]`) })
  await row.first().waitFor()
  return row.first()
}

/** Opens the tab of a queue screen whose label contains `label`. */
export async function openTab(page, label) {
  await page.locator('.el-tabs__item', { hasText: label }).click()
}

/** Submits the open command dialog and waits for it to close. */
export async function submitDialog(page) {
  const dialog = page.locator('.el-dialog:visible')
  await dialog.locator('[data-test="dialog-submit"]').click()
  await dialog.waitFor({ state: 'hidden' })
}

/** One REST call with a token ('' for none); fails the test on an error status. */
export async function api(token, method, path, body) {
  const res = await fetch(`${BASE}/api/v1${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const data = await res.json().catch(() => null)
  assert.ok(res.ok, `${method} ${path} → ${res.status} ${JSON.stringify(data)}`)
  return data
}

/** A session token for a demo account. */
export async function login(username) {
  return (await api('', 'POST', '/sessions', { username, password: 'demo' })).token
}

/** A REST call as `username` (to change things behind a screen's back). */
export async function rest(username, method, path, body) {
  return api(await login(username), method, path, body)
}
