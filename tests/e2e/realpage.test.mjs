// A real government page pasted as it comes (site furniture, the 信息公开 metadata block as
// `|` rows, the notice, then the work points): the recognition preview shows the front-matter
// fields it filled (editable), the lines it was unsure of, and an outline without any
// furniture, 署名 or date as a heading. The corrected title reaches the document-data step.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { openPage, screenshotPath, foreignRequests, useBrowser } from "./harness.mjs";

const env = useBrowser();
const CORPUS = path.resolve(import.meta.dirname, "../corpus");

// 滕州市 2024 防灾减灾救灾工作要点 as stored from the page (tests/corpus, c20), with the
// breadcrumb and font switch the page shows above it.
const page20 = () =>
  "当前位置：首页 > 政务公开 > 政策文件\n字体：【大 中 小】\n" +
  fs.readFileSync(path.join(CORPUS, "c20-tengzhou-2024-fangjianjiu.txt"), "utf8") +
  "\n\n相关解读：图解《2024年防灾减灾救灾工作要点》\n版权所有：滕州市人民政府";

test("a real page with furniture: the preview shows front matter, guesses and a clean outline", async () => {
  const { page, errors, requests, context } = await openPage(env.browser);
  await page.goto(env.srv.url);
  await page.getByTestId("new-draft").click();
  await page.getByTestId("paste-area").fill(page20());
  await page.getByTestId("parse-paste").click();
  await page.getByTestId("recognized").waitFor();

  // Every front-matter field it filled, for correction.
  assert.equal(await page.getByTestId("front-doc-number").inputValue(), "滕防救灾办〔2024〕1号");
  assert.match(await page.getByTestId("front-notice-title").inputValue(), /^市委防灾减灾救灾领导小组办公室关于印发《市委防灾减灾救灾领导小组2024年工作要点》的通知$/);
  assert.match(await page.getByTestId("front-recipients").inputValue(), /^各镇党委防灾减灾救灾领导小组/);
  assert.equal(await page.getByTestId("front-signature").inputValue(), "中共滕州市委防灾减灾救灾领导小组办公室");
  assert.equal(await page.getByTestId("front-date").inputValue(), "2024年4月7日");
  assert.equal(await page.getByTestId("front-title").inputValue(), "2024年防灾减灾救灾工作要点");

  // The outline: headings and tasks only, with the units read from "(A牵头,B分工负责)".
  const rows = page.getByTestId("outline-row");
  const titles = await rows.locator(".title").allTextContents();
  assert.deepEqual(titles.slice(0, 3), ["统筹做好自然灾害防御工作", "防汛抗旱工作", "森林草地防灭火工作"]);
  for (const t of titles) assert.doesNotMatch(t, /索引号|字体|2024年4月7日|领导小组办公室$|版权所有|相关解读/);
  assert.equal(await rows.nth(1).locator(".lead-names").textContent(), "市应急管理局");
  assert.equal(await rows.nth(1).locator(".coop-names").textContent(), "市防汛抗旱指挥部成员单位");

  // The furniture and the text after the document are listed as removed, not lost.
  const summary = await page.getByTestId("parse-summary").textContent();
  assert.match(summary, /移除网页杂项 [1-9]\d* 行/);
  assert.match(summary, /需要核对 \d+ 处/);

  // Correct the title in the preview; the next step has the corrected value.
  await page.getByTestId("front-title").fill("滕州市2024年防灾减灾救灾工作要点");
  await page.screenshot({ path: screenshotPath("realpage-preview"), fullPage: true });
  await page.getByTestId("confirm-template").click();
  assert.equal(await page.getByTestId("doc-title").inputValue(), "滕州市2024年防灾减灾救灾工作要点");

  assert.deepEqual(errors, []);
  assert.deepEqual(foreignRequests(requests, env.srv.origin), []);
  await context.close();
});

test("an unnumbered line and an unsplittable clause are marked for checking", async () => {
  const { page, context } = await openPage(env.browser);
  await page.goto(env.srv.url);
  await page.getByTestId("new-draft").click();
  const text = [
    "运城市突发事件应急体系建设“十三五”规划责任分解",
    "为提高应对突发事件的能力，现将规划任务进行责任分解。",
    "“十三五”应急体系具体建设任务",
    "（一）“一案三制”建设",
    "1．完善应急预案体系。加强应急预案管理。（责任单位：有关单位）",
  ].join("\n");
  await page.getByTestId("paste-area").fill(text);
  await page.getByTestId("parse-paste").click();
  const guesses = await page.getByTestId("guess").allTextContents();
  assert.ok(guesses.some((g) => /“十三五”应急体系具体建设任务.*没有编号/.test(g)), guesses.join("\n"));
  assert.ok(guesses.some((g) => /有关单位.*未能拆分/.test(g)), guesses.join("\n"));
  await context.close();
});
