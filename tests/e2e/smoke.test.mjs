// Foundation: the release dist/ loads from a subfolder of a static server, shows the start
// page and the built-in sample plan, logs no console errors (a broken wasm-opt output fails here, at instantiation),
// and makes no request to any other origin. The first paint loads the shell only: every other
// screen is a chunk, fetched in the background once the start page is shown (or on first use),
// and a chunk that fails to load is explained.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { openPage, screenshotPath, foreignRequests, DIST, useBrowser } from "./harness.mjs";

const env = useBrowser();

test("dist uses only relative URLs", () => {
  const html = fs.readFileSync(path.join(DIST, "index.html"), "utf8");
  // trunk minifies the page: attribute values may be unquoted.
  const refs = [...html.matchAll(/(?:src|href)=["']?([^"'\s>]+)/g)].map((m) => m[1]);
  assert.ok(refs.length > 0);
  for (const r of refs) assert.ok(!r.startsWith("/") && !/^https?:/.test(r), `absolute URL in index.html: ${r}`);
  assert.ok(!/<script(?![^>]*\bsrc=)[^>]*>/.test(html), "no inline script (CSP)");
  assert.ok(fs.existsSync(path.join(DIST, "web.config")), "web.config for IIS");
});

test("start page, then the built-in sample plan; no errors, no foreign requests", async () => {
  const { page, requests, errors, context } = await openPage(env.browser);
  // When the start page appeared (injected by the test, so the page's CSP does not apply).
  await page.addInitScript(() => {
    new MutationObserver((_, obs) => {
      if (document.querySelector('[data-testid="no-drafts"]')) {
        window.__startShown = performance.now();
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(env.srv.url, { waitUntil: "load" });
  assert.match(await page.getByTestId("app-header").textContent(), /要点/);
  await page.getByTestId("no-drafts").waitFor({ timeout: 20000 });
  await page.screenshot({ path: screenshotPath("start") });
  // The chunk comes after the start page is shown, in the background, before any click.
  await page.waitForFunction(() => performance.getEntriesByType("resource").some((e) => e.name.endsWith("/split_screens.wasm")));
  const order = await page.evaluate(() => {
    const at = (name) => performance.getEntriesByType("resource").find((e) => e.name.endsWith(name)).startTime;
    return { shown: window.__startShown, main: at("/yaodian_bg.wasm"), chunk: at("/split_screens.wasm") };
  });
  assert.ok(order.main < order.shown, "the main wasm loads before the start page is shown");
  assert.ok(order.chunk > order.shown, `the chunk is fetched after the start page is shown (${JSON.stringify(order)})`);
  const wasm = requests.filter((u) => u.endsWith(".wasm")).map((u) => u.split("/").pop());
  // The screens chunk and the part it shares with the readers' chunk (chunk_N.wasm, named by
  // wasm-split-cli); the readers themselves (.doc, PDF, OFD, .xlsx) only when such a file is opened.
  assert.deepEqual(wasm.map((w) => w.replace(/^chunk_\d+\.wasm$/, "chunk_N.wasm")).sort(), ["chunk_N.wasm", "split_screens.wasm", "yaodian_bg.wasm"], "the main wasm, the screens chunk and its shared part, once each");
  assert.equal(wasm[0], "yaodian_bg.wasm", "the main wasm first");
  await page.getByTestId("new-draft").click();
  await page.getByTestId("use-sample").click();
  const title = page.getByTestId("plan-title");
  await title.waitFor();
  assert.equal(await title.textContent(), "2024年全区安全生产与防灾减灾救灾工作要点");
  const rows = page.getByTestId("outline-row");
  assert.ok((await rows.count()) >= 31 + 12 + 4, "outline lists headings and all 31 tasks");
  assert.match(await page.getByTestId("parse-summary").textContent(), /任务 31 项/);
  await page.screenshot({ path: screenshotPath("sample-preview") });
  await page.waitForTimeout(300);
  assert.deepEqual(errors, [], "console errors");
  assert.deepEqual(foreignRequests(requests, env.srv.origin), [], "requests to other origins");
  assert.ok(requests.some((u) => u.endsWith(".wasm")), "the wasm was fetched from the local server");
  await context.close();
});

test("a screen whose chunk cannot be fetched: a clear message, the draft list stays", async () => {
  const { page, context } = await openPage(env.browser);
  await page.route("**/split_screens.wasm", (r) => r.fulfill({ status: 404, body: "" }));
  await page.goto(env.srv.url);
  await page.getByTestId("new-draft").click();
  const banner = page.getByTestId("banner").first();
  await banner.waitFor();
  assert.match(await banner.textContent(), /程序的一部分没能载入.*请刷新页面后重试，草稿不受影响/);
  await page.getByTestId("no-drafts").waitFor();
  // Once the file is back (e.g. after the server came back), the same click works.
  await page.unroute("**/split_screens.wasm");
  await page.getByTestId("new-draft").click();
  await page.getByTestId("use-sample").waitFor();
  await context.close();
});
