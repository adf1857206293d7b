// End-to-end: the administration screens (admin only) and live updates, in
// Debian's Chromium through playwright-core, against a running demo server.
//
// Each run adds a dispatch rule, checks it after a reload and deletes it again
// (the catalog ends as it began), and leaves one disabled account `e2e-<time>`
// behind: the API cannot delete users.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE, rest, screenshot, useBrowser } from './helpers.mjs'

const { loginAs } = useBrowser()

// The rule this test adds: 供热收费争议 in 东城区, enterprise appeals → 市供热公司 with 东华街道.
const RULE = { category: '120403', area: 'LC-D01', enterprise: 'yes', lead: 'LC-GR', co_units: ['LC-D01-S01'] }
const sameCondition = (r) => r.category === RULE.category && r.area === RULE.area && r.enterprise === RULE.enterprise

/** Picks a unit in a UnitPicker (el-tree-select) by typing its name. */
async function pickUnit(page, field, name) {
  await page.locator(`.el-dialog:visible [data-test="${field}"] .el-select__wrapper`).click()
  await page.keyboard.type(name)
  await page.locator('.el-select-dropdown:visible .el-tree-node__content:visible', { hasText: new RegExp(`^\\s*${name}\\s*$`) }).first().click()
}

/** Picks a cascader option by typing and taking the suggestion that ends with `name`. */
async function pickCascader(page, field, name) {
  await page.locator(`.el-dialog:visible [data-test="${field}"] .el-cascader`).click()
  await page.keyboard.type(name)
  await page.locator('.el-cascader__suggestion-item:visible', { hasText: new RegExp(`${name}$`) }).first().click()
}

test('admins see 系统管理 in the menu; other roles do not', async () => {
  const page = await loginAs('admin')
  await page.locator('[data-test="menu-group-admin"]', { hasText: '系统管理' }).waitFor()
  for (const name of ['adminUsers', 'adminUnits', 'adminCategories', 'adminCatalog', 'adminAudit']) await page.locator(`[data-test="menu-${name}"]`).waitFor()
  await page.context().close()

  const supervisor = await loginAs('supervisor')
  assert.equal(await supervisor.locator('[data-test="menu-group-admin"]').count(), 0)
  await supervisor.goto(`${BASE}/#/admin/catalog`) // typed in by hand: sent to the role's home
  await supervisor.waitForURL(/#\/supervise$/)
  await supervisor.context().close()
})

test('用户与角色: create an account, find it, disable it', async () => {
  const page = await loginAs('admin')
  await page.locator('[data-test="menu-adminUsers"]').click()
  await page.locator('[data-test="user-table"] .el-table__body tr').first().waitFor()
  const username = `e2e-${Date.now()}`
  await page.locator('[data-test="user-create"]').click()
  const dialog = page.locator('.el-dialog:visible')
  await dialog.locator('[data-test="user-form-username"]').fill(username)
  await dialog.locator('[data-test="user-form-name"]').fill('端到端测试坐席')
  await dialog.locator('[data-test="user-form-password"]').fill('short')
  await dialog.locator('[data-test="user-form-submit"]').click()
  await dialog.locator('.el-form-item__error', { hasText: '密码至少 8 位' }).waitFor() // checked before sending
  await dialog.locator('[data-test="user-form-password"]').fill('e2e-password')
  await dialog.locator('[data-test="user-form-submit"]').click()
  await dialog.waitFor({ state: 'hidden' })
  await page.locator('.el-message--success', { hasText: `已创建用户 端到端测试坐席` }).first().waitFor()

  await page.locator('[data-test="user-q"]').fill(username)
  await page.locator(`[data-test="user-${username}"]`).waitFor()
  await page.locator(`[data-test="user-toggle-${username}"]`).click()
  await page.locator('.el-message-box .el-button--primary').click()
  await page.locator('[data-test="user-table"] [data-test="user-disabled"]').waitFor()
  await page.locator('[data-test="user-q"]').fill('')
  await page.locator('.el-message').first().waitFor({ state: 'detached', timeout: 6000 }).catch(() => {})
  await screenshot(page, 'admin-users')
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

test('承办单位 and 诉求分类: searchable trees with add / edit', async () => {
  const page = await loginAs('admin')
  await page.locator('[data-test="menu-adminUnits"]').click()
  await page.locator('[data-test="tree-node-LC"]').waitFor()
  await page.locator('[data-test="tree-q"]').fill('东华')
  await page.locator('[data-test="tree-node-LC-D01-S01"]').waitFor()
  assert.equal(await page.locator('[data-test="tree-node-LC-D02"]').isVisible(), false) // filtered out
  await page.locator('[data-test="unit-edit-LC-D01-S01"]').click()
  const dialog = page.locator('.el-dialog:visible')
  assert.equal(await dialog.locator('[data-test="unit-form-name"]').inputValue(), '东华街道')
  await dialog.locator('[data-test="unit-form-name"]').fill('东华街道办事处')
  await dialog.locator('[data-test="unit-form-submit"]').click()
  await page.locator('[data-test="admin-dirty"]', { hasText: '有 1 处修改尚未保存' }).waitFor()
  await screenshot(page, 'admin-units')
  await page.locator('[data-test="admin-discard"]').click() // nothing is sent
  await page.locator('.el-message-box .el-button--primary').click()
  await page.locator('[data-test="admin-clean"]').waitFor()

  await page.locator('[data-test="menu-adminCategories"]').click()
  await page.locator('[data-test="tree-node-12"]').waitFor()
  await page.locator('[data-test="tree-q"]').fill('供热')
  await page.locator('[data-test="tree-node-120403"]').waitFor()
  await page.locator('[data-test="category-add-1204"]').click()
  const form = page.locator('.el-dialog:visible')
  assert.match(await form.locator('[data-test="category-form-code"]').inputValue(), /^1204\d\d$/) // a free code is suggested
  await screenshot(page, 'admin-categories')
  await form.locator('.el-dialog__footer .el-button', { hasText: '取消' }).click()
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

test('分派目录: add a rule, save the whole catalog, see it after a reload, delete it again', async () => {
  // A rule left behind by an interrupted run goes first.
  const start = (await rest('admin', 'GET', '/catalog')).items
  if (start.some(sameCondition)) await rest('admin', 'PUT', '/catalog', { items: start.filter((r) => !sameCondition(r)) })
  const before = (await rest('admin', 'GET', '/catalog')).items.length

  const page = await loginAs('admin')
  await page.locator('[data-test="menu-adminCatalog"]').click()
  await page.locator('[data-test="rule-shown"]', { hasText: `显示 ${before} / ${before} 条` }).waitFor()
  await page.locator('[data-test="rule-add"]').click()
  const dialog = page.locator('.el-dialog:visible')
  await dialog.locator('[data-test="rule-form-submit"]').click()
  await dialog.locator('.el-form-item__error', { hasText: '请填写「诉求分类」' }).waitFor()
  await pickCascader(page, 'rule-form-category', '供热收费争议')
  await pickCascader(page, 'rule-form-area', '东城区')
  await dialog.locator('[data-test="rule-form-enterprise"] .el-radio-button', { hasText: /^企业诉求$/ }).click()
  await pickUnit(page, 'rule-form-lead', '市供热公司')
  await pickUnit(page, 'rule-form-co', '东华街道')
  await dialog.locator('.el-dialog__title').click() // closes the picker
  assert.equal(await dialog.locator('.el-form-item__error').count(), 0) // the earlier errors went as the fields were filled
  await screenshot(page, 'admin-catalog-rule')
  await dialog.locator('[data-test="rule-form-submit"]').click()
  await dialog.waitFor({ state: 'hidden' })
  await page.locator('[data-test="admin-dirty"]', { hasText: '有 1 处修改尚未保存' }).waitFor()
  await page.locator('[data-test="rule-filter-q"]').fill('供热收费争议')
  const row = page.locator('[data-test="rule-table"] .el-table__body tr', { hasText: '市供热公司' }).filter({ hasText: '东城区' })
  await row.first().waitFor()
  assert.match(await row.first().innerText(), /东城区[\s\S]*企业诉求[\s\S]*东华街道/)
  await screenshot(page, 'admin-catalog')
  await page.locator('[data-test="admin-save"]').click()
  await page.locator('.el-message--success', { hasText: `已保存，共 ${before + 1} 条` }).first().waitFor()
  await page.locator('[data-test="admin-clean"]').waitFor()

  await page.reload()
  await page.locator('[data-test="rule-shown"]', { hasText: `/ ${before + 1} 条` }).waitFor()
  await page.locator('[data-test="rule-filter-q"]').fill('供热收费争议')
  await row.first().waitFor()
  const saved = (await rest('admin', 'GET', '/catalog')).items.filter(sameCondition)
  assert.deepEqual(saved, [RULE])

  // Delete it again through the screen.
  await row.first().locator('[data-test^="rule-delete-"]').click()
  await page.locator('.el-message-box .el-button--primary').click()
  await page.locator('[data-test="admin-save"]').click()
  await page.locator('.el-message--success', { hasText: `已保存，共 ${before} 条` }).first().waitFor()
  assert.equal((await rest('admin', 'GET', '/catalog')).items.length, before)

  // 操作审计: the catalog save just made is the newest record, by admin (shown by its display name).
  await page.locator('.el-message').first().waitFor({ state: 'detached', timeout: 6000 }).catch(() => {})
  await page.locator('[data-test="menu-adminAudit"]').click()
  const newest = page.locator('[data-test="audit-table"] .el-table__body tr').first()
  await newest.waitFor()
  assert.equal((await newest.locator('[data-test="audit-action"]').innerText()).trim(), '替换分派目录')
  assert.equal((await newest.locator('[data-test="audit-actor"]').innerText()).trim(), '系统管理员') // the display name of the account
  assert.match(await newest.locator('[data-test="audit-summary"]').innerText(), /分派规则：\d+ → \d+/)
  assert.equal(await page.locator('[data-test="audit-prev"]').isDisabled(), true)
  await screenshot(page, 'admin-audit')
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

const appeal = (content) => ({ channel: 'phone', appeal_type: 'help', content, caller: { name: '实时测试', phone: '13900001111' } })

test('数据大屏 updates live when another session records a ticket (no reload)', async () => {
  const page = await loginAs('analyst')
  await page.goto(`${BASE}/#/dashboard`)
  await page.locator('[data-test="updated-at"]').waitFor()
  await page.locator('[data-test="live-status"][data-state="open"]').waitFor()
  await page.locator('[data-test="dashboard-live"]').waitFor()
  const today = page.locator('[data-test="kpi-today"] [data-test="kpi-value"]')
  const before = Number(await today.innerText())
  await page.evaluate(() => {
    window.__sameDocument = true // gone if the page reloads
  })
  await rest('operator', 'POST', '/tickets', appeal('实时推送测试：数据大屏应当自动刷新今日受理数'))
  await page.waitForFunction((n) => Number(document.querySelector('[data-test="kpi-today"] [data-test="kpi-value"]').textContent) > n, before, { timeout: 10000 })
  assert.equal(await page.evaluate(() => window.__sameDocument), true)
  await page.setViewportSize({ width: 1920, height: 1080 })
  await page.waitForTimeout(500)
  await screenshot(page, 'dashboard-live')
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

test('派单台 announces new tickets live, and a click shows them', async () => {
  const page = await loginAs('dispatcher')
  await page.locator('[data-test="live-status"][data-state="open"]').waitFor()
  await page.locator('.el-tab-pane:visible [data-test="ticket-table"]').waitFor()
  const created = await rest('operator', 'POST', '/tickets', appeal('实时推送测试：派单台应当提示有新工单'))
  await rest('operator', 'POST', `/tickets/${created.id}/to-dispatch`, {})
  const notice = page.locator('.el-tab-pane:visible [data-test="queue-fresh"]')
  await notice.waitFor({ timeout: 10000 })
  assert.match(await notice.innerText(), /有新工单或工单变化 \d+ 条，点击刷新/)
  await screenshot(page, 'dispatch-live')
  await page.locator('.el-tab-pane:visible [data-test="queue-q"]').fill(created.number)
  await page.locator('.el-tab-pane:visible [data-test="queue-search"]').click()
  await page.locator(`[data-test="ticket-link-${created.id}"]`).waitFor()
  assert.deepEqual(page.errors, [])
  await page.context().close()
})
