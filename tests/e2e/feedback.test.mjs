// The feedback round end to end: a unit's Excel file out, filled in and re-sorted outside
// Yaodian (rows reversed, one deleted, one added), read back by its hidden ids, replies
// accepted or rejected; and the JSON file for units that use Yaodian.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { openPage, screenshotPath, useBrowser } from "./harness.mjs";
import { newSampleDraft, row, unzip, zipStore } from "./fixtures.mjs";

const env = useBrowser();

test("feedback round: Excel out, edited and re-sorted, replies in by hidden ids, decided", async () => {
  const { page, errors, context } = await openPage(env.browser);
  await page.goto(env.srv.url);
  await newSampleDraft(page);
  await page.getByTestId("tab-feedback").click();
  const unit = page.getByTestId("feedback-unit").filter({ hasText: "党工委政法办" });
  const [dl] = await Promise.all([page.waitForEvent("download"), unit.getByTestId("feedback-unit-xlsx").click()]);
  assert.equal(dl.suggestedFilename(), "2024年全区安全生产与防灾减灾救灾工作要点意见反馈表（党工委政法办）.xlsx");
  assert.match(await unit.textContent(), /是/, "marked as sent");
  const parts = await unzip(fs.readFileSync(await dl.path()));
  let sheet = parts["xl/worksheets/sheet1.xml"].toString();
  assert.match(sheet, /hidden="1"/);
  // The unit fills in: 25. accepted with new wording and deadline, 30. declined.
  const start = sheet.indexOf('<row r="2"');
  const end = sheet.indexOf("</sheetData>");
  let rows = sheet.slice(start, end).split("</row>").filter(Boolean).map((r) => r + "</row>");
  assert.equal(rows.length, 2);
  const fill = (r, col, text) => r.replace(new RegExp(`(<c r="${col}\\d+" t="inlineStr" s="2"><is><t xml:space="preserve">)(</t>)`), `$1${text}$2`);
  rows[0] = fill(fill(fill(rows[0], "H", "修改"), "I", "提升培训质量。每半年组织一次执法培训。"), "J", "2025年6月底前");
  rows[1] = fill(fill(rows[1], "H", "不同意"), "K", "不属于本单位职责");
  rows.reverse();
  rows.push('<row r="9"><c r="A9" t="inlineStr"><is><t>自加</t></is></c><c r="H9" t="inlineStr"><is><t>建议新增宣传任务</t></is></c></row>');
  sheet = sheet.slice(0, start) + rows.join("") + sheet.slice(end);
  const edited = zipStore(Object.entries(parts).map(([name, data]) => ({ name, data: name === "xl/worksheets/sheet1.xml" ? Buffer.from(sheet) : data })));
  await page.getByTestId("feedback-import").setInputFiles({ name: "回复.xlsx", mimeType: "application/octet-stream", buffer: edited });
  assert.match(await page.getByTestId("feedback-report").textContent(), /收到 2 条回复，来自 1 个单位。1 行无法对应/);
  assert.match(await page.getByTestId("feedback-unmatched").textContent(), /建议新增宣传任务/);
  assert.match(await unit.textContent(), /2 条/);
  const replies = page.getByTestId("reply");
  assert.equal(await replies.count(), 2);
  await page.screenshot({ path: screenshotPath("feedback") });
  await replies.filter({ hasText: "修改" }).getByTestId("reply-accept").click();
  await replies.filter({ hasText: "不同意" }).getByTestId("reply-reject").click();
  assert.match(await replies.filter({ hasText: "修改" }).textContent(), /已采纳/);
  assert.match(await replies.filter({ hasText: "不同意" }).textContent(), /不采纳/);
  await page.getByTestId("tab-outline").click();
  assert.equal(await row(page, "25.").getByTestId("row-text").inputValue(), "每半年组织一次执法培训。");
  assert.match(await row(page, "25.").getByTestId("row-units").textContent(), /2025年6月底前/);
  // The JSON file for a unit that uses Yaodian.
  await page.getByTestId("tab-feedback").click();
  const [dj] = await Promise.all([page.waitForEvent("download"), page.getByTestId("feedback-all-json").click()]);
  const json = JSON.parse(fs.readFileSync(await dj.path(), "utf8"));
  assert.equal(json.format, "yaodian-feedback");
  assert.ok(json.units.length > 10);
  // The replies are kept with the plan.
  await page.waitForTimeout(600);
  await page.reload();
  await page.getByTestId("draft-row").first().getByRole("button").first().click();
  await page.getByTestId("tab-feedback").click();
  assert.equal(await page.getByTestId("reply").count(), 2);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a unit that uses Yaodian answers its JSON feedback file; the answers come back in", async () => {
  const office = await openPage(env.browser);
  const unit = await openPage(env.browser);
  await office.page.goto(env.srv.url);
  await newSampleDraft(office.page);
  await office.page.getByTestId("tab-feedback").click();
  const row25 = office.page.getByTestId("feedback-unit").filter({ hasText: "党工委党校" });
  const [dl] = await Promise.all([office.page.waitForEvent("download"), row25.getByTestId("feedback-unit-json").click()]);
  // The unit opens the file in its own browser and answers.
  await unit.page.goto(env.srv.url);
  await unit.page.getByTestId("open-json-input").setInputFiles(await dl.path());
  await unit.page.getByTestId("reply-page").waitFor();
  const task = unit.page.getByTestId("reply-task");
  assert.equal(await task.count(), 1);
  assert.match(await task.textContent(), /25\.提升培训质量/);
  await task.getByTestId("reply-decision").selectOption("修改");
  await task.getByTestId("reply-deadline").fill("2025年9月底前");
  await task.getByTestId("reply-comment").fill("党校已列入年度计划");
  const [answer] = await Promise.all([unit.page.waitForEvent("download"), unit.page.getByTestId("reply-save").click()]);
  assert.match(answer.suggestedFilename(), /党工委党校回复/);
  // Back at the office.
  await office.page.getByTestId("feedback-import").setInputFiles(await answer.path());
  assert.match(await office.page.getByTestId("feedback-report").textContent(), /收到 1 条回复，来自 1 个单位。/);
  const reply = office.page.getByTestId("reply");
  assert.match(await reply.textContent(), /修改.*2025年9月底前 \/ 党校已列入年度计划/);
  await reply.getByTestId("reply-accept").click();
  await office.page.getByTestId("tab-outline").click();
  assert.match(await row(office.page, "25.").getByTestId("row-units").textContent(), /2025年9月底前/);
  assert.deepEqual(unit.errors, []);
  await office.context.close();
  await unit.context.close();
});
