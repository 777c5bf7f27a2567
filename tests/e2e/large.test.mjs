// A 1000-task plan in headless Chromium: the outline renders only the rows near the screen,
// and still every row is reachable — by scrolling, by the keyboard (Enter, Alt+↓ past the
// end of a group), by the outline's own search box (Ctrl+F), and by a problem's link; the
// read-only views grow as the reader scrolls, and printing 文档 prints every paragraph.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, screenshotPath, useBrowser } from "./harness.mjs";
import { row, synthetic } from "./fixtures.mjs";

const env = useBrowser();

async function bigDraft() {
  const s = await openPage(env.browser);
  const { page } = s;
  await page.goto(env.srv.url);
  await page.getByTestId("new-draft").click();
  await page.getByTestId("paste-area").fill(synthetic(1000));
  await page.getByTestId("parse-paste").click();
  await page.getByTestId("confirm-template").click();
  await page.getByTestId("doc-data-next").click();
  await page.getByTestId("create-draft-plain").click();
  await page.getByTestId("edit-row").first().waitFor();
  return s;
}

const title = (page, n) => row(page, n).getByTestId("row-title");
// On screen, within the frame or two a reveal takes (it scrolls in an animation frame).
async function inView(locator) {
  for (let i = 0; i < 20; i++) {
    const on = await locator.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= -1 && r.bottom <= window.innerHeight + 1;
    });
    if (on) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}
const rendered = (page) => page.getByTestId("edit-row").count();

test("1000 tasks: only rows near the screen are rendered; scrolling, Enter and Alt+↓ reach every row", async () => {
  const { page, errors, context } = await bigDraft();
  assert.ok((await rendered(page)) < 150, `rows rendered at first: ${await rendered(page)}`);
  // The page is as long as the plan: at the bottom, the last task is there.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  // (The generator's 100th group is not a 二级 heading, so the tasks are numbered 1.–999.)
  await title(page, "999.").waitFor();
  assert.equal(await title(page, "999.").inputValue(), "推进第999项工作");
  assert.ok((await rendered(page)) < 150);
  await page.screenshot({ path: screenshotPath("large-bottom") });
  // Back at the top: Enter after task 3 renumbers everything after it.
  await page.evaluate(() => window.scrollTo(0, 0));
  await title(page, "3.").click();
  await title(page, "3.").press("Enter");
  await page.keyboard.type("新插入");
  assert.equal(await title(page, "4.").inputValue(), "新插入");
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await title(page, "1000.").waitFor();
  assert.equal(await title(page, "1000.").inputValue(), "推进第999项工作");
  // Alt+↓ carries a task down to the end of its group; it stays focused and on screen.
  await page.evaluate(() => window.scrollTo(0, 0));
  await title(page, "4.").click();
  for (let i = 0; i < 12; i++) await page.keyboard.press("Alt+ArrowDown");
  const moved = page.locator(".erow", { has: page.locator('[data-testid="row-title"]:focus') });
  assert.equal(await moved.getByTestId("row-title").inputValue(), "新插入");
  assert.ok(await inView(moved), "the moved row is on screen");
  const n = await moved.getByTestId("row-number").textContent();
  assert.ok(Number.parseInt(n) > 4, `moved to ${n}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test("1000 tasks: the search box (Ctrl+F) finds rows not rendered, and a problem's link focuses its row", async () => {
  const { page, errors, context } = await bigDraft();
  await page.getByTestId("edit-row").first().click();
  await page.keyboard.press("Control+f");
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "find-input");
  await page.keyboard.type("第95");
  // 第95项, the heading 第95组, 第950项 … 第959项: twelve matches, counted before any is shown.
  assert.equal(await page.getByTestId("find-count").textContent(), "共 12 处");
  await page.keyboard.press("Enter");
  assert.equal(await page.getByTestId("find-count").textContent(), "第 1 / 12 处");
  const current = page.locator(".erow.find-current");
  await current.waitFor();
  assert.equal(await current.getByTestId("row-title").inputValue(), "推进第95项工作");
  assert.ok(await inView(current));
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  assert.equal(await page.getByTestId("find-count").textContent(), "第 3 / 12 处");
  assert.equal(await current.getByTestId("row-title").inputValue(), "推进第950项工作");
  assert.ok(await inView(current));
  // Far down the page the search box is still in sight: below the sticky header, not under it.
  assert.ok((await page.evaluate(() => window.scrollY)) > 20000);
  const bar = await page.evaluate(() => {
    const input = document.querySelector("[data-testid=find-input]").getBoundingClientRect();
    const header = document.querySelector("[data-testid=app-header]").getBoundingClientRect();
    const hit = document.elementFromPoint(input.left + input.width / 2, input.top + input.height / 2);
    return { top: input.top, headerBottom: header.bottom, hit: hit?.dataset?.testid };
  });
  assert.ok(bar.top >= bar.headerBottom - 1, JSON.stringify(bar));
  assert.equal(bar.hit, "find-input", "nothing covers the search box");
  // The search box keeps the cursor: typing goes on refining the search.
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "find-input");
  await page.keyboard.press("Shift+Enter");
  assert.equal(await current.getByTestId("row-title").inputValue(), "第95组重点工作");
  await page.keyboard.press("Enter");
  assert.equal(await current.getByTestId("row-title").inputValue(), "推进第950项工作");
  await page.screenshot({ path: screenshotPath("large-find") });
  // Empty that task's title, go to the top and to 问题: its link brings the row back, focused.
  await current.getByTestId("row-title").fill("");
  await page.waitForTimeout(600);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByTestId("tab-problems").click();
  await page.getByTestId("problem").filter({ hasText: "标题" }).first().getByRole("button").click();
  const focused = page.locator(".erow", { has: page.locator("input:focus") });
  await focused.waitFor();
  assert.equal(await focused.getByTestId("row-text").inputValue(), "加强组织领导，完善工作机制，细化工作措施，确保任务按期完成。");
  assert.ok(await inView(focused));
  assert.deepEqual(errors, []);
  await context.close();
});

test("1000 tasks: views render their first rows and grow on scrolling; printing 文档 prints all of it", async () => {
  const { page, errors, context } = await bigDraft();
  await page.getByTestId("tab-tasks").click();
  assert.equal(await page.getByTestId("task-count").textContent(), "共 1000 项");
  const first = await page.getByTestId("task-row").count();
  assert.ok(first < 1000, `task rows at first: ${first}`);
  for (let i = 0; i < 40 && (await page.getByTestId("task-row").count()) < 1000; i++) {
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(50);
  }
  assert.equal(await page.getByTestId("task-row").count(), 1000);
  assert.match(await page.getByTestId("task-row").last().textContent(), /推进第1000项工作/);
  // 文档: the last paragraph is not in the page until printed.
  await page.getByTestId("tab-document").click();
  const view = page.getByTestId("document-view");
  assert.doesNotMatch(await view.textContent(), /推进第999项工作/);
  await page.pdf({ format: "A4" });
  assert.match(await view.textContent(), /推进第999项工作/);
  // 按单位: a card's task lists come when it is opened.
  await page.getByTestId("tab-byunit").click();
  const card = page.getByTestId("unit-card").first();
  assert.match(await card.textContent(), /牵头 \d+ 项/);
  await card.locator("summary").click();
  // The lists render after the click (a frame later on a busy machine): wait for the 999th.
  await card.locator("li").nth(998).waitFor();
  assert.ok((await card.locator("li").count()) >= 999);
  assert.deepEqual(errors, []);
  await context.close();
});
