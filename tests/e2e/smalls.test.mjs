// Small things a planner trips over, end to end: the status label is not a button, the unit
// registry says what 确认名称 and 合并到 do and asks before merging (undoable), a prefix of a
// known unit is not offered as a new unit, Escape closes the export menu, and the feedback tab
// puts the replies first.
import { test } from "node:test";
import assert from "node:assert/strict";
import { screenshotPath, useBrowser } from "./harness.mjs";
import { row, openDraft } from "./fixtures.mjs";

const env = useBrowser();

test("the status against the template is a label; the actions beside it are verbs", async () => {
  const { page, errors, context } = await openDraft(env);
  await row(page, "5.").click();
  const panel = page.getByTestId("task-panel");
  const state = panel.getByTestId("details-status");
  const adopt = panel.getByTestId("mark-adopted");
  assert.equal(await state.textContent(), "采纳");
  assert.equal(await state.evaluate((el) => el.tagName), "SPAN");
  assert.equal(await adopt.textContent(), "标为采纳");
  // The button for the state the item is already in is disabled; the label has no border.
  assert.ok(await adopt.isDisabled());
  const look = (l) => l.evaluate((el) => { const s = getComputedStyle(el); return [s.borderTopStyle, s.cursor].join(" "); });
  assert.notEqual(await look(state), await look(panel.getByTestId("mark-na")));
  await panel.getByTestId("mark-na").click();
  assert.equal(await state.textContent(), "不适用");
  assert.ok(!(await adopt.isDisabled()));
  assert.ok(await panel.getByTestId("mark-na").isDisabled());
  await panel.screenshot({ path: screenshotPath("status-label") });
  assert.deepEqual(errors, []);
  await context.close();
});

test("unit registry: 确认名称 explained on the page; merging asks first, says what happens, and can be undone", async () => {
  const { page, errors, context } = await openDraft(env);
  await page.getByTestId("tab-units").click();
  assert.match(await page.getByTestId("confirm-hint").textContent(), /名称正确，点“确认名称”/);
  const jz = page.getByTestId("unit-row").filter({ has: page.locator('input[value="减灾办"]') });
  const value = await jz.getByTestId("unit-merge").locator("option", { hasText: "安委办" }).getAttribute("value");
  // Choosing in the dropdown only asks, saying what will happen; “cancel” changes nothing.
  let asked = "";
  page.once("dialog", (d) => { asked = d.message(); d.dismiss(); });
  await jz.getByTestId("unit-merge").selectOption(value);
  assert.match(asked, /把“减灾办”合并到“安委办”：“减灾办”的 \d+ 项牵头、\d+ 项配合任务改由“安委办”承担/);
  assert.match(asked, /合并后可以撤销/);
  assert.equal(await jz.count(), 1);
  assert.equal(await jz.getByTestId("unit-merge").inputValue(), "");
  // “OK”: merged, the banner says what was done and how to undo; 撤销 brings 减灾办 back.
  page.once("dialog", (d) => d.accept());
  await jz.getByTestId("unit-merge").selectOption(value);
  assert.equal(await jz.count(), 0);
  assert.match(await page.getByTestId("banner").last().textContent(), /已把“减灾办”合并到“安委办”.*撤销/);
  await page.screenshot({ path: screenshotPath("merge-done") });
  await page.getByTestId("undo").click();
  assert.equal(await jz.count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test("unit picker: a prefix of a known unit is not offered as a new unit unless chosen deliberately", async () => {
  const { page, errors, context } = await openDraft(env);
  await row(page, "31.").click();
  const panel = page.getByTestId("task-panel");
  await panel.getByTestId("unit-query").fill("应急");
  await panel.getByTestId("unit-suggestion").filter({ hasText: "应急局" }).waitFor();
  assert.equal(await panel.getByTestId("new-unit").count(), 0);
  await panel.screenshot({ path: screenshotPath("picker-prefix") });
  // Enter takes the known unit.
  await panel.getByTestId("unit-query").press("Enter");
  assert.match(await panel.getByTestId("coop-list").textContent() + (await panel.getByTestId("lead-list").textContent()), /应急局/);
  // Deliberately: “以上都不是” shows the offer.
  await panel.getByTestId("unit-query").fill("应急");
  await panel.getByTestId("new-unit-anyway").click();
  assert.match(await panel.getByTestId("new-unit").textContent(), /新增单位“应急”/);
  // Typing again hides it until chosen again.
  await panel.getByTestId("unit-query").fill("急");
  assert.equal(await panel.getByTestId("new-unit").count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("export menu: Escape closes it and gives the focus back to its button", async () => {
  const { page, errors, context } = await openDraft(env);
  await page.getByTestId("export-menu").click();
  await page.getByTestId("export-panel").waitFor();
  await page.keyboard.press("Escape");
  assert.equal(await page.getByTestId("export-panel").count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "export-menu");
  assert.deepEqual(errors, []);
  await context.close();
});

test("feedback tab: replies and 导入回复 come before the long table of units", async () => {
  const { page, errors, context } = await openDraft(env);
  await page.getByTestId("tab-feedback").click();
  const top = (id) => page.getByTestId(id).first().evaluate((el) => el.getBoundingClientRect().top);
  assert.match(await page.getByTestId("no-replies").textContent(), /还没有回复/);
  // A Yaodian reply file from one unit, made here from the unit's own JSON file.
  const [dl] = await Promise.all([page.waitForEvent("download"), page.getByTestId("feedback-unit").first().getByTestId("feedback-unit-json").click()]);
  const fs = await import("node:fs");
  const file = JSON.parse(fs.readFileSync(await dl.path(), "utf8"));
  file.units[0].tasks[0].reply.decision = "修改";
  file.units[0].tasks[0].reply.comment = "请调整时限";
  await page.getByTestId("feedback-import").setInputFiles({ name: "回复.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
  await page.getByTestId("reply").first().waitFor();
  assert.match(await page.getByTestId("replies-head").textContent(), /回复（1 条，待处理 1 条）/);
  assert.ok((await top("reply")) < (await top("feedback-unit")), "replies above the units table");
  assert.ok((await top("feedback-import")) < (await top("feedback-unit")));
  await page.screenshot({ path: screenshotPath("feedback-replies-first") });
  assert.deepEqual(errors, []);
  await context.close();
});
