// A static server for dist/ (no dependencies), like a district's intranet server: the browser
// tests use `serveDir` to serve dist/ under a subfolder. `node tests/e2e/serve.mjs` serves the
// built dist/ at http://127.0.0.1:8080/ (for development, `trunk serve` rebuilds on save).
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".config": "application/xml",
};

/** Serve `root` at `prefix` on 127.0.0.1:`port` (0: any free port). With `gzip`, text and
 * wasm go out gzip-compressed to browsers that accept it, as a server configured for it does. */
export async function serveDir(root, prefix = "/", port = 0, { gzip = false } = {}) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404).end("outside the app folder");
      return;
    }
    const rel = decodeURIComponent(url.pathname.slice(prefix.length)) || "index.html";
    const file = path.join(root, rel);
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end("not found");
      return;
    }
    const headers = {
      "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
      // Hashed folders never change; the fixed names must be checked on every load.
      "cache-control": rel.startsWith("app-") ? "public, max-age=31536000, immutable" : "no-cache",
    };
    if (gzip && /\.(html|js|css|wasm|svg)$/.test(file) && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
      res.writeHead(200, { ...headers, "content-encoding": "gzip", vary: "accept-encoding" });
      res.end(zlib.gzipSync(fs.readFileSync(file), { level: 9 }));
      return;
    }
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(port, "127.0.0.1", r));
  const { port: bound } = server.address();
  return { server, origin: `http://127.0.0.1:${bound}`, url: `http://127.0.0.1:${bound}${prefix}` };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = path.resolve(import.meta.dirname, "../..", "dist");
  const { url } = await serveDir(root, "/", Number(process.env.PORT ?? 8080));
  console.log(`要点 is served at ${url} (Ctrl+C stops)`);
}
