// Issue 14: drafting that produces a correct official document. The year set in the new-draft
// step and in 文件信息 proposes every dependent field; localisation shows each change in its
// sentence and leaves citations alone; the preamble is editable; 不适用 leaves the document;
// titles break between words; the 版记 closes the last page; bad inputs are named.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, screenshotPath, useBrowser } from "./harness.mjs";
import { row } from "./fixtures.mjs";

const env = useBrowser();

async function setYear(page, testid, year) {
  const input = page.getByTestId(testid);
  await input.fill(String(year));
  await input.dispatchEvent("change");
  await page.getByTestId("year-proposals").waitFor();
}

test("year, localisation, editable preamble, 不适用 and the document layout", async () => {
  const { page, errors, context } = await openPage(env.browser);
  await page.goto(env.srv.url);
  await page.getByTestId("new-draft").click();
  await page.getByTestId("use-sample").click();
  await page.getByTestId("confirm-template").click();
  // Every year-dependent field is in the document-data step.
  for (const id of ["doc-number", "doc-notice-title", "doc-title", "doc-cover", "doc-date", "doc-preface", "doc-print-date"]) {
    assert.equal(await page.getByTestId(id).count(), 1, id);
  }
  await setYear(page, "doc-year", 2025);
  const panel = page.getByTestId("year-proposals");
  assert.match(await panel.textContent(), /年度改为 2025/);
  assert.ok((await page.getByTestId("year-flag").count()) >= 1, "the cited city document is flagged");
  await page.screenshot({ path: screenshotPath("drafting-year-proposals") });
  await page.getByTestId("year-apply").click();
  assert.equal(await page.getByTestId("doc-number").inputValue(), "万盛经开发〔2025〕号");
  assert.match(await page.getByTestId("doc-notice-title").inputValue(), /关于印发2025年/);
  assert.match(await page.getByTestId("doc-cover").inputValue(), /现将《2025年/);
  assert.equal(await page.getByTestId("doc-print-date").inputValue(), "2025年5月16日");
  const preface = await page.getByTestId("doc-preface").inputValue();
  assert.match(preface, /特制定2025年/);
  assert.match(preface, /《关于印发2024年全市/, "a citation is not moved");

  await page.getByTestId("doc-data-next").click();
  // Localisation: each change in its whole sentence; the named city system is left unticked.
  const named = page.getByTestId("change").filter({ hasText: "数字应急" });
  assert.equal(await named.count(), 1);
  assert.equal(await named.getByTestId("change-tick").isChecked(), false);
  assert.match(await named.getByTestId("change-sentence").textContent(), /^依托全市全区“数字应急”.*智能化管理。$/);
  await page.screenshot({ path: screenshotPath("drafting-localize") });
  await page.getByTestId("create-draft").click();
  await page.getByTestId("editor").waitFor();

  // The preamble and the other exported texts are editable in 文件信息.
  await page.getByTestId("tab-info").click();
  await page.getByTestId("text-preface-0-0").fill("依据有关文件精神，特制定2025年全区安全生产与防灾减灾救灾工作要点。");
  await page.getByTestId("tab-document").click();
  const doc = page.getByTestId("document-view");
  assert.match(await doc.textContent(), /依据有关文件精神，特制定2025年全区/);
  // The notice title breaks between words: more than one line, none cut inside 安全生产 etc.
  const lines = await doc.locator(".doc-title").first().locator(".title-line").allTextContents();
  assert.ok(lines.length >= 2, lines.join("|"));
  for (const pair of lines.slice(1).map((l, i) => lines[i].slice(-2) + "|" + l.slice(0, 2))) {
    assert.doesNotMatch(pair, /安全\|生产|应急\|管理|工作\|要点|安\|全生|要\|点的/, pair);
  }
  // The 版记 closes the last page.
  assert.equal(await page.locator("article.last-page [data-testid=document-banji]").count(), 1);
  await page.screenshot({ path: screenshotPath("drafting-document"), fullPage: true });

  // 不适用: leaves the document, the numbering and the counts; struck through in the editor.
  await page.getByTestId("tab-outline").click();
  await row(page, "2.").click();
  await page.getByTestId("na-reason").fill("本区已完成");
  await page.getByTestId("mark-na").click();
  const struck = page.getByTestId("edit-row").filter({ has: page.locator("input[value='推进基层应急管理体系建设']") });
  assert.match(await struck.getAttribute("class"), /not-applicable/);
  assert.equal(await struck.getByTestId("row-na-reason").textContent(), "本区已完成");
  assert.equal(await row(page, "2.").getByTestId("row-title").inputValue(), "强化综合统筹协调");
  await page.getByTestId("tab-tasks").click();
  assert.equal(await page.getByTestId("task-row").count(), 30);
  await page.getByTestId("tab-document").click();
  assert.doesNotMatch(await doc.textContent(), /推进基层应急管理体系建设/);

  // Setting the year again in 文件信息 proposes the dependent changes there too.
  await page.getByTestId("tab-info").click();
  await setYear(page, "info-year", 2026);
  await page.getByTestId("year-apply").click();
  assert.match(await page.getByTestId("info-title").inputValue(), /^2026年全区/);
  assert.match(await page.getByTestId("info-notice-title").inputValue(), /印发2026年/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("inputs: an empty file, a template without tasks, a huge paste", async () => {
  const { page, context } = await openPage(env.browser);
  await page.goto(env.srv.url);
  await page.getByTestId("open-json-input").setInputFiles({ name: "空.json", mimeType: "application/json", buffer: Buffer.alloc(0) });
  await page.getByTestId("banner").first().waitFor();
  assert.match(await page.getByTestId("banner").first().textContent(), /空文件/);

  await page.getByTestId("new-draft").click();
  await page.getByTestId("paste-area").fill("这是一段说明文字，没有任何编号。");
  await page.getByTestId("parse-paste").click();
  assert.match(await page.getByTestId("import-error").textContent(), /0 项/);
  assert.equal(await page.getByTestId("preview").count(), 0, "the flow does not continue");

  const task = (n) => `${n}.落实第${n}项安全生产工作任务。（责任单位：应急局）`;
  const big = ["一、重点任务", "（一）第一组", ...Array.from({ length: 8000 }, (_, i) => task(i + 1))].join("\n");
  // Set as a paste would (Playwright's fill types the text in, which takes minutes at this size).
  await page.getByTestId("paste-area").evaluate((el, v) => {
    el.value = v;
    el.dispatchEvent(new Event("input", { bubbles: true }));
  }, big);
  await page.getByTestId("parse-paste").click();
  await page.getByTestId("preview").waitFor({ timeout: 60000 });
  assert.match(await page.getByTestId("import-warning").textContent(), /项任务.*重复粘贴/);
  await context.close();
});

test("the district replaces the issuing organ; a rule change keeps only unchanged ticks", async () => {
  const { page, errors, context } = await openPage(env.browser);
  await page.goto(env.srv.url);
  await page.getByTestId("new-draft").click();
  await page.getByTestId("use-sample").click();
  await page.getByTestId("confirm-template").click();
  await setYear(page, "doc-year", 2025);
  await page.getByTestId("year-apply").click();
  await page.getByTestId("doc-data-next").click();
  const district = page.getByTestId("district");
  await district.fill("大足区");
  await district.dispatchEvent("change");
  const notice = page.getByTestId("change").filter({ hasText: "通知标题" });
  await notice.first().waitFor();
  assert.match(await notice.first().getByTestId("diff-added").textContent(), /大足区人民政府/);
  const number = page.getByTestId("change").filter({ hasText: "发文字号" });
  assert.match(await number.getByTestId("change-note").textContent(), /万盛经开发.*请填写/);
  assert.match(await page.getByTestId("cc-note").textContent(), /抄送机关沿用了万盛经开区管委会的（党工委办公室.*请核对大足区人民政府应抄送/);

  // Flip two proposals: tick the named city system, untick a 市级 one.
  const named = page.getByTestId("change").filter({ hasText: "数字应急" });
  await named.getByTestId("change-tick").check();
  const shiji = () => page.getByTestId("change").filter({ has: page.locator("[data-testid=diff-removed]", { hasText: /^市级$/ }) }).first();
  // The words after the replaced ones identify the sentence before and after the rule change.
  const shijiText = await shiji().getByTestId("change-sentence").evaluate((el) => el.lastChild.textContent);
  await shiji().getByTestId("change-tick").uncheck();
  // The planner changes the 市级 rule: 市级 → 县级. That proposal changed, its tick resets; the
  // named system's did not, its tick stays.
  const rule = page.locator("[data-testid=rules] tbody tr").nth(1).locator("input[type=text]").nth(1);
  assert.equal(await page.locator("[data-testid=rules] tbody tr").nth(1).locator("input[type=text]").first().inputValue(), "市级");
  await rule.fill("县级");
  await rule.dispatchEvent("change");
  const again = page.getByTestId("change").filter({ hasText: shijiText }).filter({ has: page.locator("[data-testid=diff-added]", { hasText: /^县级$/ }) }).first();
  await again.waitFor();
  assert.equal(await again.getByTestId("change-tick").isChecked(), true, "the changed proposal is back at its default");
  assert.equal(await named.getByTestId("change-tick").isChecked(), true, "the unchanged proposal keeps the planner's tick");
  await page.screenshot({ path: screenshotPath("drafting-district") });
  await page.getByTestId("create-draft").click();
  await page.getByTestId("editor").waitFor();
  await page.getByTestId("tab-info").click();
  assert.equal(await page.getByTestId("info-issuer").inputValue(), "大足区人民政府");
  assert.match(await page.getByTestId("info-notice-title").inputValue(), /^重庆市大足区人民政府关于印发2025年/);
  await page.getByTestId("tab-document").click();
  const text = await page.getByTestId("document-view").textContent();
  assert.doesNotMatch(text, /万盛/);
  assert.match(text, /依托全区“数字应急”/);
  assert.deepEqual(errors, []);
  await context.close();
});
