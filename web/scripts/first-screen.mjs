// Measures the console's first screens with and without precompressed static
// files (issue 9), in the same run: bytes of static files transferred for the
// login page and for 受理台 (#/intake) after logging in as `operator`, and the
// time from opening "/" to the login form and from clicking 登录 to the 受理台
// phone field having the focus. Each repetition uses a fresh browser context
// (empty cache), alternating between the two servers; the median is reported.
// Usage (two `hotline serve --demo` on the same build, one with --web-dir on a
// copy of web/dist without the .gz files; see docs/BENCHMARKS.md):
//   PLAIN_URL=http://127.0.0.1:18096 GZIP_URL=http://127.0.0.1:18095 \
//     node scripts/first-screen.mjs [repetitions=7] [down_mbit=0 (unthrottled)] [rtt_ms=0]
import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const servers = { plain: process.env.PLAIN_URL, gzip: process.env.GZIP_URL }
const reps = Number(process.argv[2] || 7)
const downMbit = Number(process.argv[3] || 0)
const rttMs = Number(process.argv[4] || 0)
if (!servers.plain || !servers.gzip || !existsSync(CHROMIUM)) {
  console.error('set PLAIN_URL and GZIP_URL (and CHROMIUM_PATH if not /usr/bin/chromium)')
  process.exit(2)
}

async function once(browser, base) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
  const page = await context.newPage()
  page.setDefaultTimeout(30000)
  if (downMbit > 0 || rttMs > 0) {
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: rttMs,
      downloadThroughput: downMbit > 0 ? (downMbit * 1e6) / 8 : -1,
      uploadThroughput: downMbit > 0 ? (downMbit * 1e6) / 8 : -1,
    })
  }
  let phase = 'login'
  const bytes = { login: 0, intake: 0 }
  const encodings = new Set()
  page.on('response', async (res) => {
    const url = new URL(res.url())
    if (url.pathname.startsWith('/api/')) return
    const p = phase
    const length = Number((await res.allHeaders())['content-length'] || 0)
    bytes[p] += length
    encodings.add((await res.allHeaders())['content-encoding'] || 'identity')
  })
  const t0 = performance.now()
  await page.goto(`${base}/`)
  await page.locator('[data-test="login-username"]').waitFor()
  const loginMs = performance.now() - t0
  await page.waitForLoadState('networkidle')
  phase = 'intake'
  await page.locator('[data-test="login-username"]').fill('operator')
  await page.locator('[data-test="login-password"]').fill('demo')
  const t1 = performance.now()
  await page.locator('[data-test="login-submit"]').click()
  await page.waitForFunction(() => document.activeElement?.closest('[data-test="intake-phone"]'))
  const intakeMs = performance.now() - t1
  await page.waitForLoadState('networkidle')
  await context.close()
  return { loginMs, intakeMs, bytes, encodings: [...encodings].sort().join('+') }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
})
const runs = { plain: [], gzip: [] }
await once(browser, servers.plain)  // warm-up (server caches, Chromium start)
await once(browser, servers.gzip)
for (let i = 0; i < reps; i++)
  for (const name of i % 2 ? ['gzip', 'plain'] : ['plain', 'gzip']) runs[name].push(await once(browser, servers[name]))
await browser.close()

const net = downMbit > 0 || rttMs > 0 ? `${downMbit || '∞'} Mbit/s, ${rttMs} ms RTT` : 'loopback, unthrottled'
console.log(`first screens, ${reps} repetitions each, ${net}; medians`)
console.log('| | static KiB, login page | static KiB, + 受理台 after login | ms to login form | ms login → 受理台 ready | encodings |')
console.log('|---|---:|---:|---:|---:|---|')
for (const [name, rs] of Object.entries(runs)) {
  const kib = (n) => (n / 1024).toFixed(1)
  console.log(`| ${name} | ${kib(median(rs.map((r) => r.bytes.login)))} | ${kib(median(rs.map((r) => r.bytes.intake)))} | ` +
    `${median(rs.map((r) => r.loginMs)).toFixed(0)} | ${median(rs.map((r) => r.intakeMs)).toFixed(0)} | ${rs[0].encodings} |`)
}
