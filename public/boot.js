// Loads the app. Kept out of index.html so the Content-Security-Policy needs no inline script.
const tag = document.querySelector("script[data-js][data-wasm]");
const { default: init } = await import(new URL(tag.dataset.js, document.baseURI).href);
await init({ module_or_path: new URL(tag.dataset.wasm, document.baseURI).href });
