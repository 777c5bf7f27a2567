// Units, deadlines, problems, the registry, and the four views (文档, 任务清单, 按单位, 对照),
// end to end in headless Chromium.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, screenshotPath, useBrowser } from "./harness.mjs";
import { newSampleDraft, row, openDraft } from "./fixtures.mjs";

const env = useBrowser();


test("unit picker: autocomplete through aliases, lead and cooperating lists, reorder, new units, deadline", async () => {
  const { page, errors, context } = await openDraft(env);
  await row(page, "31.").click();
  const panel = page.getByTestId("task-panel");
  assert.match(await panel.getByTestId("lead-list").textContent(), /安委办/);
  // 安委会办公室 is an alias of 安委办 (task 15 wrote it that way).
  await panel.getByTestId("unit-query").fill("安委会办公室");
  await panel.getByTestId("unit-suggestion").first().waitFor();
  assert.match(await panel.getByTestId("unit-suggestion").first().textContent(), /安委办/);
  // A collective entry can be picked as cooperating.
  await panel.getByTestId("unit-query").fill("各镇");
  await panel.getByTestId("unit-suggestion").filter({ hasText: "各镇街" }).getByTestId("pick-coop").click();
  await panel.getByTestId("unit-query").fill("应急");
  await panel.getByTestId("unit-suggestion").filter({ hasText: "应急局" }).getByTestId("pick-coop").click();
  assert.deepEqual(await panel.getByTestId("coop-list").locator(".unit-name").allTextContents(), ["各镇街", "应急局"]);
  // Reorder: move 应急局 up.
  await panel.getByTestId("coop-list").getByTestId("unit-chip").nth(1).getByTitle("上移").click();
  assert.deepEqual(await panel.getByTestId("coop-list").locator(".unit-name").allTextContents(), ["应急局", "各镇街"]);
  // 区气象局 is the known 气象局 (区 prefix): offered, not added twice.
  await panel.getByTestId("unit-query").fill("区气象局");
  await panel.getByTestId("unit-suggestion").filter({ hasText: "气象局" }).waitFor();
  assert.equal(await panel.getByTestId("new-unit-coop").count(), 0);
  // A unit nobody wrote before.
  await panel.getByTestId("unit-query").fill("区档案馆");
  await panel.getByTestId("new-unit-coop").click();
  assert.deepEqual(await panel.getByTestId("coop-list").locator(".unit-name").allTextContents(), ["应急局", "各镇街", "区档案馆"]);
  // The outline row shows the units at once.
  assert.match(await row(page, "31.").getByTestId("row-units").textContent(), /配合应急局、各镇街、区档案馆/);
  // Deadline: preset, then free text.
  await panel.getByTestId("deadline-preset").selectOption("6月底前");
  assert.match(await row(page, "31.").getByTestId("row-units").textContent(), /6月底前/);
  await panel.getByTestId("deadline-text").fill("2025年9月底前");
  await panel.getByTestId("deadline-text").press("Enter");
  await panel.getByTestId("deadline-text").blur();
  assert.match(await row(page, "31.").getByTestId("row-units").textContent(), /2025年9月底前/);
  await page.screenshot({ path: screenshotPath("task-panel") });
  assert.deepEqual(errors, []);
  await context.close();
});

test("problems panel lists a task without a lead unit and jumps to it", async () => {
  const { page, context } = await openDraft(env);
  assert.equal(await page.getByTestId("problem-count").textContent(), "0");
  await row(page, "2.").click();
  await page.getByTestId("lead-list").getByTestId("unit-remove").click();
  await page.getByTestId("tab-problems").click();
  const p = page.getByTestId("problem");
  assert.equal(await p.count(), 1);
  assert.match(await p.textContent(), /2\.推进基层应急管理体系建设.*任务没有牵头单位/);
  await p.getByRole("button").click();
  await page.getByTestId("outline-editor").waitFor();
  assert.match(await page.locator(".erow.selected").getByTestId("row-number").textContent(), /^2\.$/);
  await context.close();
});

test("registry: rename and merge update every task", async () => {
  const { page, context } = await openDraft(env);
  await page.getByTestId("tab-units").click();
  const yj = page.getByTestId("unit-row").filter({ has: page.locator('input[value="应急局"]') });
  await yj.getByTestId("unit-name").fill("区应急管理局");
  await yj.getByTestId("unit-name").press("Enter");
  await page.getByTestId("unit-name").first().click();
  await page.getByTestId("tab-tasks").click();
  assert.match(await page.getByTestId("task-list").textContent(), /区应急管理局/);
  assert.doesNotMatch(await page.getByTestId("task-list").textContent(), /[^管]应急局/);
  // Merge 减灾办 into 安委办: tasks 3 and 4 now lead with 安委办 only.
  await page.getByTestId("tab-units").click();
  const jz = page.getByTestId("unit-row").filter({ has: page.locator('input[value="减灾办"]') });
  const target = await page.getByTestId("unit-row").filter({ has: page.locator('input[value="安委办"]') }).getByTestId("unit-merge").locator("option").count();
  assert.ok(target > 1);
  const value = await jz.getByTestId("unit-merge").locator("option", { hasText: "安委办" }).getAttribute("value");
  page.once("dialog", (d) => d.accept());
  await jz.getByTestId("unit-merge").selectOption(value);
  await page.getByTestId("tab-outline").click();
  assert.match(await row(page, "3.").getByTestId("row-units").textContent(), /^牵头安委办$/);
  await context.close();
});

test("文件信息: document data and conventions are editable and shown in 文档", async () => {
  const { page, context } = await openDraft(env);
  await page.getByTestId("tab-info").click();
  await page.getByTestId("info-cc").fill("区委办公室、区人大常委会办公室");
  await page.getByTestId("info-number").fill("万盛经开发〔2025〕2号");
  await page.getByTestId("info-convention").selectOption("unit");
  await page.getByTestId("tab-document").click();
  const text = await page.getByTestId("document-view").textContent();
  assert.match(text, /抄送：区委办公室、区人大常委会办公室。/);
  assert.match(text, /万盛经开发〔2025〕2号/);
  assert.match(text, /（责任单位：安委办、经济信息局、住房城乡建设局、交通局、应急局等有关单位）/);
  await page.getByTestId("tab-info").click();
  await page.getByTestId("info-numbering").selectOption("restart");
  await page.getByTestId("tab-outline").click();
  assert.equal(await row(page, "2.").getByTestId("row-title").inputValue(), "强化综合统筹协调");
  await page.keyboard.press("Control+z");
  assert.equal(await row(page, "2.").getByTestId("row-title").inputValue(), "推进基层应急管理体系建设");
  await context.close();
});

test("views: 文档 in GB/T 9704 layout, 任务清单 filters, 按单位 chart, 对照 with diff and 不适用", async () => {
  const { page, errors, context } = await openDraft(env);
  // Edit one task and mark another 不适用 so 对照 has something to show.
  await row(page, "1.").getByTestId("row-title").fill("推行“333”工作法");
  await row(page, "2.").click();
  await page.getByTestId("na-reason").fill("本区已完成");
  await page.getByTestId("mark-na").click();
  assert.equal(await page.getByTestId("details-status").textContent(), "不适用");

  await page.getByTestId("tab-document").click();
  const docPage = page.getByTestId("document-page");
  assert.equal(await page.getByTestId("document-title").textContent(), "2024年全区安全生产与防灾减灾救灾工作要点");
  assert.match(await docPage.textContent(), /1\.推行“333”工作法。（责任单位：安委办，经济信息局、住房城乡建设局、交通局、应急局等有关单位）/);
  const style = await docPage.evaluate((el) => {
    const s = getComputedStyle(el);
    return { width: el.getBoundingClientRect().width, top: s.paddingTop, left: s.paddingLeft, font: s.fontSize };
  });
  assert.ok(Math.abs(style.width - 793.7) < 2, `A4 width ${style.width}`);
  assert.ok(Math.abs(parseFloat(style.top) - 139.84) < 0.5, "top margin 37 mm");
  assert.ok(Math.abs(parseFloat(style.left) - 105.83) < 0.5, "left margin 28 mm");
  assert.equal(style.font, "21.3333px", "三号 16 pt");
  await page.screenshot({ path: screenshotPath("document"), fullPage: false });
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".app-header").isVisible(), false, "no app chrome in print");
  assert.equal(await page.getByTestId("tab-outline").isVisible(), false);
  await page.emulateMedia({ media: "screen" });

  await page.getByTestId("tab-tasks").click();
  assert.equal(await page.getByTestId("task-row").count(), 30, "the 不适用 task is not listed");
  const value = await page.getByTestId("filter-unit").locator("option", { hasText: "党工委党校" }).getAttribute("value");
  await page.getByTestId("filter-unit").selectOption(value);
  assert.equal(await page.getByTestId("task-row").count(), 1);
  await page.getByTestId("filter-unit").selectOption("");
  await page.getByTestId("filter-text").fill("舆情");
  assert.equal(await page.getByTestId("task-row").count(), 1);
  // Task 2 is 不适用: it leaves the numbering, so the 24th task is numbered 23.
  assert.match(await page.getByTestId("task-row").textContent(), /23\.强化舆情处置/);

  await page.getByTestId("tab-byunit").click();
  const bars = page.getByTestId("unit-chart").getByTestId("bar");
  assert.ok((await bars.count()) > 10);
  assert.match(await bars.first().textContent(), /各镇街/);
  assert.match(await page.getByTestId("unit-card").first().textContent(), /各镇街　牵头 \d+ 项，配合 \d+ 项/);
  await page.screenshot({ path: screenshotPath("by-unit") });

  await page.getByTestId("tab-compare").click();
  assert.match(await page.getByTestId("compare-totals").textContent(), /修改 1 · 不适用 1 · 新增 0/);
  assert.ok((await page.getByTestId("diff-added").count()) >= 1);
  assert.ok((await page.getByTestId("diff-removed").count()) >= 1);
  const na = page.getByTestId("compare-row").filter({ hasText: "本区已完成" });
  assert.equal(await na.count(), 1);
  await page.screenshot({ path: screenshotPath("compare") });
  assert.deepEqual(errors, []);
  await context.close();
});
