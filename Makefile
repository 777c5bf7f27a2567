# Yaodian: two commands.
#   make run   build the app and serve it at http://127.0.0.1:8080, rebuilding on save (trunk serve)
#   make test  install what the tests need, then run every test (lint, cargo test, browser tests)
# Every install step checks first and skips what is already there; every tool is pinned.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
# Builds and serves the app (Trunk.toml); 0.22 needs a newer rustc.
TRUNK_VERSION := 0.21.14
# Cuts the lazy-loaded chunk out of the app's wasm (the crate of that name, with its CLI).
WASM_SPLIT_VERSION := 0.2.4
# The wasm-bindgen CLI must equal the library version in Cargo.lock exactly.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CARGO_TERM_COLOR := never

.PHONY: run test build setup-build setup-test lint test-native test-browser bench bench-browser

run: setup-build
	trunk serve --release

build: setup-build
	trunk build --release

setup-build:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@rustup component list --installed | grep -q '^clippy' && rustup component list --installed | grep -q '^rustfmt' || rustup component add clippy rustfmt
	@trunk --version 2>/dev/null | grep -qx "trunk $(TRUNK_VERSION)" || cargo install trunk --version $(TRUNK_VERSION) --locked || cargo install trunk --version $(TRUNK_VERSION)
	@cargo install --list | grep -q "^wasm_split_cli_support v$(WASM_SPLIT_VERSION):" || cargo install wasm_split_cli_support --version $(WASM_SPLIT_VERSION) --features build-binary --locked
	@wasm-bindgen --version 2>/dev/null | grep -q " $(WASM_BINDGEN_VERSION)" || cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)
	@[ -x node_modules/.bin/wasm-opt ] && [ -x node_modules/.bin/terser ] && [ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund
	@wasm-opt --version | grep -q "version 132" || { echo "wasm-opt 132 from npm binaryen expected first on PATH"; exit 1; }
	@cargo fetch --quiet

# Chromium for the browser tests; LibreOffice and poppler to render exported .docx to PDF pages.
setup-test: setup-build
	@if [ ! -x /usr/bin/chromium ] || ! command -v soffice >/dev/null || ! command -v pdftotext >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
			chromium libreoffice-writer-nogui poppler-utils fonts-noto-cjk; \
	fi

test: setup-test lint test-native test-browser

# Warnings are errors. The app and web layers only compile for wasm32, so clippy runs twice.
lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --bins -- -D warnings

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
