// The export worker: runs the app's own wasm (cached already). Its main() sees a worker and
// answers export requests; the exporters are a chunk it fetches on the first request.
import init from "./yaodian.js";
await init({ module_or_path: new URL("yaodian_bg.wasm", import.meta.url) });
