// Exports from the browser: the export worker starts on first use and loads the app's chunk
// with the exporters (a missing worker or chunk is explained, nothing changes), and the downloads are
// real files with Chinese names: .docx (GB/T 9704), .xlsx, .csv with BOM, Markdown, and one
// unit's slice.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { openPage, foreignRequests, screenshotPath, useBrowser } from "./harness.mjs";
import { newSampleDraft, row, unzip } from "./fixtures.mjs";

const env = useBrowser();

async function download(page, testid) {
  await page.getByTestId("export-menu").click();
  const [dl] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testid).click()]);
  return { name: dl.suggestedFilename(), bytes: fs.readFileSync(await dl.path()) };
}

test("exports: worker on first use, .docx .xlsx .csv .md with Chinese names, a unit's slice", async () => {
  const { page, requests, errors, context } = await openPage(env.browser);
  await page.goto(env.srv.url);
  await newSampleDraft(page);
  await row(page, "1.").getByTestId("row-title").fill("推行“333”工作法");
  assert.ok(!requests.some((u) => u.endsWith("/worker.js")), "the worker is not started before the first export");
  const chunkLoads = () => requests.filter((u) => u.endsWith("/split_screens.wasm")).length;
  assert.equal(chunkLoads(), 1, "the page loaded the screens chunk once");

  const docx = await download(page, "export-docx");
  assert.equal(docx.name, "2024年全区安全生产与防灾减灾救灾工作要点.docx");
  const d = await unzip(docx.bytes);
  const xml = d["word/document.xml"].toString();
  assert.match(xml, /<w:pgSz w:w="11906" w:h="16838"\/>/);
  assert.match(xml, /1\.推行“333”工作法。/);
  assert.match(xml, /w:eastAsia="方正小标宋简体"/);
  assert.ok(requests.some((u) => u.endsWith("/worker.js")), "the worker was started now");
  assert.equal(chunkLoads(), 2, "the worker loaded the chunk with the exporters now");

  const tableDownload = await download(page, "export-docx-table");
  assert.equal(tableDownload.name, "2024年全区安全生产与防灾减灾救灾工作要点（附任务清单）.docx", "the two Word exports never share a name");
  const withTable = await unzip(tableDownload.bytes);
  assert.match(withTable["word/document.xml"].toString(), /<w:tblHeader\/>/);
  assert.match(withTable["word/document.xml"].toString(), /<w:vMerge w:val="restart"\/>/, "group cells merged vertically");

  const xlsx = await download(page, "export-xlsx");
  assert.equal(xlsx.name, "2024年全区安全生产与防灾减灾救灾工作要点.xlsx");
  const x = await unzip(xlsx.bytes);
  assert.match(x["xl/workbook.xml"].toString(), /<sheet name="任务清单"/);
  assert.match(x["xl/worksheets/sheet1.xml"].toString(), /state="frozen"/);

  const csv = await download(page, "export-csv");
  assert.equal(csv.name, "2024年全区安全生产与防灾减灾救灾工作要点.csv");
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.match(csv.bytes.toString(), /"1\.","推行“333”工作法"/);

  const md = await download(page, "export-md");
  assert.equal(md.name, "2024年全区安全生产与防灾减灾救灾工作要点.md");
  assert.match(md.bytes.toString(), /^万盛经开发〔2024〕8号/);

  await page.getByTestId("tab-byunit").click();
  const card = page.getByTestId("unit-card").filter({ hasText: "党工委党校" });
  await card.locator("summary").click();
  const [dl] = await Promise.all([page.waitForEvent("download"), card.getByTestId("unit-export-xlsx").click()]);
  assert.equal(dl.suggestedFilename(), "2024年全区安全生产与防灾减灾救灾工作要点（党工委党校）.xlsx");
  const ux = await unzip(fs.readFileSync(await dl.path()));
  assert.match(ux["xl/workbook.xml"].toString(), /<sheet name="党工委党校"/);
  const [dl2] = await Promise.all([page.waitForEvent("download"), card.getByTestId("unit-export-docx").click()]);
  assert.equal(dl2.suggestedFilename(), "2024年全区安全生产与防灾减灾救灾工作要点（党工委党校）.docx");
  assert.match((await unzip(fs.readFileSync(await dl2.path())))["word/document.xml"].toString(), /党工委党校承担的任务（共 1 项）/);

  await page.getByTestId("tab-outline").click();
  await page.getByTestId("export-menu").click();
  await page.screenshot({ path: screenshotPath("export-menu") });
  assert.deepEqual(errors, []);
  assert.deepEqual(foreignRequests(requests, env.srv.origin), []);
  await context.close();
});

/** With `file` answering 404, the first export ends in a banner matching `message`; the draft stays. */
async function exportWithout(file, message) {
  const { page, context } = await openPage(env.browser);
  await page.goto(env.srv.url);
  await newSampleDraft(page);
  await page.route(`**/${file}`, (r) => r.fulfill({ status: 404, body: "" }));
  await page.getByTestId("export-menu").click();
  await page.getByTestId("export-docx").click();
  const banner = page.getByTestId("banner").last();
  await banner.waitFor();
  assert.match(await banner.textContent(), message);
  assert.equal(await page.getByTestId("edit-row").count(), 49);
  await context.close();
}

test("a missing export worker gives a clear message and changes nothing", () =>
  exportWithout("worker.js", /导出失败：导出组件加载失败/));

test("a chunk the worker cannot load gives a clear message and changes nothing", () =>
  exportWithout("split_screens.wasm", /导出失败：程序的一部分没能载入.*请刷新页面后重试/));
