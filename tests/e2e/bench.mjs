// Browser benchmark: prints figures, asserts nothing. Run with `make bench-browser`.
// Measures, in headless Chromium against the release dist/: time to the first render of the
// built-in sample (navigation start → plan title in the DOM), and the transfer sizes.
import { serve, launch, openPage } from "./harness.mjs";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { DIST } from "./harness.mjs";

const srv = await serve();
const browser = await launch();
const runs = [];
for (let i = 0; i < 5; i++) {
  const { page, context } = await openPage(browser);
  await page.goto(srv.url);
  await page.getByTestId("plan-title").waitFor();
  const ms = await page.evaluate(() => performance.now());
  runs.push(ms);
  await context.close();
}
runs.sort((a, b) => a - b);
console.log(`first render of the sample plan: median ${runs[2].toFixed(0)} ms (min ${runs[0].toFixed(0)}, max ${runs[4].toFixed(0)})`);
for (const f of fs.readdirSync(DIST)) {
  if (!/\.(wasm|js|css)$/.test(f)) continue;
  const bytes = fs.readFileSync(path.join(DIST, f));
  console.log(`${f}: ${bytes.length} bytes, ${zlib.gzipSync(bytes, { level: 9 }).length} gzip`);
}
await browser.close();
srv.server.close();
