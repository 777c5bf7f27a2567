// 新年度草稿 end to end: last year's draft and the city's new template in, what the city
// changed and the proposals on one screen, accept/reject, then this year's draft.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, screenshotPath, useBrowser } from "./harness.mjs";
import { seed, newSampleDraft, row } from "./fixtures.mjs";

const env = useBrowser();

test("new year's draft: city changes, proposals accepted or rejected, the draft created", async () => {
  const { page, errors, context } = await openPage(env.browser);
  await page.goto(env.srv.url);
  await newSampleDraft(page);
  // Last year's district edits: one task reworded, one marked 不适用.
  const t5 = row(page, "5.").getByTestId("row-text");
  await t5.fill("本区版本：常态化开展定期研判。");
  await row(page, "2.").click();
  await page.getByTestId("na-reason").fill("本区已完成");
  await page.getByTestId("mark-na").click();
  await page.waitForTimeout(600);
  await page.getByText("返回列表").click();

  await page.getByTestId("new-year").click();
  const city2025 = seed("001").replaceAll("2024年", "2025年").replace("抓好蓄水保水。", "抓好蓄水保水，开展病险水库安全鉴定。");
  await page.getByTestId("yearly-paste").fill(city2025);
  await page.getByTestId("yearly-run").click();
  await page.getByTestId("yearly-result").waitFor();
  assert.match(await page.getByTestId("yearly-summary").textContent(), /改写 [1-9]/);
  const proposals = page.getByTestId("proposal");
  assert.ok((await proposals.count()) > 30, "units carried for every matched task");
  assert.ok((await proposals.filter({ hasText: "保留本区修改" }).count()) === 1);
  assert.ok((await proposals.filter({ hasText: "沿用不适用" }).count()) === 1);
  await page.screenshot({ path: screenshotPath("yearly") });
  // Reject keeping the 不适用 mark.
  await proposals.filter({ hasText: "沿用不适用" }).locator("input").uncheck();
  await page.getByTestId("yearly-create").click();
  await page.getByTestId("editor").waitFor();
  assert.equal(await page.getByTestId("draft-title").textContent(), "2025年全区安全生产与防灾减灾救灾工作要点");
  assert.equal(await row(page, "5.").getByTestId("row-text").inputValue(), "本区版本：常态化开展定期研判。");
  assert.match(await row(page, "8.").getByTestId("row-text").inputValue(), /开展病险水库安全鉴定/);
  assert.match(await row(page, "8.").getByTestId("row-units").textContent(), /牵头各镇街/);
  assert.notEqual(await row(page, "2.").getAttribute("class"), null);
  assert.doesNotMatch(await row(page, "2.").getAttribute("class"), /not-applicable/);
  await page.getByText("返回列表").click();
  assert.equal(await page.getByTestId("draft-row").count(), 2);
  assert.deepEqual(errors, []);
  await context.close();
});
