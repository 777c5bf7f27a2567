// The editor, end to end in headless Chromium: templates (sample, paste, .docx, drop), the
// preview, document data, localising, outline editing with mouse and keyboard, undo/redo,
// units, deadline, problems, views, snapshots, export and import, autosave and reload.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { openPage, screenshotPath, foreignRequests, useBrowser } from "./harness.mjs";
import { seed, docx, newSampleDraft, row } from "./fixtures.mjs";

const env = useBrowser();

async function fresh() {
  const s = await openPage(env.browser);
  await s.page.goto(env.srv.url);
  await s.page.getByTestId("new-draft").waitFor();
  return s;
}

const numbers = async (page) => page.getByTestId("row-number").allTextContents();
const titleOf = async (page, n) => row(page, n).getByTestId("row-title").inputValue();

test("new draft from the sample: preview, document data, localising preview, editor", async () => {
  const { page, errors, requests, context } = await fresh();
  await page.getByTestId("new-draft").click();
  await page.getByTestId("use-sample").click();
  assert.match(await page.getByTestId("parse-summary").textContent(), /任务 31 项/);
  assert.equal(await page.getByTestId("plan-title").textContent(), "2024年全区安全生产与防灾减灾救灾工作要点");
  await page.getByTestId("confirm-template").click();
  await page.getByTestId("doc-year").fill("2025");
  await page.getByTestId("doc-issuer").fill("某某区人民政府");
  await page.getByTestId("doc-number").fill("某府发〔2025〕3号");
  await page.getByTestId("doc-title").fill("2025年全市安全生产与防灾减灾救灾工作要点");
  await page.getByTestId("doc-data-next").click();
  const changes = page.getByTestId("change");
  assert.ok((await changes.count()) >= 3, "localising offers changes");
  // Each change shows what goes and what comes, in its whole sentence.
  assert.deepEqual(await changes.first().getByTestId("diff-removed").allTextContents(), ["全市"]);
  assert.deepEqual(await changes.first().getByTestId("diff-added").allTextContents(), ["全区"]);
  assert.match(await changes.first().textContent(), /2025年全市全区安全生产与防灾减灾救灾工作要点/);
  // Keep all but the last change.
  const kept = await changes.count();
  await changes.last().locator("input").uncheck();
  await page.screenshot({ path: screenshotPath("localize") });
  await page.getByTestId("create-draft").click();
  await page.getByTestId("editor").waitFor();
  assert.equal(await page.getByTestId("draft-title").textContent(), "2025年全区安全生产与防灾减灾救灾工作要点");
  assert.equal(await page.getByTestId("edit-row").count(), 49);
  assert.ok(kept > 1);
  await page.screenshot({ path: screenshotPath("editor") });
  assert.deepEqual(errors, []);
  assert.deepEqual(foreignRequests(requests, env.srv.origin), []);
  await context.close();
});

test("pasted text: the report and warnings show before anything is created; cancel keeps nothing", async () => {
  const { page, context } = await fresh();
  await page.getByTestId("new-draft").click();
  const text = `字体：【大 中 小】\n${seed("002")}\n\n一、补充\n1．甲。（责任单位：应急局）\n3．乙。（责任单位：应急局）`;
  await page.getByTestId("paste-area").fill(text);
  await page.getByTestId("parse-paste").click();
  const summary = await page.getByTestId("parse-summary").textContent();
  assert.match(summary, /附件 6 个/);
  assert.match(summary, /任务表 1 张/);
  assert.match(await page.getByTestId("parse-warnings").textContent(), /第\d+行：原文编号“3\.”/);
  await page.getByTestId("cancel-template").click();
  await page.getByTestId("paste-area").waitFor();
  await context.close();
});

test("a .docx chosen or dropped becomes the template", async () => {
  const { page, context } = await fresh();
  const file = docx(seed("001").split("\n").filter((l) => l.trim()));
  await page.getByTestId("new-draft").click();
  await page.getByTestId("template-file").setInputFiles({ name: "市里模板.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: file });
  assert.match(await page.getByTestId("parse-summary").textContent(), /任务 31 项/);
  await page.getByTestId("cancel-template").click();
  // Drop the same file on the page.
  const handle = await page.evaluateHandle((bytes) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], "dropped.docx"));
    return dt;
  }, [...file]);
  await page.getByTestId("drop-zone").dispatchEvent("drop", { dataTransfer: handle });
  assert.match(await page.getByTestId("parse-summary").textContent(), /任务 31 项/);
  await context.close();
});

test("editing: type, move, indent, add, delete, undo/redo by mouse and keyboard; numbering stays right", async () => {
  const { page, errors, context } = await fresh();
  await newSampleDraft(page);
  // Type into task 3's title.
  const t3 = row(page, "3.").getByTestId("row-title");
  await t3.click();
  await t3.press("End");
  await t3.type("（修订）");
  assert.equal(await titleOf(page, "3."), "强化综合统筹协调（修订）");
  // Alt+↓ moves it below task 4: it is now 4., and 4. became 3.
  await t3.press("Alt+ArrowDown");
  assert.equal(await titleOf(page, "4."), "强化综合统筹协调（修订）");
  assert.equal(await titleOf(page, "3."), "完善工作任务落实闭环机制");
  // Mouse: move it back up.
  await row(page, "4.").getByTestId("move-up").click();
  assert.equal(await titleOf(page, "3."), "强化综合统筹协调（修订）");
  // Enter adds the next item; the numbers after it shift by one.
  await row(page, "3.").getByTestId("row-title").press("Enter");
  assert.equal(await titleOf(page, "4."), "");
  await page.keyboard.type("新增任务");
  assert.equal(await titleOf(page, "4."), "新增任务");
  assert.equal(await titleOf(page, "32."), "建立考评机制");
  // Tab indents under task 3 as （1）; Shift+Tab brings it back.
  await row(page, "4.").getByTestId("row-title").press("Tab");
  assert.ok((await numbers(page)).includes("（1）"));
  assert.equal(await titleOf(page, "31."), "建立考评机制");
  await page.keyboard.press("Shift+Tab");
  assert.equal(await titleOf(page, "4."), "新增任务");
  // A child: task 4 gets a （1） sub-item, removed again by undo.
  await row(page, "4.").getByTestId("add-child").click();
  assert.ok((await numbers(page)).includes("（1）"));
  await page.getByTestId("undo").click();
  assert.ok(!(await numbers(page)).includes("（1）"));
  await row(page, "4.").click();
  // Delete, then Ctrl+Z restores it; Ctrl+Y deletes again.
  await row(page, "4.").getByTestId("delete").click();
  assert.equal(await titleOf(page, "31."), "建立考评机制");
  await page.keyboard.press("Control+z");
  assert.equal(await titleOf(page, "4."), "新增任务");
  await page.keyboard.press("Control+y");
  assert.equal(await titleOf(page, "4."), "完善工作任务落实闭环机制");
  await page.getByTestId("undo").click();
  assert.equal(await titleOf(page, "4."), "新增任务");
  await page.keyboard.press("Control+Shift+z");
  assert.equal(await titleOf(page, "4."), "完善工作任务落实闭环机制");
  // Eight edits remain (typing four characters counts as one): eight undos reach the start.
  for (let i = 0; i < 7; i++) await page.getByTestId("undo").click();
  assert.equal(await titleOf(page, "3."), "强化综合统筹协调（修订）");
  await page.getByTestId("undo").click();
  assert.equal(await titleOf(page, "3."), "强化综合统筹协调");
  assert.deepEqual(errors, []);
  await context.close();
});

test("autosave: reload shows exactly what was typed, the draft is listed", async () => {
  const { page, context } = await fresh();
  await newSampleDraft(page);
  const t = row(page, "5.").getByTestId("row-title");
  await t.fill("持续深化双防控体系建设——本区版");
  await page.waitForTimeout(600);
  assert.equal(await page.getByTestId("save-state").textContent(), "已保存");
  await page.reload();
  await page.getByTestId("draft-row").first().waitFor();
  assert.match(await page.getByTestId("draft-list").textContent(), /2024年全区安全生产与防灾减灾救灾工作要点/);
  await page.getByTestId("draft-row").first().getByRole("button").first().click();
  assert.equal(await titleOf(page, "5."), "持续深化双防控体系建设——本区版");
  // Typing then leaving at once still saves (flush on pagehide).
  await row(page, "6.").getByTestId("row-title").fill("立即离开");
  await page.reload();
  await page.getByTestId("draft-row").first().getByRole("button").first().click();
  assert.equal(await titleOf(page, "6."), "立即离开");
  await context.close();
});

test("a notice with attachments and a task table: every part shows in the preview and the editor", async () => {
  const { page, errors, context } = await fresh();
  await page.getByTestId("new-draft").click();
  await page.getByTestId("paste-area").fill(seed("002"));
  await page.getByTestId("parse-paste").click();
  const preview = await page.getByTestId("plan-outline").textContent();
  assert.match(preview, /附件4　2021年江北区法制规划工作要点.*深入落实应急管理执法体制改革/);
  assert.match(preview, /2021年应急指挥、救援重点工作任务清单/);
  await page.getByTestId("confirm-template").click();
  await page.getByTestId("doc-data-next").click();
  await page.getByTestId("create-draft-plain").click();
  await page.getByTestId("edit-row").first().waitFor();
  // The outline renders the rows near the screen: walk down the page collecting the headings.
  const seen = new Set();
  for (let y = 0; ; y += 400) {
    await page.evaluate((y) => window.scrollTo(0, y), y);
    await page.waitForTimeout(40);
    for (const t of await page.locator(".section-title").allTextContents()) seen.add(t);
    if (await page.evaluate(() => window.scrollY + window.innerHeight >= document.body.scrollHeight - 2)) break;
  }
  const titles = [...seen];
  assert.equal(titles.length, 7, "six attachments and the task table");
  assert.equal(titles[6], "2021年应急指挥、救援重点工作任务清单");
  // A task of the table is edited like any other.
  const tableTask = page.getByTestId("edit-row").filter({ has: page.locator('input[value^="配合市水利部门做好水文站"]') });
  assert.match(await tableTask.getByTestId("row-units").textContent(), /牵头区农业农村委、区规划自然资源局/);
  await tableTask.getByTestId("row-title").fill("配合市水利部门完成水文站改造");
  await page.getByTestId("tab-tasks").click();
  assert.match(await page.getByTestId("task-list").textContent(), /配合市水利部门完成水文站改造/);
  assert.deepEqual(errors, []);
  await context.close();
});
