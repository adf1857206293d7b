// End-to-end: the admin's 时限规则编辑 and 工作日历 (issue 10), in Debian's Chromium
// through playwright-core, against a running demo server (sqlite or PostgreSQL).
//
// The rules end as they began (saved back through the API, as a new version);
// the year 2027 the test uploads is removed again in the console at the end.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE, rest, screenshot, useBrowser } from './helpers.mjs'

const { loginAs } = useBrowser()

/** PUT /policies with the rules and hours of `p` (GET /policies) at the current version. */
async function restore(p) {
  const now = await rest('admin', 'GET', '/policies')
  return rest('admin', 'PUT', '/policies', {
    version: now.version,
    rules: p.rules.map((r) => r.text),
    working_hours: p.working_hours,
  })
}

test('时限规则编辑: edit a rule, save the whole set, see it in force; a stale save is refused in words', async () => {
  const before = await rest('admin', 'GET', '/policies')
  const page = await loginAs('admin')
  try {
    await page.locator('[data-test="menu-policyEdit"]').click()
    await page.locator('[data-test="tl-rule-0"]', { hasText: 'default' }).waitFor()
    await page.locator('[data-test="tl-clean"]').waitFor()

    // A local check first: an empty rule is refused before anything is sent.
    await page.locator('[data-test="tl-add"]').click()
    await page.locator('.el-dialog:visible [data-test="tl-form-submit"]').click()
    await page.locator('[data-test="tl-dirty"]').waitFor()
    await page.locator('[data-test="tl-check"]').click()
    await page.locator('[data-test="tl-problem"]', { hasText: `第 ${before.rules.length + 1} 条规则：规则编号不能为空` }).waitFor()
    await page.locator(`[data-test="tl-delete-${before.rules.length}"]`).click()
    await page.locator('.el-message-box:visible .el-button--primary').click()
    await page.locator('[data-test="tl-clean"]').waitFor()

    // The default rule: sign within 12 hours instead of 24.
    await page.locator('[data-test="tl-edit-0"]').click()
    const dialog = page.locator('.el-dialog:visible')
    await dialog.locator('[data-test="tl-form-sign-amount"] input').fill('12')
    await dialog.locator('[data-test="tl-form-submit"]').click()
    await dialog.waitFor({ state: 'hidden' })
    await page.locator('[data-test="tl-sign-0"]', { hasText: '12 小时' }).waitFor()
    await page.locator('[data-test="tl-check"]').click()
    await page.locator('[data-test="tl-checked"]').waitFor()
    await page.locator('[data-test="tl-save"]').click()
    await page.locator('.el-message--success', { hasText: `时限规则已保存（第 ${before.version + 1} 版）` }).first().waitFor()
    await page.locator('[data-test="tl-clean"]').waitFor()
    const saved = await rest('admin', 'GET', '/policies')
    assert.equal(saved.version, before.version + 1)
    assert.deepEqual(saved.rules[0].limits.sign, { amount: 12, unit: 'natural_hours' })
    await screenshot(page, 'admin-time-limits')

    // Someone else saves meanwhile: this screen's save is refused, in words, until reloaded.
    await restore(before)
    await page.locator('[data-test="tl-edit-1"]').click()
    await dialog.locator('[data-test="tl-form-note"]').fill('端到端测试：过期的修改')
    await dialog.locator('[data-test="tl-form-submit"]').click()
    await page.locator('[data-test="tl-save"]').click()
    await page.locator('[data-test="tl-refused-text"]', { hasText: '规则已被他人修改并保存，请重新加载后再编辑' }).waitFor()
    await page.locator('[data-test="tl-reload"]').click()
    await page.locator('[data-test="tl-sign-0"]', { hasText: '24 小时' }).waitFor()
    await page.locator('[data-test="tl-clean"]').waitFor()

    // The read-only 时限规则 says where the rules now come from.
    await page.locator('[data-test="menu-policies"]').click()
    await page.locator('[data-test="policies-count"]', { hasText: `第 ${before.version + 2} 版` }).waitFor()
    assert.deepEqual(page.errors, [])
  } finally {
    await page.context().close()
  }
  const after = await rest('admin', 'GET', '/policies')
  assert.deepEqual(after.rules.map((r) => r.text), before.rules.map((r) => r.text))
})

test('操作审计 words the change of the time limits in Chinese', async () => {
  const page = await loginAs('admin')
  try {
    await page.locator('[data-test="menu-adminAudit"]').click()
    await page.locator('.el-table__body', { hasText: '修改时限规则' }).first().waitFor()
    await page.locator('.el-table__body', { hasText: '时限规则：' }).first().waitFor()
  } finally {
    await page.context().close()
  }
})

test('工作日历: years and holidays listed; an uploaded year is checked, kept and ends the warning', async () => {
  const page = await loginAs('admin')
  try {
    await page.locator('[data-test="menu-calendar"]').click()
    await page.locator('[data-test="calendar-year-2026"]').click()
    await page.locator('[data-test="calendar-period"]', { hasText: '10月1日（周四）至10月7日（周三），共 7 天' }).waitFor()
    await page.locator('[data-test="calendar-workday"]').first().waitFor()

    // Problems are found before sending, each with its line.
    await page.locator('[data-test="calendar-upload-year"] input').fill('2027')
    const text = page.locator('textarea[data-test="calendar-upload-text"]')
    await text.fill('date,kind\n2027-01-01,holiday\n2026-10-08,workday\n2027-01-01,rest\n')
    await page.locator('[data-test="calendar-upload-check"]').click()
    await page.locator('[data-test="calendar-problem"]', { hasText: '第 3 行：日期 2026-10-08 不在 2027 年' }).waitFor()
    await page.locator('[data-test="calendar-problem"]', { hasText: '第 4 行：日期 2027-01-01 重复出现' }).waitFor()

    await text.fill([
      '# 2027 (e2e)', 'date,kind',
      '2027-01-01,holiday', '2027-01-02,holiday', '2027-01-03,holiday',
      '2027-02-06,holiday', '2027-02-07,holiday', '2027-02-08,holiday', '2027-02-09,holiday',
      '2027-02-10,holiday', '2027-02-11,holiday', '2027-02-12,holiday', '2027-02-13,holiday',
      '2027-02-14,workday', '',
    ].join('\n'))
    await page.locator('[data-test="calendar-upload-send"]').click()
    await page.locator('.el-message--success', { hasText: '2027 年日历已上传：放假 11 天，调休上班 1 天' }).first().waitFor()
    await page.locator('[data-test="calendar-year-2027"]', { hasText: '控制台上传' }).waitFor()
    await page.locator('[data-test="calendar-period"]', { hasText: '2月6日（周六）至2月13日（周六），共 8 天' }).waitFor()
    await page.locator('[data-test="calendar-workday"]', { hasText: '2月14日（周日）' }).waitFor()
    assert.equal(await page.locator('[data-test="calendar-warning"]').count(), 0)
    await screenshot(page, 'calendar')

    const p = await rest('supervisor', 'GET', '/policies')
    assert.ok(p.calendar_years.includes(2027))
    assert.equal(p.calendar_warning, null)
    await page.locator('[data-test="menu-dashboard"]').click()
    await page.waitForTimeout(1000)
    assert.equal(await page.locator('[data-test="calendar-warning"]').count(), 0)

    // The upload is removed again: the file lacks 2027, so the year is gone and the warning is back.
    await page.locator('[data-test="menu-calendar"]').click()
    await page.locator('[data-test="calendar-year-2027"]').click()
    await page.locator('[data-test="calendar-remove"]').click()
    await page.locator('.el-message-box__btns .el-button--primary').click()
    await page.locator('.el-message--success', { hasText: '已删除 2027 年的上传日历' }).first().waitFor()
    await page.locator('[data-test="calendar-year-2027"]').waitFor({ state: 'detached' })
    const after = await rest('supervisor', 'GET', '/policies')
    assert.ok(!after.calendar_years.includes(2027))
    assert.deepEqual(after.calendar_uploaded_years, [])
    assert.deepEqual(page.errors, [])
  } finally {
    await page.context().close()
  }

  // Other staff read the calendar but have no upload.
  const supervisor = await loginAs('supervisor')
  try {
    await supervisor.locator('[data-test="menu-calendar"]').click()
    await supervisor.locator('[data-test="calendar-years"]').waitFor()
    assert.equal(await supervisor.locator('[data-test="calendar-upload"]').count(), 0)
    await supervisor.goto(`${BASE}/#/admin/policies`)
    await supervisor.waitForURL(/#\/supervise$/)
  } finally {
    await supervisor.context().close()
  }
})
