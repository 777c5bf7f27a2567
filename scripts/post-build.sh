#!/usr/bin/env bash
# trunk's post_build hook (Trunk.toml): builds the app's wasm into trunk's staging folder.
# cargo → wasm-split-cli (cuts the lazily loaded chunk out of the wasm at its `wasm_split`
# points; this must happen before wasm-bindgen, which is why trunk's own Rust pipeline is not
# used) → wasm-bindgen → wasm-opt, and terser for the JavaScript (names and whitespace only).
# trunk has already written the page, the minified stylesheet and the static files; this hook
# adds the app's files to the app folder, renames it after the hash of its contents
# (app-<hash>/: an upgrade never mixes old and new chunks) and replaces the page's skipped
# `rel="rust"` link with the loader: preload links (the files load in parallel, not one after
# another) and boot.js. Prints the gzip sizes of the first paint and of everything.
# `trunk serve` (debug profile) skips wasm-opt and terser; `--release` is the deployed build.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${TRUNK_STAGING_DIR:?run by trunk: trunk build --release, or trunk serve}"
# wasm-opt must be npm's binaryen 132 (Debian's 108 produces a broken module), terser is npm's.
export PATH="$PWD/node_modules/.bin:$PATH"
STAGE=$TRUNK_STAGING_DIR
BASE=${TRUNK_PUBLIC_URL:-./}
WORK=target/web
release=false
[ "${TRUNK_PROFILE:-release}" = release ] && release=true
# The features rustc enables for wasm32-unknown-unknown; wasm-opt must accept them.
FEATURES=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)

if $release; then
  cargo build --release --target wasm32-unknown-unknown --bin yaodian
  wasm=target/wasm32-unknown-unknown/release/yaodian.wasm
else
  cargo build --target wasm32-unknown-unknown --bin yaodian
  wasm=target/wasm32-unknown-unknown/debug/yaodian.wasm
fi
rm -rf "$WORK" && mkdir -p "$WORK/split" "$WORK/bindgen"
wasm-split-cli "$wasm" "$WORK/split" --out-name yaodian
wasm-bindgen --target web --keep-lld-exports --no-typescript --out-dir "$WORK/bindgen" "$WORK/split/yaodian.wasm"

app="$STAGE/app" # trunk put main.css and worker.js here (data-target-path="app")
cp "$WORK/bindgen/yaodian.js" "$WORK/split/__wasm_split.js" "$app/"
for f in "$WORK/bindgen/yaodian_bg.wasm" "$WORK"/split/*.wasm; do
  name=$(basename "$f")
  [ "$name" = yaodian.wasm ] && continue
  if $release; then
    wasm-opt -Oz --strip-debug --strip-producers "${FEATURES[@]}" "$f" -o "$app/$name"
  else
    cp "$f" "$app/$name"
  fi
done
if $release; then
  # Names and whitespace only: terser's `compress` rewrites the glue's hot paths (string
  # passing) and made autosave and exports measurably slower for 0.1 KB less. ES modules keep
  # their export names (worker.js and __wasm_split.js import them by name).
  for f in "$app"/*.js "$STAGE/boot.js"; do terser "$f" --module --mangle --output "$f"; done
fi

hash=$(cd "$app" && ls | LC_ALL=C sort | xargs cat | sha256sum | cut -c1-12)
dir="app-$hash"
mv "$app" "$STAGE/$dir"
# The page: trunk's stylesheet link points into app/; the skipped rust link becomes the loader.
# yaodian.js imports __wasm_split.js; the wasm is fetched by yaodian.js: all four load at once.
loader="<link rel=\"modulepreload\" href=\"$BASE$dir/yaodian.js\">"
loader+="<link rel=\"modulepreload\" href=\"$BASE$dir/__wasm_split.js\">"
loader+="<link rel=\"preload\" href=\"$BASE$dir/yaodian_bg.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin>"
loader+="<script type=\"module\" src=\"${BASE}boot.js\" data-js=\"$BASE$dir/yaodian.js\" data-wasm=\"$BASE$dir/yaodian_bg.wasm\"></script>"
DIR="$dir" BASE="$BASE" LOADER="$loader" perl -0pi -e '
  s{(href=["\x27]?)\Q$ENV{BASE}\Eapp/}{$1$ENV{BASE}$ENV{DIR}/}g;
  s{\s+data-integrity=["\x27]?none["\x27]?}{}g;
  s{<link[^>]*\bdata-trunk-skip\b[^>]*>}{$ENV{LOADER}} or die "post-build: no skipped rust link in the page\n";
' "$STAGE/index.html"
grep -q "$dir/main.css" "$STAGE/index.html" || { echo "post-build: stylesheet link not found"; exit 1; }

gz() { gzip -9 <"$1" | wc -c; }
kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1024 }'; }
first=0
for f in index.html boot.js "$dir/main.css" "$dir/yaodian.js" "$dir/__wasm_split.js" "$dir/yaodian_bg.wasm"; do
  first=$((first + $(gz "$STAGE/$f")))
done
all=0
while IFS= read -r f; do all=$((all + $(gz "$f"))); done < <(find "$STAGE" -type f ! -name web.config)
echo "$dir: first paint $(kb $first) gzip (budget 250 KB), everything $(kb $all) gzip (budget 500 KB)"
