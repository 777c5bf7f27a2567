// Keeping work safe, end to end: snapshots, export and import (new draft or replace after
// confirmation), a corrupt stored draft, a full storage quota, two tabs on one draft, and an
// unreadable import. In every case the user is told in Chinese and nothing is lost.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { openPage, screenshotPath, useBrowser } from "./harness.mjs";
import { newSampleDraft, row, openDraft } from "./fixtures.mjs";

const env = useBrowser();

const titleOf = (page, n) => row(page, n).getByTestId("row-title").inputValue();

/** The text of the banner about `file`, once it has appeared (files are read asynchronously). */
async function newBanner(page, file) {
  const banner = page.getByTestId("banner").filter({ hasText: file });
  await banner.waitFor();
  return banner.textContent();
}

test("snapshots: take one, edit, restore it (and undo the restore)", async () => {
  const { page, context } = await openDraft(env);
  await page.getByTestId("snapshots-toggle").click();
  await page.getByTestId("snapshot-name").fill("征求意见稿");
  await page.getByTestId("snapshot-take").click();
  assert.match(await page.getByTestId("snapshot").first().textContent(), /征求意见稿/);
  await row(page, "1.").getByTestId("row-title").fill("改过的标题");
  await page.getByTestId("snapshot-restore").first().click();
  assert.match(await titleOf(page, "1."), /^推行“333”工作策略/);
  await page.getByTestId("undo").click();
  assert.equal(await titleOf(page, "1."), "改过的标题");
  await context.close();
});

test("export JSON, import it again: as a new draft, or replacing after confirmation", async () => {
  const { page, context } = await openDraft(env);
  await row(page, "2.").getByTestId("row-title").fill("导出前的修改");
  await page.getByTestId("export-menu").click();
  const [dl] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-json").click()]);
  assert.equal(dl.suggestedFilename(), "2024年全区安全生产与防灾减灾救灾工作要点.json");
  const file = await dl.path();
  const json = JSON.parse(fs.readFileSync(file, "utf8"));
  assert.equal(json.format, "yaodian-plan");
  assert.equal(json.version, 1);
  // Change the draft after exporting, then import the file: it is the same plan.
  await row(page, "2.").getByTestId("row-title").fill("导出后的修改");
  await page.waitForTimeout(500);
  await page.getByText("返回列表").click();
  await page.getByTestId("open-json-input").setInputFiles(file);
  await page.getByTestId("import-confirm").waitFor();
  // Nothing was overwritten yet.
  assert.equal(await page.getByTestId("draft-row").count(), 1);
  await page.getByTestId("import-as-new").click();
  assert.equal(await titleOf(page, "2."), "导出前的修改");
  await page.getByText("返回列表").click();
  assert.equal(await page.getByTestId("draft-row").count(), 2);
  // Replace: the explicit choice.
  await page.getByTestId("open-json-input").setInputFiles(file);
  await page.getByTestId("import-replace").click();
  assert.equal(await titleOf(page, "2."), "导出前的修改");
  await page.getByText("返回列表").click();
  assert.equal(await page.getByTestId("draft-row").count(), 2);
  await context.close();
});

test("an unreadable import: a clear Chinese message, drafts untouched", async () => {
  const { page, context } = await openDraft(env);
  await page.getByText("返回列表").click();
  const before = await page.getByTestId("draft-list").textContent();
  await page.getByTestId("open-json-input").setInputFiles({ name: "坏文件.json", mimeType: "application/json", buffer: Buffer.from('{"format":"yaodian-plan","version":1,"body":{"items":[{"title":') });
  const banner = page.getByTestId("banner").last();
  await banner.waitFor();
  assert.match(await banner.textContent(), /无法打开“坏文件.json”：文件不是有效的 JSON.*损坏或被截断/);
  await page.getByTestId("open-json-input").setInputFiles({ name: "图片.json", mimeType: "application/json", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]) });
  assert.match(await newBanner(page, /图片\.json/), /不是能读取的文件.*Word.*要点计划文件/);
  await page.getByTestId("open-json-input").setInputFiles({ name: "新版本.json", mimeType: "application/json", buffer: Buffer.from('{"format":"yaodian-plan","version":9}') });
  assert.match(await newBanner(page, /新版本\.json/), /更新版本的要点生成/);
  assert.equal(await page.getByTestId("draft-list").textContent(), before);
  // The same in the new-draft flow.
  await page.getByTestId("new-draft").click();
  await page.getByTestId("template-file").setInputFiles({ name: "截断.docx", mimeType: "application/octet-stream", buffer: Buffer.from("PK\u0003\u0004 broken") });
  assert.match(await page.getByTestId("import-error").textContent(), /Word 文档无法读取/);
  await page.screenshot({ path: screenshotPath("import-error") });
  await context.close();
});

test("a plan file with bad values opens, and every repair is listed in Chinese", async () => {
  const { page, context } = await openPage(env.browser);
  await page.goto(env.srv.url);
  const plan = {
    format: "yaodian-plan", version: 1, id: "p-repair",
    doc: { year: "2025", title: "2025年修复测试要点" },
    body: { numbering: "zigzag", items: [
      { id: "a", level: 1, title: "总体要求" },
      { id: "a", level: 300, title: "主要任务", futureField: { kept: true } },
    ] },
  };
  await page.getByTestId("open-json-input").setInputFiles({ name: "手改过.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(plan)) });
  const banner = page.getByTestId("banner").filter({ hasText: "已自动修复" });
  await banner.waitFor();
  const text = await banner.textContent();
  assert.match(text, /文件中有 4 处内容不符合格式/);
  assert.match(text, /文件信息的“年份”原为“2025”，已改为2025/);
  assert.match(text, /“层级”原为300，已改为5/);
  assert.match(text, /“编号方式”的值“zigzag”无法识别/);
  assert.match(text, /后面的“主要任务”已改用新编号/);
  assert.doesNotMatch(text, /invalid|expected/);
  // The plan is open with both items, each editable on its own.
  await page.getByTestId("outline-editor").waitFor();
  assert.equal(await page.getByTestId("edit-row").count(), 2);
  await page.screenshot({ path: screenshotPath("restore-repairs") });
  await context.close();
});

test("a corrupt stored draft is backed up, explained, and the other drafts still load", async () => {
  const { page, context } = await openDraft(env);
  await page.waitForTimeout(500);
  await page.getByText("返回列表").click();
  await newSampleDraft(page);
  await page.waitForTimeout(500);
  const ids = await page.evaluate(() => JSON.parse(localStorage.getItem("yaodian.index")).map((d) => d.id));
  assert.equal(ids.length, 2);
  await page.evaluate((id) => localStorage.setItem("yaodian.draft." + id, '{"format":"yaodian-plan","version":1,"body":'), ids[0]);
  await page.reload();
  const banner = page.getByTestId("banner").first();
  await banner.waitFor();
  assert.match(await banner.textContent(), /无法读取.*原始内容已备份为“yaodian\.backup\.yaodian\.draft\./);
  assert.equal(await page.getByTestId("draft-row").count(), 1);
  const backups = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("yaodian.backup.")).map((k) => localStorage.getItem(k)));
  assert.deepEqual(backups, ['{"format":"yaodian-plan","version":1,"body":']);
  await page.getByTestId("draft-row").first().getByRole("button").first().click();
  await page.getByTestId("editor").waitFor();
  assert.equal(await page.getByTestId("edit-row").count(), 49);
  await context.close();
});

test("a full storage quota: a warning, the edits stay on the page, export still works", async () => {
  const { page, context } = await openDraft(env);
  await page.evaluate(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException("quota", "QuotaExceededError");
    };
  });
  await row(page, "3.").getByTestId("row-title").fill("存不进去的修改");
  const warn = page.getByTestId("save-problem");
  await warn.waitFor();
  assert.match(await warn.textContent(), /存储空间已满.*仍在本页中.*导出 JSON/);
  assert.equal(await titleOf(page, "3."), "存不进去的修改");
  const [dl] = await Promise.all([page.waitForEvent("download"), page.getByTestId("save-problem-export").click()]);
  assert.match(fs.readFileSync(await dl.path(), "utf8"), /存不进去的修改/);
  await page.screenshot({ path: screenshotPath("quota") });
  await context.close();
});

test("two tabs on one draft: a warning instead of a silent overwrite", async () => {
  const { page: a, context } = await openDraft(env);
  await a.waitForTimeout(500);
  const b = await context.newPage();
  await b.goto(env.srv.url);
  await b.getByTestId("draft-row").first().getByRole("button").first().click();
  await b.getByTestId("editor").waitFor();
  // Tab A saves a change; tab B then types.
  await row(a, "1.").getByTestId("row-title").fill("甲标签页的修改");
  await a.waitForTimeout(600);
  await row(b, "2.").getByTestId("row-title").fill("乙标签页的修改");
  const warn = b.getByTestId("save-problem");
  await warn.waitFor();
  assert.match(await warn.textContent(), /另一个标签页修改了这份草稿/);
  await b.waitForTimeout(600);
  // A's version is still what is stored.
  const stored = await a.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("yaodian.draft.")).map((k) => localStorage.getItem(k)).join(""));
  assert.match(stored, /甲标签页的修改/);
  assert.doesNotMatch(stored, /乙标签页的修改/);
  // B chooses to load A's version.
  await b.getByTestId("conflict-load-theirs").click();
  assert.equal(await titleOf(b, "1."), "甲标签页的修改");
  assert.equal(await b.getByTestId("save-problem").count(), 0);
  await context.close();
});
