#!/usr/bin/env bash
# Builds dist/ for any static server: cargo → wasm-split-cli (cuts the lazy chunks out of the
# app's wasm at its `wasm_split` points) → wasm-bindgen → wasm-opt, then minifies the
# JavaScript and CSS (scripts/minify.mjs). Every file the app loads
# lives in one folder named after the hash of its contents (dist/app-<hash>/), so an upgrade
# never mixes old and new chunks; only index.html, boot.js and favicon.svg keep fixed names.
# Prints the gzip sizes of the first paint and of everything. Tools come from PATH (Makefile).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-dist}
WORK=target/web
# The features rustc enables for wasm32-unknown-unknown; wasm-opt must accept them.
FEATURES=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)

cargo build --release --target wasm32-unknown-unknown --bin yaodian
rm -rf "$WORK" && mkdir -p "$WORK/split" "$WORK/bindgen" "$WORK/app"
wasm-split-cli target/wasm32-unknown-unknown/release/yaodian.wasm "$WORK/split" --out-name yaodian
wasm-bindgen --target web --keep-lld-exports --no-typescript --out-dir "$WORK/bindgen" "$WORK/split/yaodian.wasm"
wasm-opt -Oz --strip-debug --strip-producers "${FEATURES[@]}" "$WORK/bindgen/yaodian_bg.wasm" -o "$WORK/app/yaodian_bg.wasm"
for f in "$WORK"/split/*.wasm; do
  name=$(basename "$f")
  [ "$name" = yaodian.wasm ] && continue
  wasm-opt -Oz --strip-debug --strip-producers "${FEATURES[@]}" "$f" -o "$WORK/app/$name"
done
cp "$WORK/bindgen/yaodian.js" "$WORK/split/__wasm_split.js" public/worker.js "$WORK/app/"
cp style/main.css "$WORK/app/main.css"
node scripts/minify.mjs "$WORK"/app/*.js "$WORK/app/main.css"

hash=$(cd "$WORK/app" && ls | LC_ALL=C sort | xargs cat | sha256sum | cut -c1-12)
app="app-$hash"
rm -rf "$OUT" && mkdir -p "$OUT/$app"
cp "$WORK"/app/* "$OUT/$app/"
sed "s|{{APP}}|$app|g" index.html > "$OUT/index.html"
cp public/boot.js public/web.config public/favicon.svg "$OUT/"
node scripts/minify.mjs "$OUT/boot.js"

gz() { cat "$@" | gzip -9 | wc -c; }
kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1024 }'; }
first=0
for f in "$OUT/index.html" "$OUT/boot.js" "$OUT/$app/main.css" "$OUT/$app/yaodian.js" "$OUT/$app/yaodian_bg.wasm"; do
  first=$((first + $(gz "$f")))
done
all=0
for f in $(find "$OUT" -type f ! -name web.config); do all=$((all + $(gz "$f"))); done
echo "dist/$app: first paint $(kb $first) gzip (budget 250 KB), everything $(kb $all) gzip (budget 500 KB)"
