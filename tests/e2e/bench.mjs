// Browser benchmark: prints figures, asserts nothing. Run with `make bench-browser`
// (`node tests/e2e/bench.mjs slow-link`: the slow-link figures only; `… progress`: the 进度
// scenario only, a 300-task plan with 60 units after three rounds).
// A synthetic plan of 1000 tasks (generated here as document text, imported by pasting, so
// the real path is measured) in headless Chromium against the release dist/:
//   first render of the outline (click → rows on the page and the next frame painted),
//   reopening the draft after a reload, a keystroke in a task title (handler and next frame),
//   moving a task (renumbering), tab switches, autosave; and the transfer sizes.
// And loading on a slow link (Chromium's network emulation, cache off): the time until the
// start page is usable, and the first click on 新建草稿 after 5 s on the start page.
import { serve, launch, openPage, DIST, PREFIX } from "./harness.mjs";
import { synthetic } from "./fixtures.mjs";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

async function measure(browser, url, tasks) {
  const { page, context, errors } = await openPage(browser);
  await page.goto(url);
  await page.getByTestId("new-draft").click();
  await page.getByTestId("paste-area").fill(synthetic(tasks));
  let t = performance.now();
  await page.getByTestId("parse-paste").click();
  await page.getByTestId("parse-summary").waitFor();
  const parseMs = performance.now() - t;
  await page.getByTestId("confirm-template").click();
  await page.getByTestId("doc-data-next").click();
  t = performance.now();
  await page.getByTestId("create-draft-plain").click();
  await page.getByTestId("edit-row").first().waitFor();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))));
  const renderMs = performance.now() - t;
  // Keystrokes: the input handler, and the time to the next frame.
  const typing = await page.evaluate(async () => {
    const input = document.querySelectorAll('[data-testid="row-title"]')[5];
    input.focus();
    const handler = [];
    const frame = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      input.value += "字";
      input.dispatchEvent(new Event("input", { bubbles: true }));
      handler.push(performance.now() - t0);
      await new Promise((r) => requestAnimationFrame(() => r()));
      frame.push(performance.now() - t0);
    }
    const med = (a) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)];
    return { handler: med(handler), frame: med(frame), max: Math.max(...handler) };
  });
  // Moving a task (Alt+↓) and inserting one near the top (every later number changes).
  const key = async (k) => {
    const times = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      document.activeElement.dispatchEvent(new KeyboardEvent("keydown", { key: k, altKey: k !== "Enter", bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      times.push(performance.now() - t0);
    }
    return times.sort((a, b) => a - b)[2];
  };
  await page.getByTestId("row-title").nth(5).focus();
  const move = await page.evaluate(key, "ArrowDown");
  await page.getByTestId("row-title").nth(3).focus();
  const insert = await page.evaluate(key, "Enter");
  await page.waitForTimeout(800);
  // Tab switches: click → the view rendered and the next frame painted (median of 3 rounds).
  const tabs = await page.evaluate(async () => {
    const ids = ["tab-document", "tab-tasks", "tab-byunit", "tab-compare", "tab-units", "tab-feedback", "tab-problems", "tab-outline"];
    const all = {};
    for (let round = 0; round < 3; round++) {
      for (const id of ids) {
        const t0 = performance.now();
        document.querySelector(`[data-testid="${id}"]`).click();
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
        (all[id] ??= []).push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    return Object.fromEntries(Object.entries(all).map(([k, v]) => [k.slice(4), v.sort((a, b) => a - b)[1]]));
  });
  // The autosave of the edits above, read before the reload clears the page's timings.
  await page.waitForFunction(() => window.__yaodian_timings?.autosave !== undefined, null, { timeout: 5000 }).catch(() => {});
  const autosave = await page.evaluate(() => window.__yaodian_timings?.autosave);
  // Reopening the draft after a reload: click in the draft list → rows painted.
  await page.reload();
  await page.getByTestId("draft-row").first().waitFor();
  t = performance.now();
  await page.getByTestId("draft-row").first().getByRole("button").first().click();
  await page.getByTestId("edit-row").first().waitFor();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))));
  const reopenMs = performance.now() - t;
  // Exports in the worker (the first one also loads the worker).
  const exportMs = {};
  for (const [id, key] of [["export-docx", "docx"], ["export-docx", "docx"], ["export-xlsx", "xlsx"]]) {
    await page.getByTestId("export-menu").click();
    await Promise.all([page.waitForEvent("download"), page.getByTestId(id).click()]);
    const t = await page.evaluate(() => window.__yaodian_timings ?? {});
    (exportMs[key] ??= []).push([t[`export_${key}_worker`], t[`export_${key}_total`]]);
  }
  const size = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("yaodian.draft.")).map((k) => localStorage.getItem(k).length)[0]);
  await context.close();
  return { exportMs, parseMs, renderMs, reopenMs, tabs, typing, move, insert, autosave, size, errors };
}

/** In the page: click `testid` and wait (each frame) for `until` to appear; ms in between. */
async function clickToScreen(page, testid, until) {
  return page.evaluate(
    ([testid, until]) =>
      new Promise((resolve) => {
        const t0 = performance.now();
        document.querySelector(`[data-testid="${testid}"]`).click();
        const check = () => (document.querySelector(`[data-testid="${until}"]`) ? resolve(performance.now() - t0) : requestAnimationFrame(check));
        check();
      }),
    [testid, until],
  );
}

/** A fresh page on an emulated link (Mbit/s down and up, ms round trip), HTTP cache off. */
async function slowLink(browser, url, mbps, latency) {
  const { page, context, errors } = await openPage(browser);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const bytes = (mbps * 1e6) / 8;
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency, downloadThroughput: bytes, uploadThroughput: bytes });
  await page.goto(url, { waitUntil: "commit" });
  // Usable: the start page's buttons are rendered (the wasm runs); ms since navigation start.
  await page.waitForFunction(() => document.querySelector('[data-testid="new-draft"]'), null, { polling: "raf", timeout: 60000 });
  const usable = await page.evaluate(() => performance.now());
  await page.waitForTimeout(5000);
  const click = await clickToScreen(page, "new-draft", "use-sample");
  await context.close();
  return { usable, click, errors };
}

/** 300 tasks in groups of ten, 60 units (lead i % 60, two cooperating), deadlines cycling,
 * as document text (the same plan as the native `tracking` bench). */
function progressPlan() {
  const deadlines = ["3月底前", "6月底前", "9月底前", "年底前", "每季度末", "长期坚持", "汛期前"];
  const cn = "一二三四五六七八九十";
  const lines = ["2025年全区安全生产与防灾减灾救灾工作要点", "一、重点任务"];
  for (let i = 0; i < 300; i++) {
    if (i % 10 === 0) {
      const g = i / 10 + 1;
      const name = g <= 10 ? cn[g - 1] : g < 20 ? "十" + cn[g - 11] : cn[Math.floor(g / 10) - 1] + "十" + (g % 10 ? cn[(g % 10) - 1] : "");
      lines.push(`（${name}）第${g}组重点工作`);
    }
    lines.push(`${i + 1}．推进第${i + 1}项工作。完善工作机制，确保任务按期完成。（责任单位：区第${(i % 60) + 1}局，区第${((i + 7) % 60) + 1}局、区第${((i + 13) % 60) + 1}局；完成时限：${deadlines[i % 7]}）`);
  }
  return lines.join("\n");
}

/** The 进度 scenario: a 300-task, 60-unit plan issued, three quarterly rounds imported (every
 * unit answering every task in one Yaodian file), then: opening the 进度 tab, switching the
 * period, importing the fourth round, and the 通报 / 台账 exports. */
async function progressBench(browser, url) {
  const { page, context, errors } = await openPage(browser, { viewport: { width: 1366, height: 900 } });
  await page.goto(url);
  await page.getByTestId("new-draft").click();
  await page.getByTestId("paste-area").fill(progressPlan());
  await page.getByTestId("parse-paste").click();
  await page.getByTestId("confirm-template").click();
  await page.getByTestId("doc-data-next").click();
  await page.getByTestId("create-draft-plain").click();
  await page.getByTestId("edit-row").first().waitFor();
  await page.getByTestId("tab-progress").click();
  await page.getByTestId("issue-date").fill("2025-01-20");
  await page.getByTestId("issue-mark").click();
  const statuses = ["推进中", "已完成", "长期推进", "滞后", "未启动"];
  const imports = [];
  let units = 0;
  let tabOpen = [];
  let periodSwitch = [];
  for (let q = 1; q <= 4; q++) {
    if (q === 4) {
      // After three rounds: open the 进度 tab (click → figures painted), three times.
      for (let i = 0; i < 3; i++) {
        await page.getByTestId("tab-tasks").click();
        await page.waitForTimeout(100);
        tabOpen.push(await clickToScreen(page, "tab-progress", "progress-summary"));
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))));
      }
      // Redraw for another period (select → next frame), three times.
      for (const code of ["2025Q2", "2025Q3", "2025Q1"]) {
        periodSwitch.push(
          await page.evaluate(async (code) => {
            const sel = document.querySelector('[data-testid="progress-period"]');
            const t0 = performance.now();
            sel.value = code;
            sel.dispatchEvent(new Event("change", { bubbles: true }));
            await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
            return performance.now() - t0;
          }, code),
        );
      }
    }
    await page.getByTestId("progress-period").selectOption(`2025Q${q}`);
    const [dl] = await Promise.all([page.waitForEvent("download"), page.getByTestId("progress-all-json").click()]);
    const file = JSON.parse(fs.readFileSync(await dl.path(), "utf8"));
    units = file.units.length;
    file.sender = "各单位";
    file.units.forEach((u, ui) =>
      u.tasks.forEach((t, ti) => {
        t.progress = { status: statuses[(ui + ti + q) % 5], progress: `第${q}季度进展：已召开专题会议，完成阶段任务。`, problems: "", next: "继续推进" };
      }),
    );
    const r = await page.evaluate(
      async ([name, text]) => {
        const input = document.querySelector('[data-testid="progress-import"]');
        const dt = new DataTransfer();
        dt.items.add(new File([text], name, { type: "application/json" }));
        input.files = dt.files;
        if (window.__yaodian_timings) delete window.__yaodian_timings.progress_import;
        const t0 = performance.now();
        input.dispatchEvent(new Event("change", { bubbles: true }));
        await new Promise((resolve) => {
          const check = () => (window.__yaodian_timings?.progress_import !== undefined ? resolve() : setTimeout(check, 1));
          check();
        });
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
        return { total: performance.now() - t0, core: window.__yaodian_timings.progress_import, report: document.querySelector('[data-testid="progress-report"]')?.textContent };
      },
      [`第${q}季度.json`, JSON.stringify(file)],
    );
    imports.push(r);
  }
  const exports = {};
  for (const [id, key] of [["export-bulletin", "bulletin"], ["export-bulletin", "bulletin"], ["export-ledger", "ledger"]]) {
    await Promise.all([page.waitForEvent("download"), page.getByTestId(id).click()]);
    const t = await page.evaluate(() => window.__yaodian_timings ?? {});
    (exports[key] ??= []).push([t[`export_${key}_worker`], t[`export_${key}_total`]]);
  }
  const figures = await page.evaluate(() => window.__yaodian_timings?.progress_figures);
  await context.close();
  return { units, imports, tabOpen, periodSwitch, exports, figures, errors };
}

function printProgress(r) {
  const med = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
  console.log(`进度, 300 tasks, ${r.units} units answering, issued, rounds imported one Yaodian file each:`);
  r.imports.forEach((x, i) => console.log(`  import round ${i + 1} (change → figures painted): ${x.total.toFixed(0)} ms (reading and storing ${x.core.toFixed(0)} ms) — ${x.report?.slice(0, 40)}…`));
  console.log(`  after three rounds: open the 进度 tab (click → figures on the page) ${r.tabOpen.map((x) => x.toFixed(0)).join(" / ")} ms, median ${med(r.tabOpen).toFixed(0)}; change the period (→ next frame) ${r.periodSwitch.map((x) => x.toFixed(0)).join(" / ")} ms; figures computed in ${r.figures?.toFixed(1)} ms`);
  const [b1, b2] = r.exports.bulletin;
  const [l1] = r.exports.ledger;
  console.log(`  通报 .docx: first ${b1[1].toFixed(0)} ms click→file (worker load included; ${b1[0].toFixed(0)} ms exporting), again ${b2[1].toFixed(0)} ms (${b2[0].toFixed(0)} ms exporting); 进度台账 .xlsx ${l1[1].toFixed(0)} ms (${l1[0].toFixed(0)} ms exporting)`);
  if (r.errors.length) console.log(`  console errors: ${r.errors.join(" | ")}`);
}

const srv = await serve();
const browser = await launch();
if (process.argv[2] === "progress") {
  printProgress(await progressBench(browser, srv.url));
  await browser.close();
  srv.server.close();
  process.exit(0);
}
// Served as files are (no compression), and by a server that gzips (IIS, nginx with gzip_types).
const gzipped = await serve({ gzip: true });
for (const [label, server] of [["uncompressed", srv], ["gzip", gzipped]]) {
  for (const [mbps, latency] of [[10, 40], [2, 100]]) {
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await slowLink(browser, server.url, mbps, latency));
    const med = (k) => runs.map((r) => r[k]).sort((a, b) => a - b)[1];
    console.log(`slow link ${mbps} Mbit/s, ${latency} ms, ${label} (cache off, median of 3): start page usable ${(med("usable") / 1000).toFixed(2)} s; 新建草稿 after 5 s idle → its screen ${med("click").toFixed(0)} ms`);
    const errors = runs.flatMap((r) => r.errors);
    if (errors.length) console.log(`  console errors: ${errors.join(" | ")}`);
  }
}
gzipped.server.close();
if (process.argv[2] === "slow-link") {
  await browser.close();
  srv.server.close();
  process.exit(0);
}
for (const tasks of [31, 1000]) {
  const r = await measure(browser, srv.url, tasks);
  console.log(`plan of ${tasks} tasks:`);
  console.log(`  paste → parse report shown: ${r.parseMs.toFixed(0)} ms`);
  console.log(`  first render of the outline (create → rows painted): ${r.renderMs.toFixed(0)} ms`);
  console.log(`  reopen after reload (draft list click → rows painted): ${r.reopenMs.toFixed(0)} ms`);
  console.log(`  tab switch (click → next frame, median of 3): ${Object.entries(r.tabs).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(", ")} ms`);
  console.log(`  keystroke in a task title: handler ${r.typing.handler.toFixed(2)} ms (max ${r.typing.max.toFixed(2)}), to next frame ${r.typing.frame.toFixed(1)} ms (median of 30)`);
  console.log(`  move a task (Alt+↓) to next frame: ${r.move.toFixed(1)} ms; insert near the top (Enter, all later numbers change): ${r.insert.toFixed(1)} ms (medians of 5)`);
  console.log(`  autosave (serialise + localStorage): ${(r.autosave ?? NaN).toFixed(1)} ms for ${(r.size / 1024).toFixed(0)} KB`);
  const [d1, d2] = r.exportMs.docx;
  const [x1] = r.exportMs.xlsx;
  console.log(`  export .docx: first ${d1[1].toFixed(0)} ms click→file (worker load included; ${d1[0].toFixed(0)} ms exporting), again ${d2[1].toFixed(0)} ms (${d2[0].toFixed(0)} ms exporting)`);
  console.log(`  export .xlsx: ${x1[1].toFixed(0)} ms click→file (${x1[0].toFixed(0)} ms exporting)`);
  if (r.errors.length) console.log(`  console errors: ${r.errors.join(" | ")}`);
}
// 新年度: two 300-item templates and a 300-task plan, matched and proposed in the browser.
{
  const { page, context } = await openPage(browser);
  await page.goto(srv.url);
  await page.getByTestId("new-draft").click();
  await page.getByTestId("paste-area").fill(synthetic(300));
  await page.getByTestId("parse-paste").click();
  await page.getByTestId("confirm-template").click();
  await page.getByTestId("doc-data-next").click();
  await page.getByTestId("create-draft-plain").click();
  await page.getByTestId("edit-row").first().waitFor();
  await page.waitForTimeout(600);
  await page.getByText("返回列表").click();
  await page.getByTestId("new-year").click();
  const next = synthetic(300)
    .split("\n")
    .filter((_, i) => i % 10 !== 7)
    .map((l, i) => (i % 5 === 0 ? l + "并开展年度评估。" : l))
    .join("\n");
  await page.getByTestId("yearly-paste").fill(next);
  const t = performance.now();
  await page.getByTestId("yearly-run").click();
  await page.getByTestId("yearly-result").waitFor();
  const total = performance.now() - t;
  const timings = await page.evaluate(() => window.__yaodian_timings ?? {});
  console.log(`new year's draft, 300-item templates and a 300-task plan: matching and proposals ${timings.yearly_propose?.toFixed(0)} ms (click → proposals shown ${total.toFixed(0)} ms, parsing the pasted template included)`);
  await context.close();
}
printProgress(await progressBench(browser, srv.url));
// Bundle: what the start page really fetched before its first paint, and every file in dist/.
const gz = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
{
  const { page, requests, context } = await openPage(browser);
  await page.goto(srv.url);
  await page.getByTestId("draft-list").waitFor();
  const fetched = [...new Set(requests)].map((u) => path.join(DIST, decodeURIComponent(new URL(u).pathname.slice(PREFIX.length)) || "index.html"));
  const first = fetched.filter((f) => fs.existsSync(f)).reduce((sum, f) => sum + gz(f), 0);
  console.log(`first paint (the start page's own requests): ${kb(first)} gzip — ${fetched.map((f) => path.basename(f)).join(", ")}`);
  await context.close();
}
const files = fs.readdirSync(DIST, { recursive: true }).map((f) => path.join(DIST, f)).filter((f) => fs.statSync(f).isFile() && !f.endsWith("web.config"));
for (const f of files.filter((f) => /\.(wasm|js|css)$/.test(f))) console.log(`  ${path.relative(DIST, f)}: ${fs.statSync(f).size} bytes, ${gz(f)} gzip`);
console.log(`everything the app can load: ${kb(files.reduce((sum, f) => sum + gz(f), 0))} gzip`);
await browser.close();
srv.server.close();
