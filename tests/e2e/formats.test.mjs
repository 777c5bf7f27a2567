// The formats documents come in, end to end in headless Chromium: a .doc and a PDF (made by
// LibreOffice from seed 001's .docx, see tests/fixtures/README.md) dropped onto the new-draft
// page show the same preview as the .docx, so does a permission-only PDF (encrypted with an
// owner password only); a workbook with several task lists asks which sheet; a scanned file
// and a PDF with an open password say so and change nothing.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { openPage, screenshotPath, foreignRequests, useBrowser } from "./harness.mjs";

const env = useBrowser();
const FIXTURES = path.resolve(import.meta.dirname, "../fixtures");
const fixture = (name) => fs.readFileSync(path.join(FIXTURES, name));

async function newDraftPage() {
  const s = await openPage(env.browser);
  await s.page.goto(env.srv.url);
  await s.page.getByTestId("new-draft").click();
  await s.page.getByTestId("drop-zone").waitFor();
  return s;
}

async function drop(page, name, bytes) {
  const handle = await page.evaluateHandle(
    ([name, bytes]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], name));
      return dt;
    },
    [name, [...bytes]],
  );
  await page.getByTestId("drop-zone").dispatchEvent("drop", { dataTransfer: handle });
}

for (const name of ["seed001.doc", "seed001.pdf", "seed001-owner-aes-256.pdf"]) {
  test(`a dropped ${name} shows the same preview as the .docx`, async () => {
    const { page, errors, requests, context } = await newDraftPage();
    const readers = () => requests.filter((u) => u.endsWith("/split_readers.wasm")).length;
    assert.equal(readers(), 0, "the readers' chunk is not loaded before such a file is opened");
    await drop(page, `市里文件${path.extname(name)}`, fixture(name));
    assert.match(await page.getByTestId("parse-summary").textContent(), /任务 31 项/);
    assert.equal(await page.getByTestId("plan-title").textContent(), "2024年全区安全生产与防灾减灾救灾工作要点");
    const preview = await page.getByTestId("preview").textContent();
    assert.match(preview, /推行“333”工作策略/);
    assert.doesNotMatch(preview, /— \d+ —/, "no page numbers in the text");
    assert.equal(readers(), 1, "the readers' chunk is loaded once, when the file is opened");
    await page.screenshot({ path: screenshotPath(`import-${name.replaceAll(".", "-")}`) });
    // On to the document data: the template is usable.
    await page.getByTestId("confirm-template").click();
    await page.getByTestId("doc-year").waitFor();
    assert.deepEqual(errors, []);
    assert.deepEqual(foreignRequests(requests, env.srv.origin), []);
    await context.close();
  });
}

test("the file chooser accepts the new formats", async () => {
  const { page, context } = await newDraftPage();
  const accept = await page.getByTestId("template-file").getAttribute("accept");
  for (const ext of [".doc", ".wps", ".pdf", ".ofd", ".xlsx", ".docx"]) assert.ok(accept.split(",").includes(ext), ext);
  await page.getByTestId("template-file").setInputFiles({ name: "市里文件.doc", mimeType: "application/msword", buffer: fixture("seed001.doc") });
  assert.match(await page.getByTestId("parse-summary").textContent(), /任务 31 项/);
  await context.close();
});

test("a document opened from the start page goes on to 新建草稿 with its preview", async () => {
  const { page, errors, context } = await openPage(env.browser);
  await page.goto(env.srv.url);
  const accept = await page.getByTestId("open-json-input").getAttribute("accept");
  for (const ext of [".json", ".doc", ".pdf", ".docx"]) assert.ok(accept.split(",").includes(ext), ext);
  await page.getByTestId("open-json-input").setInputFiles({ name: "市里文件.pdf", mimeType: "application/pdf", buffer: fixture("seed001.pdf") });
  await page.getByTestId("new-draft-page").waitFor();
  assert.match(await page.getByTestId("parse-summary").textContent(), /任务 31 项/);
  assert.equal(await page.getByTestId("plan-title").textContent(), "2024年全区安全生产与防灾减灾救灾工作要点");
  // No "not a plan file" banner: the document was taken as a template.
  assert.equal(await page.getByTestId("banner").count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a workbook with several task lists asks which sheet to import", async () => {
  const { page, errors, context } = await newDraftPage();
  await drop(page, "任务分工.xlsx", fixture("seed001-tasks.xlsx"));
  const choices = page.getByTestId("sheet-choice");
  await page.getByTestId("sheet-picker").waitFor();
  const names = await choices.allTextContents();
  assert.equal(names[0], "任务清单");
  assert.ok(names.includes("应急局"), names.join(","));
  await choices.filter({ hasText: /^任务清单$/ }).click();
  assert.match(await page.getByTestId("parse-summary").textContent(), /任务 31 项/);
  assert.equal(await page.getByTestId("sheet-picker").count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a scanned file says there is no text and keeps the page as it was", async () => {
  const { page, context } = await newDraftPage();
  await drop(page, "扫描件.ofd", fixture("scanned.ofd"));
  assert.match(await page.getByTestId("import-error").textContent(), /扫描件/);
  await page.getByTestId("paste-area").waitFor();
  await context.close();
});

test("a PDF with an open password says so and keeps the page as it was", async () => {
  const { page, errors, context } = await newDraftPage();
  await drop(page, "加密文件.pdf", fixture("seed001-userpw.pdf"));
  assert.match(await page.getByTestId("import-error").textContent(), /打开密码/);
  await page.getByTestId("paste-area").waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("a PDF's task table comes in as table rows with their units", async () => {
  const { page, errors, context } = await newDraftPage();
  await drop(page, "江北区.pdf", fixture("seed002.pdf"));
  const preview = await page.getByTestId("preview").textContent();
  assert.match(preview, /2021年应急指挥、救援重点工作任务清单/);
  assert.match(preview, /配合市水利部门做好水文站自动化升级改造/);
  assert.match(preview, /区规划自然资源局/);
  assert.doesNotMatch(preview, /二、加强队进一步落实/, "no cells glued across columns");
  await page.screenshot({ path: screenshotPath("import-seed002-pdf-table") });
  assert.deepEqual(errors, []);
  await context.close();
});
