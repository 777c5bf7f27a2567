// Through the year, a whole quarter in the browser: the plan marked 已印发 and edited after
// (changes since issue), deadlines set (one the parser cannot read, dated by hand), a progress
// round for 2024年第二季度 (an Excel file filled in, re-sorted and added to; a Yaodian file
// answered on the reply screen by another unit), both replies imported at once, the 进度
// figures and lists checked, a 催办 text copied, the 通报 rendered by LibreOffice and the
// 进度台账 opened.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { openPage, screenshotPath, useBrowser } from "./harness.mjs";
import { newSampleDraft, row, unzip, zipStore } from "./fixtures.mjs";

const env = useBrowser();

async function setDeadline(page, n, text) {
  await page.getByTestId("tab-outline").click();
  await row(page, n).click();
  const input = page.getByTestId("task-panel").getByTestId("deadline-text");
  await input.fill(text);
  await input.press("Enter");
  await input.blur();
}

test("a quarter: issue, progress files out, an Excel and a Yaodian reply in, figures, 催办, 通报", async () => {
  const office = await openPage(env.browser);
  const { page } = office;
  await office.context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(env.srv.url);
  await newSampleDraft(page);
  // 已印发 on 1 March; then deadlines are set: each is a change since issue.
  await page.getByTestId("tab-progress").click();
  assert.match(await page.getByTestId("not-issued").textContent(), /尚未标记印发/);
  await page.getByTestId("issue-date").fill("2024-03-01");
  await page.getByTestId("issue-mark").click();
  assert.equal(await page.getByTestId("issued-date").textContent(), "已印发：2024-03-01");
  assert.match(await page.getByTestId("changes-count").textContent(), /印发后改动 0 项/);
  await setDeadline(page, "25.", "6月底前");
  await setDeadline(page, "30.", "5月底前");
  await setDeadline(page, "3.", "7月20日前");
  await setDeadline(page, "2.", "视情况而定");
  await page.getByTestId("tab-progress").click();
  assert.match(await page.getByTestId("changes-count").textContent(), /印发后改动 4 项/);
  assert.match(await page.getByTestId("changes-since-issue").textContent(), /印发后修改：25\.提升培训质量（完成时限）/);
  // The deadline the parser cannot read gets a date by hand.
  await page.getByTestId("progress-settings").locator("summary").click();
  assert.equal(await page.getByTestId("flood-season").inputValue(), "5月31日");
  const unparsed = page.getByTestId("unparsed-deadline").filter({ hasText: "视情况而定" });
  await unparsed.getByTestId("set-due").fill("2024-06-15");
  await unparsed.getByTestId("set-due").dispatchEvent("change");
  await page.getByTestId("progress-period").selectOption("2024Q2");
  assert.equal(await page.getByTestId("progress-as-of").textContent(), "统计截至 2024-07-01");
  // Before any reply: 25, 30, 2 and 31 (每季度: this quarter's end has passed) are overdue.
  assert.match(await page.getByTestId("overdue-head").textContent(), /逾期任务（4 项）/);

  // The round: every unit is sent the Excel file; 党工委政法办 answers in Excel, 安委办 asks
  // for a Yaodian file.
  const [all] = await Promise.all([page.waitForEvent("download"), page.getByTestId("progress-all-xlsx").click()]);
  assert.equal(all.suggestedFilename(), "2024年第二季度进度填报（各单位）.xlsx");
  assert.ok(Object.keys(await unzip(fs.readFileSync(await all.path()))).filter((n) => n.startsWith("xl/worksheets/")).length > 10, "a sheet per unit");
  const zf = page.getByTestId("progress-unit").filter({ hasText: "党工委政法办" });
  const [dx] = await Promise.all([page.waitForEvent("download"), zf.getByTestId("progress-unit-xlsx").click()]);
  assert.equal(dx.suggestedFilename(), "2024年第二季度进度填报（党工委政法办）.xlsx");
  const awb = page.getByTestId("progress-unit").filter({ hasText: /^安委办/ });
  const [dj] = await Promise.all([page.waitForEvent("download"), awb.getByTestId("progress-unit-json").click()]);
  assert.equal(dj.suggestedFilename(), "2024年第二季度进度填报（安委办）.json");

  // The unit fills the Excel file outside Yaodian: 25 推进中, 30 已完成; rows reversed, one added.
  const parts = await unzip(fs.readFileSync(await dx.path()));
  let sheet = parts["xl/worksheets/sheet1.xml"].toString();
  assert.match(sheet, /<dataValidation type="list"[^>]*sqref="J2:J3"><formula1>"未启动,推进中,已完成,滞后,长期推进"<\/formula1>/, "完成状态 dropdown");
  const start = sheet.indexOf('<row r="2"');
  const end = sheet.indexOf("</sheetData>");
  let rows = sheet.slice(start, end).split("</row>").filter(Boolean).map((r) => r + "</row>");
  assert.equal(rows.length, 2);
  const fill = (r, col, text) => r.replace(new RegExp(`(<c r="${col}\\d+" t="inlineStr" s="2"><is><t xml:space="preserve">)(</t>)`), `$1${text}$2`);
  rows[0] = fill(fill(fill(rows[0], "J", "推进中"), "K", "已完成第一轮执法培训"), "L", "师资不足");
  rows[1] = fill(fill(rows[1], "J", "已完成"), "K", "配套制度已印发");
  rows.reverse();
  rows.push('<row r="9"><c r="A9" t="inlineStr"><is><t>自加</t></is></c><c r="K9" t="inlineStr"><is><t>另行开展普法宣传</t></is></c></row>');
  sheet = sheet.slice(0, start) + rows.join("") + sheet.slice(end);
  const excelReply = zipStore(Object.entries(parts).map(([name, data]) => ({ name, data: name === "xl/worksheets/sheet1.xml" ? Buffer.from(sheet) : data })));

  // 安委办 answers its file in Yaodian (the reply screen of the feedback round).
  const unit = await openPage(env.browser);
  await unit.page.goto(env.srv.url);
  await unit.page.getByTestId("open-json-input").setInputFiles(await dj.path());
  await unit.page.getByTestId("reply-page").waitFor();
  assert.match(await unit.page.getByTestId("progress-reply-title").textContent(), /2024年第二季度/);
  await unit.page.getByTestId("progress-sender").fill("安委办 张三");
  const t3 = unit.page.getByTestId("progress-reply-task").filter({ hasText: "3.强化综合统筹协调" });
  assert.match(await t3.textContent(), /本期截止：2024-07-20/);
  await t3.getByTestId("progress-status").selectOption("推进中");
  await t3.getByTestId("progress-text").fill("已召开安委会全体会议");
  const t31 = unit.page.getByTestId("progress-reply-task").filter({ hasText: "31.建立考评机制" });
  await t31.getByTestId("progress-status").selectOption("已完成");
  await t31.getByTestId("progress-next").fill("下季度开展考评");
  const [answered] = await Promise.all([unit.page.waitForEvent("download"), unit.page.getByTestId("progress-reply-save").click()]);
  assert.match(answered.suggestedFilename(), /安委办回复/);
  const yaodianReply = fs.readFileSync(await answered.path());
  await unit.page.screenshot({ path: screenshotPath("progress-reply") });
  assert.deepEqual(unit.errors, []);
  await unit.context.close();

  // Both replies at once.
  await page.getByTestId("progress-import").setInputFiles([
    { name: "政法办.xlsx", mimeType: "application/octet-stream", buffer: excelReply },
    { name: "安委办.json", mimeType: "application/json", buffer: yaodianReply },
  ]);
  assert.match(await page.getByTestId("progress-report").textContent(), /收到 4 条进展，来自 2 个单位（党工委政法办、安委办）。1 行无法对应/);
  assert.match(await page.getByTestId("progress-unmatched").textContent(), /政法办\.xlsx.*另行开展普法宣传/);

  // The figures: 25 推进中 and overdue (its lead answered), 30 overdue with the cooperating
  // unit's 已完成 beside it, 2 overdue by the date set by hand; 3 due within 30 days.
  const summary = await page.getByTestId("progress-summary").textContent();
  assert.match(summary, /共 31 项任务，已完成 1 项（3\.2%），推进中 2 项/);
  assert.match(summary, /逾期 3 项，30 天内到期 1 项/);
  const overdue = page.getByTestId("overdue-list").getByTestId("progress-task");
  assert.equal(await overdue.count(), 3);
  const o25 = overdue.filter({ hasText: "25.提升培训质量" });
  assert.equal(await o25.getByTestId("task-status").textContent(), "推进中");
  assert.match(await o25.textContent(), /已完成第一轮执法培训；师资不足/);
  const o30 = overdue.filter({ hasText: "30.完善基层行政执法配套制度" });
  assert.equal(await o30.getByTestId("task-status").textContent(), "未报送");
  assert.match(await o30.getByTestId("coop-answers").textContent(), /党工委政法办：已完成 配套制度已印发/);
  assert.match(await overdue.filter({ hasText: "2.推进基层应急管理体系建设" }).textContent(), /2024-06-15/);
  assert.match(await page.getByTestId("due-soon-list").textContent(), /3\.强化综合统筹协调.*2024-07-20.*推进中.*已召开安委会全体会议/);
  const silent = await page.getByTestId("not-reported").textContent();
  assert.match(silent, /党工委党校/);
  assert.doesNotMatch(silent, /安委办|党工委政法办|各镇街/);
  assert.equal(await page.getByTestId("trend-row").count(), 1);
  assert.match(await page.getByTestId("trend-row").textContent(), /2024年第二季度1\/31/);
  const bars = page.getByTestId("progress-chart").getByTestId("progress-bar");
  // Each bar: its label, a segment per status (with its count as a tooltip), done/total.
  assert.match(await bars.first().textContent(), /^全部任务未报送 28已完成 1推进中 21\/31 3\.2%$/);
  assert.match(await bars.filter({ hasText: "安委办" }).first().textContent(), /^安委办.*已完成 1.*推进中 1.*1\/\d+ /);
  assert.match(await page.getByTestId("progress-unit").filter({ hasText: "党工委政法办" }).textContent(), /是/);

  // 催办: 党工委党校 leads 25 (overdue) and sent nothing; its text is copied.
  await page.getByTestId("reminders").locator("summary").click();
  const r = page.getByTestId("reminder").filter({ hasText: "党工委党校" });
  const text = await r.getByTestId("reminder-text").inputValue();
  assert.match(text, /^党工委党校：\n/);
  assert.match(text, /要点第25项“提升培训质量”（牵头，完成时限：6月底前（6月30日），目前：推进中）/);
  await r.getByTestId("reminder-copy").click();
  assert.equal(await r.getByTestId("reminder-copied").textContent(), "已复制");
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text);
  await page.screenshot({ path: screenshotPath("progress"), fullPage: true });
  await page.getByTestId("overdue-head").scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath("progress-lists") });

  // The 通报 and the 台账.
  const [db] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-bulletin").click()]);
  assert.equal(db.suggestedFilename(), "关于2024年第二季度安全生产与防灾减灾救灾工作要点落实情况的通报.docx");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "yaodian-bulletin-"));
  const docx = path.join(dir, "bulletin.docx");
  fs.copyFileSync(await db.path(), docx);
  execFileSync("soffice", ["--headless", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", "pdf", "--outdir", dir, docx], { stdio: "ignore", timeout: 120000 });
  const pdf = path.join(dir, "bulletin.pdf");
  const pdfText = execFileSync("pdftotext", ["-layout", pdf, "-"]).toString();
  assert.match(pdfText.replace(/\s+/g, ""), /关于2024年第二季度安全生产与防灾减灾救灾工作要点落实情况的通报/);
  assert.match(pdfText, /提升培训质量/);
  assert.match(pdfText, /党工委党校/);
  execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "2", pdf, screenshotPath("progress-bulletin").replace(/\.png$/, "")]);
  const [dl] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-ledger").click()]);
  assert.equal(dl.suggestedFilename(), "2024年安全生产与防灾减灾救灾工作要点进度台账.xlsx");
  const ledger = await unzip(fs.readFileSync(await dl.path()));
  assert.match(ledger["xl/worksheets/sheet1.xml"].toString(), /已召开安委会全体会议/);

  // Everything is kept with the plan.
  await page.waitForTimeout(600);
  await page.reload();
  await page.getByTestId("draft-row").first().getByRole("button").first().click();
  await page.getByTestId("tab-progress").click();
  assert.match(await page.getByTestId("progress-summary").textContent(), /2024年第二季度：共 31 项任务，已完成 1 项/);
  assert.equal(await page.getByTestId("issued-date").textContent(), "已印发：2024-03-01");
  // Settings: monthly rounds offer the months; 汛期前 takes a date, and refuses what is not one.
  await page.getByTestId("progress-settings").locator("summary").click();
  await page.getByTestId("cadence").selectOption("month");
  assert.ok((await page.getByTestId("progress-period").locator("option").allTextContents()).includes("2024年5月"));
  assert.equal(await page.getByTestId("unparsed-deadline").getByTestId("set-due").inputValue(), "2024-06-15");
  await page.getByTestId("flood-season").fill("下雨前");
  await page.getByTestId("flood-season").dispatchEvent("change");
  assert.match(await page.getByTestId("banner").last().textContent(), /“下雨前”不是日期/);
  await page.getByTestId("flood-season").fill("6月15日");
  await page.getByTestId("flood-season").dispatchEvent("change");
  await page.waitForTimeout(600);
  const saved = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("yaodian.draft.")).map((k) => localStorage.getItem(k)).join(""));
  assert.match(saved, /"flood_season":\s*"6-15"/);
  assert.match(saved, /"monthly":\s*true/);
  assert.deepEqual(office.errors, []);
  await office.context.close();
});
