// Merging a colleague's copy end to end: two browsers (two people), a JSON file each way,
// non-conflicting edits merged by themselves, a conflict decided side by side, and the state
// before the merge kept as a snapshot.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { openPage, screenshotPath, useBrowser } from "./harness.mjs";
import { newSampleDraft, row } from "./fixtures.mjs";

const env = useBrowser();

async function exportJson(page) {
  await page.getByTestId("export-menu").click();
  const [dl] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-json").click()]);
  return dl.path();
}

test("merge a colleague's copy: automatic changes, a conflict decided, nothing lost", async () => {
  const wang = await openPage(env.browser);
  const li = await openPage(env.browser);
  await wang.page.goto(env.srv.url);
  await wang.page.getByTestId("editor-name").fill("小王");
  await wang.page.getByTestId("editor-name").press("Tab");
  await newSampleDraft(wang.page);
  const fileA = await exportJson(wang.page);

  // 小李 opens the file in her own browser, edits, sends it back.
  await li.page.goto(env.srv.url);
  await li.page.getByTestId("editor-name").fill("小李");
  await li.page.getByTestId("editor-name").press("Tab");
  await li.page.getByTestId("open-json-input").setInputFiles(fileA);
  await li.page.getByTestId("editor").waitFor();
  await row(li.page, "2.").getByTestId("row-text").fill("小李改写的正文。");
  await row(li.page, "5.").getByTestId("row-title").fill("持续深化双防控（小李）");
  await li.page.waitForTimeout(500);
  const fileB = await exportJson(li.page);

  // Meanwhile 小王 edits task 1 and task 5.
  await row(wang.page, "1.").getByTestId("row-title").fill("推行“333”工作法");
  await row(wang.page, "5.").getByTestId("row-title").fill("持续深化双防控（小王）");
  await wang.page.waitForTimeout(500);
  await wang.page.getByText("返回列表").click();
  await wang.page.getByTestId("open-json-input").setInputFiles(fileB);
  await wang.page.getByTestId("import-merge").click();
  await wang.page.getByTestId("merge-page").waitFor();
  assert.match(await wang.page.getByTestId("merge-applied").textContent(), /小李修改了“推进基层应急管理体系建设”的正文/);
  assert.equal(await wang.page.getByTestId("merge-conflict-count").textContent(), "冲突 1 处");
  const c = wang.page.getByTestId("conflict");
  assert.match(await c.textContent(), /双方都改了标题.*持续深化双防控（小王）.*小李：持续深化双防控（小李）/);
  await wang.page.screenshot({ path: screenshotPath("merge") });
  await c.getByTestId("pick-theirs").check();
  await wang.page.getByTestId("merge-finish").click();
  await wang.page.getByTestId("editor").waitFor();
  assert.equal(await row(wang.page, "1.").getByTestId("row-title").inputValue(), "推行“333”工作法");
  assert.equal(await row(wang.page, "2.").getByTestId("row-text").inputValue(), "小李改写的正文。");
  assert.equal(await row(wang.page, "5.").getByTestId("row-title").inputValue(), "持续深化双防控（小李）");
  // The state before the merge is a snapshot that can be restored.
  await wang.page.getByTestId("snapshots-toggle").click();
  const snap = wang.page.getByTestId("snapshot").filter({ hasText: "合并前" });
  assert.equal(await snap.count(), 1);
  await snap.getByTestId("snapshot-restore").click();
  assert.equal(await row(wang.page, "5.").getByTestId("row-title").inputValue(), "持续深化双防控（小王）");
  assert.equal(await wang.page.getByTestId("draft-row").count(), 0, "still in the editor");
  await wang.page.getByText("返回列表").click();
  assert.equal(await wang.page.getByTestId("draft-row").count(), 1, "merged into the same draft");
  assert.deepEqual(wang.errors, []);
  await wang.context.close();
  await li.context.close();
  fs.rmSync(fileA, { force: true });
});
