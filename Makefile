# Tillit — the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
SWIFT   ?= swift
BIN     := .build/release/tillit
DBG     := .build/debug/tillit
OUT     ?= out
SHARED  ?= ../shared

.PHONY: all deps build release run test e2e lint check-icu eval conformance bench clean help

all: release

help:
	@echo "make run          install what is missing, build release, analyse the demo corpus into $(OUT)/"
	@echo "make test         install, build (warning-free), lint lexicons, run all tests"
	@echo "make e2e          render the demo reports in headless Chromium and check them (installs chromium)"
	@echo "make eval         score Tillit on $(SHARED)/eval/dev (sentiment + language id) — needs ../shared"
	@echo "make conformance  run the importers over $(SHARED)/samples — needs ../shared"
	@echo "make bench        NDJSON import throughput (no analysis) on a generated 200 MB file, MB/s per core"

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

run: release
	@scripts/run-demo.sh $(BIN) $(OUT)

# Warning-free build of sources and tests, the ICU check, the lexicon lint, then every test.
test: deps
	@scripts/build-checked.sh
	@scripts/check-icu.sh $(DBG)
	$(DBG) lexicon check --lexicons Lexicons
	$(SWIFT) test --skip-build 2>&1 | tee .build/test.log; exit $${PIPESTATUS[0]}

# Real-browser test of the reports: headless Chromium renders the weekly report (en, sv, da) and the
# benchmark; screenshots, layout probes and PDFs go to $(OUT)/e2e/shots/.
e2e: build
	@scripts/install-browser.sh
	@scripts/e2e/run.sh $(DBG) $(OUT)/e2e

lint: build
	$(DBG) lexicon check --lexicons Lexicons

check-icu: build
	@scripts/check-icu.sh $(DBG)

eval: release
	@scripts/eval.sh $(BIN) $(SHARED)

conformance: release
	@scripts/conformance.sh $(BIN) $(SHARED)

bench: release
	@scripts/bench-import.sh $(BIN)

clean:
	rm -rf .build $(OUT)
