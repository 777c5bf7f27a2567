// Profiling aid (not a test): Alt+↓ in a 1000-task plan, split into the edit and the rest,
// and a CPU profile of the moves through Chromium's DevTools protocol (`node tests/e2e/prof-move.mjs [out.cpuprofile]`).
import { serve, launch, openPage, PREFIX } from "./harness.mjs";
import { serveDir } from "./serve.mjs";
import { synthetic } from "./fixtures.mjs";
import fs from "node:fs";

// PROFDIST=dir serves another build (e.g. one whose wasm kept its names).
const srv = process.env.PROFDIST ? await serveDir(process.env.PROFDIST, PREFIX, 0) : await serve();
const browser = await launch();
const { page, context } = await openPage(browser);
await page.goto(srv.url);
await page.getByTestId("new-draft").click();
await page.getByTestId("paste-area").fill(synthetic(1000));
await page.getByTestId("parse-paste").click();
await page.getByTestId("confirm-template").click();
await page.getByTestId("doc-data-next").click();
await page.getByTestId("create-draft-plain").click();
await page.getByTestId("edit-row").first().waitFor();
await page.waitForTimeout(1000);
await page.getByTestId("row-title").nth(5).focus();
const cdp = await context.newCDPSession(page);
const traceEvents = [];
cdp.on("Tracing.dataCollected", (e) => traceEvents.push(...e.value));
const traced = new Promise((r) => cdp.once("Tracing.tracingComplete", r));
await cdp.send("Tracing.start", { categories: "devtools.timeline,blink", transferMode: "ReportEvents" });
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
await cdp.send("Profiler.start");
const r = await page.evaluate(async () => {
  const all = [];
  for (let i = 0; i < 9; i++) {
    const t0 = performance.now();
    document.activeElement.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", altKey: true, bubbles: true }));
    const handler = performance.now() - t0;
    const edit = window.__yaodian_timings?.structural_edit;
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    all.push({ total: performance.now() - t0, handler, edit });
  }
  return all;
});
const { profile } = await cdp.send("Profiler.stop");
await cdp.send("Tracing.end");
await traced;
// Rendering work by kind (complete events on the main thread), over the 9 moves.
const byName = new Map();
for (const e of traceEvents) {
  if (e.ph === "X" && ["Layout", "UpdateLayoutTree", "Paint", "RecalculateStyles", "PrePaint", "Layerize", "ScheduleStyleRecalculation", "HitTest", "FunctionCall", "EventDispatch", "FireAnimationFrame", "TimerFire", "UpdateLayerTree"].includes(e.name)) {
    byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur / 1000);
  }
}
console.log("trace (ms over 9 moves):", [...byName].map(([k, v]) => `${k} ${v.toFixed(0)}`).join(", "));
// The main thread: the one that ran the page's scripts.
const counts = new Map();
for (const e of traceEvents) if (e.name === "FunctionCall") counts.set(`${e.pid}/${e.tid}`, (counts.get(`${e.pid}/${e.tid}`) ?? 0) + 1);
const mainKey = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
const top = new Map();
for (const e of traceEvents) if (e.ph === "X" && `${e.pid}/${e.tid}` === mainKey && e.tdur) top.set(e.name, (top.get(e.name) ?? 0) + e.tdur / 1000 / 9);
// Thread time per move by trace event (TOP=1), what machine load inflates least.
if (process.env.TOP) console.log([...top].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `${v.toFixed(1)} ${k}`).join("\n"));
const layouts = traceEvents.filter((e) => e.ph === "X" && e.name === "Layout");
console.log("layouts:", layouts.length, "longest", Math.max(...layouts.map((e) => e.dur / 1000)).toFixed(1), "ms; dirty objects:", layouts.slice(0, 12).map((e) => e.args?.beginData?.dirtyObjects ?? "?").join(","));
if (process.argv[2]) fs.writeFileSync(process.argv[2], JSON.stringify(profile));
const med = (k) => r.map((x) => x[k]).sort((a, b) => a - b)[4];
console.log(`Alt+↓ (median of 9): to next frame ${med("total").toFixed(1)} ms, keydown handler ${med("handler").toFixed(1)} ms, of which the edit ${med("edit").toFixed(1)} ms`);
// Self time by function from the profile.
const self = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas;
profile.samples.forEach((id, i) => {
  const n = byId.get(id);
  const name = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").pop()}:${n.callFrame.lineNumber}`;
  self.set(name, (self.get(name) ?? 0) + (dt[i] ?? 0) / 1000);
});
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(v.toFixed(1).padStart(8), "ms", k);
await context.close();
await browser.close();
srv.close?.();
process.exit(0);
