# Yaodian: two commands.
#   make run   build the app into dist/ and serve it at http://127.0.0.1:8080 (installs what is missing)
#   make test  install what the tests need, then run every test (cargo test + browser tests)
# Every install step checks first and skips what is already there.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
# Cuts the lazy-loaded chunks out of the app's wasm (the crate of that name, with its CLI).
WASM_SPLIT_VERSION := 0.2.4
# The wasm-bindgen CLI must equal the library version in Cargo.lock exactly.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CARGO_TERM_COLOR := never

.PHONY: run test build setup-build setup-test test-native test-browser bench bench-browser

run: build
	node scripts/serve.mjs

build: setup-build
	scripts/build-web.sh

setup-build:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@cargo install --list | grep -q "^wasm_split_cli_support v$(WASM_SPLIT_VERSION):" || cargo install wasm_split_cli_support --version $(WASM_SPLIT_VERSION) --features build-binary --locked
	@wasm-bindgen --version 2>/dev/null | grep -q " $(WASM_BINDGEN_VERSION)" || cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)
	@[ -x node_modules/.bin/wasm-opt ] && [ -d node_modules/playwright-core ] && [ -d node_modules/terser ] && [ -d node_modules/csso ] || npm ci --no-audit --no-fund
	@wasm-opt --version | grep -q "version 132" || { echo "wasm-opt 132 from npm binaryen expected first on PATH"; exit 1; }
	@cargo fetch --quiet

# Chromium for the browser tests; LibreOffice and poppler to render exported .docx to PDF pages.
setup-test: setup-build
	@if [ ! -x /usr/bin/chromium ] || ! command -v soffice >/dev/null || ! command -v pdftotext >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
			chromium libreoffice-writer-nogui poppler-utils fonts-noto-cjk; \
	fi

test: setup-test test-native test-browser

test-native:
	cargo test --all-targets

test-browser: build
	npm test

# Benchmarks print figures; they are not pass/fail tests.
bench:
	cargo bench --bench parse
	cargo bench --bench tracking
	cargo bench --bench scale

bench-browser: build
	node tests/e2e/bench.mjs
