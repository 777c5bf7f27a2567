// Shared browser-test harness: a static server for dist/ (under a subfolder, like an intranet
// deployment) and headless Debian Chromium driven by playwright-core. Records every request
// and every console error so tests can assert "no network beyond our files, no errors".
import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { serveDir } from "./serve.mjs";
import { before, after } from "node:test";

const ROOT = path.resolve(import.meta.dirname, "../..");
export const DIST = path.join(ROOT, "dist");
export const SHOTS = path.join(ROOT, "target", "screenshots");
export const PREFIX = "/tools/yaodian/";

/** Serve dist/ at http://127.0.0.1:PORT/tools/yaodian/ (`{ gzip: true }`: compressed). */
export async function serve(opts) {
  return serveDir(DIST, PREFIX, 0, opts);
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-default-apps",
      "--disable-domain-reliability",
    ],
  });
}

/** A page that records requests and console errors. */
export async function openPage(browser, opts = {}) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true, ...opts });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  return { context, page, requests, errors };
}

export function screenshotPath(name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  return path.join(SHOTS, `${name}.png`);
}

/** Requests that left the local server (data: and blob: URLs are local by nature). */
export function foreignRequests(requests, origin) {
  return requests.filter((u) => !u.startsWith(origin + "/") && !u.startsWith("data:") && !u.startsWith("blob:"));
}

/** For a test file: one static server and one browser, started before and closed after. */
export function useBrowser() {
  const env = {};
  before(async () => {
    env.srv = await serve();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    env.srv?.server.close();
  });
  return env;
}
