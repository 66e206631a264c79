# Dossier: build the tool and every report under reports/.
#
#   make          install what is missing, build the release binary and every report
#   make test     run every test, then check the committed report outputs are current
#   make check    rebuild each report in a temporary folder and compare with reports/*/out
#   make bench    benchmarks side by side with pandas/matplotlib and R/ggplot2
#   make fuzz     ten minutes of libFuzzer each on the CSV reader and on report.md's front end
#   make clean    remove build products (not the committed report outputs)
#   make install  install dossier, its fonts, dossier.mk, completions and manual page
#                 (PREFIX=/usr/local DESTDIR=); make uninstall; make deb: a Debian package
#
# Each chart is its own target: after a data edit only the charts that read the edited file
# are redrawn, then the PDF. A second `make` does nothing. The per-report rules are
# make/dossier.mk, the same file briefing projects made with `dossier new` include.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DELETE_ON_ERROR:
.SUFFIXES:
MAKEFLAGS += --no-builtin-rules

# Outputs must not depend on the machine: fixed locale and time zone.
export LC_ALL := C.UTF-8
export TZ := UTC

SWIFT ?= swift
SWIFT_FLAGS ?=
# The release binary links the Swift runtime and Foundation statically: no dynamic symbol
# binding at start-up, which is most of what a small `dossier` call costs (`--version`
# 14 ms against 22 ms; one figure build 73 ms against 86 ms; see bench/RESULTS.md).
# No $ORIGIN run path either: with the runtime linked in, the binary needs no library beside
# it, and an installed binary must not look for libraries in its own folder (lintian).
#
# -disable-concrete-type-metadata-mangled-name-accessors: the compiled code gets a concrete
# generic type's metadata (a spec's KeyedDecodingContainer<CodingKeys>, say) from the type's
# accessor, with its conformances passed in, instead of having the Swift runtime demangle the
# type's name; the runtime checks a demangled type's generic requirements by scanning every
# protocol conformance record of this static binary (~6,900, ~0.3 M instructions) for each new
# type. Same behaviour, a slightly larger binary; the report front matter runs 102 → 85 M
# instructions (bench/analysis.md, ninth round, frontmatter). Building by hand for a benchmark:
# pass the same flags.
#
# The link (LINK_FLAGS) is made for a cheap process start, which every `dossier` call pays and
# make runs several per edit (bench/analysis.md, tenth round, startup; `--version` 24.8 → 21.1 M
# instructions before CSHA256 replaced libcrypto): lld instead of gold, for
# `-z pack-relative-relocs` (DT_RELR: the executable's ~87,000 relative relocations as a 50 KB
# bitmap instead of a 2 MB table; glibc 2.36 reads it); `--no-export-dynamic` (the Swift driver
# exports all ~10,500 of the executable's own symbols, which no library looks up: the linker
# still exports the executable's definitions that the linked libraries refer to, which are
# CShapeMemo's HarfBuzz functions, so Pango's calls reach them; ShapeMemoLinkTests checks it);
# and libstdc++ linked in (the Swift runtime is the only user of it: its 1,737 symbol bindings
# at load go), from a folder holding only libstdc++.a that comes first on the library path
# (STATIC_CXX; left empty, the link takes the shared libstdc++ as before).
STATIC_CXX = $(BUILD)/static-libstdc++
LINK_FLAGS ?= -Xswiftc -use-ld=lld -Xlinker -z -Xlinker pack-relative-relocs -Xlinker --no-export-dynamic \
	-Xswiftc -L$(abspath $(STATIC_CXX))
RELEASE_FLAGS ?= --static-swift-stdlib --disable-local-rpath \
	-Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors $(LINK_FLAGS)
BUILD := .build
DOSSIER := $(BUILD)/release/dossier
STATE := $(BUILD)/make
DEPS_STAMP := $(BUILD)/debian-packages.stamp

# Debian packages the build and the tests need (Debian 12).
DEB_PACKAGES := libcairo2-dev libpango1.0-dev libfontconfig-dev libharfbuzz-dev libcmark-gfm-dev \
	libcmark-gfm-extensions-dev zlib1g-dev libdeflate-dev poppler-utils libxml2-utils qpdf librsvg2-bin \
	chromium chromium-driver python3-venv strace
# ... and those `make deb` and its test need (dpkg-shlibdeps, lintian, man).
PACKAGING_DEB_PACKAGES := dpkg-dev lintian man-db
PACKAGING_STAMP := $(BUILD)/packaging-packages.stamp

# Listed by make itself, like every variable a no-op `make` reads: a `$(shell …)` starts a
# shell (and find, sort, nproc) on every make, which was most of a no-op make's 10 ms.
SWIFT_SOURCES := $(wildcard Package.swift) $(sort $(wildcard $(foreach ext,swift c h modulemap,Sources/*/*.$(ext) Sources/*/*/*.$(ext) Sources/*/*/*/*.$(ext))))

.PHONY: all test bench fuzz clean deps unit-tests browser-tests
all: reports

deps: $(DEPS_STAMP)

# Installs missing Debian packages when run as root (or with password-less sudo); otherwise
# stops with the exact command to run.
$(DEPS_STAMP): PACKAGES := $(DEB_PACKAGES)
$(PACKAGING_STAMP): PACKAGES := $(PACKAGING_DEB_PACKAGES)
$(DEPS_STAMP) $(PACKAGING_STAMP): Makefile
	@missing=""; \
	for package in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}\n' "$$package" 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then sudo=""; \
	  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo"; \
	  else echo "Dossier needs these Debian packages. Run:" >&2; \
	       echo "  sudo apt-get install -y --no-install-recommends$$missing" >&2; exit 1; fi; \
	  echo "  APT    $$missing"; \
	  $$sudo apt-get update -q >/dev/null; \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -q --no-install-recommends $$missing >/dev/null; \
	fi
	@mkdir -p $(@D) && touch $@

$(DOSSIER): $(SWIFT_SOURCES) | $(DEPS_STAMP)
	@mkdir -p $(STATIC_CXX); cxx=$$(cc -print-file-name=libstdc++.a 2>/dev/null || true); \
	  if [ -f "$$cxx" ]; then ln -sfn "$$cxx" $(STATIC_CXX)/libstdc++.a; fi
	@echo "  SWIFT   build -c release $(RELEASE_FLAGS)"
	@$(SWIFT) build -c release --product dossier $(RELEASE_FLAGS) $(SWIFT_FLAGS) 2>&1 | grep -v "prohibited flag(s)"
	@test -x $@ || { echo "swift build failed" >&2; exit 1; }
	@touch $@

# Every reports/<name>: all, reports, report-<name>, check, the plan rules and depfiles.
DOSSIER_STATE := $(STATE)
DOSSIER_RULELESS_GOALS := clean deps fuzz install uninstall deb package-test
include make/dossier.mk
# make install, make uninstall, make deb, make package-test.
include make/package.mk

# `make test` works as the first command on a new machine: it builds what it needs.
# The steps run one after the other (the jobs above are for charts).
test:
	@$(MAKE) --no-print-directory unit-tests
	@$(MAKE) --no-print-directory check
	@$(MAKE) --no-print-directory package-test
	@$(MAKE) --no-print-directory browser-tests

unit-tests: $(DOSSIER)
	@echo "  SWIFT   test"
	@$(SWIFT) build --build-tests $(SWIFT_FLAGS) 2>&1 | grep -v "prohibited flag(s)" | grep -E "error|warning: unre|Compiling|Build" | grep -v Compiling || true
	@$(SWIFT) test $(SWIFT_FLAGS) 2>&1 | grep -v "prohibited flag(s)"

# The committed HTML briefings in headless Chromium: overflow at 390 and 1280 px, console
# errors, figure sizes, link targets, axe-core, an html5lib strict parse (tests/browser/).
# Python packages go to a venv under .build, made once (its stamp follows the pinned list).
BROWSER_VENV := $(BUILD)/browser-venv
BROWSER_HTML := $(foreach name,$(DOSSIER_REPORTS),$(REPORTS_DIR)/$(name)/out/$(name).html)
$(BROWSER_VENV)/stamp: tests/browser/requirements.txt | $(DEPS_STAMP)
	@echo "  VENV    $(BROWSER_VENV)"
	@python3 -m venv $(BROWSER_VENV)
	@$(BROWSER_VENV)/bin/pip install -q --disable-pip-version-check -r $<
	@touch $@

browser-tests: $(BROWSER_VENV)/stamp
	@echo "  BROWSER $(BROWSER_HTML)"
	@$(BROWSER_VENV)/bin/python tests/browser/check_html.py --out $(BUILD)/test-output $(BROWSER_HTML)

bench: $(DOSSIER)
	+@bench/run.sh

# Each fuzz target runs FUZZ_SECONDS; FUZZ_TARGETS picks them (`make fuzz FUZZ_TARGETS=report`).
# A finding (crash-*, timeout-*, oom-*) is written under $(BUILD)/fuzz-findings/.
FUZZ_SECONDS ?= 600
FUZZ_TARGETS ?= csv report
REPORT_FUZZ_DIR := Tests/DossierBuildTests/Fixtures/fuzz-report
fuzz: | $(DEPS_STAMP)
	@mkdir -p $(BUILD)/fuzz-corpus $(BUILD)/fuzz-report-corpus $(BUILD)/fuzz-findings
ifneq ($(filter csv,$(FUZZ_TARGETS)),)
	swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name DossierDataFuzz \
	  Sources/DossierData/*.swift Tests/DossierDataTests/Fixtures/fuzz/FuzzCSV.swift -o $(BUILD)/fuzz-csv
	SWIFT_BACKTRACE=enable=no $(BUILD)/fuzz-csv -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=1024 -timeout=5 \
	  -artifact_prefix=$(BUILD)/fuzz-findings/csv- $(BUILD)/fuzz-corpus Tests/DossierDataTests/Fixtures/fuzz/seeds
endif
ifneq ($(filter report,$(FUZZ_TARGETS)),)
	@# report.md's front end (front matter, expressions, CommonMark): a SwiftPM product that
	@# exists only with DOSSIER_FUZZ=1, built with both sanitizers in its own scratch path.
	DOSSIER_FUZZ=1 $(SWIFT) build -c release --scratch-path .build-fuzz --product dossier-fuzz-report \
	  --sanitize=fuzzer --sanitize=address 2>&1 | { grep -v "prohibited flag(s)" || true; }
	@# No leak check: LeakSanitizer takes the harness' once-initialised sample results for leaks.
	ASAN_OPTIONS=detect_leaks=0 SWIFT_BACKTRACE=enable=no .build-fuzz/release/dossier-fuzz-report -max_total_time=$(FUZZ_SECONDS) \
	  -rss_limit_mb=2048 -malloc_limit_mb=1024 -timeout=10 -max_len=65536 -artifact_prefix=$(BUILD)/fuzz-findings/report- \
	  -dict=$(REPORT_FUZZ_DIR)/report.dict \
	  $(BUILD)/fuzz-report-corpus $(REPORT_FUZZ_DIR)/seeds
endif

clean:
	rm -rf $(BUILD)/release $(BUILD)/debug
