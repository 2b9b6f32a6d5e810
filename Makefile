# accord — build, test, demo and benchmark entry points.
# `make demo` and `make test` install missing Debian packages themselves (see `deps`).

SWIFT      ?= swift
BUILD_FLAGS ?=
BIN        := .build/debug/accord
DEMO_DIR   ?= demo-output

# Debian packages the build, tests and binary need; installed only when missing. accord runs
# age to encrypt restricted evidence and ssh-keygen to sign and check signatures; it reads
# Word and Excel files through Foundation's XML parser (libxml2; -dev for the static build) and
# PDFs through pdftotext (poppler-utils).
APT_PACKAGES := libgit2-dev zlib1g-dev pkg-config libicu-dev libssl-dev libsqlite3-dev git age openssh-client libxml2-dev poppler-utils
# The tests also open the HTML summary in headless Chromium, parse the .ics with Python's icalendar
# and the redline Markdown with markdown-it, kill writers under strace, and drive `accord serve`
# in Chromium through Selenium; the Khmer summary is rendered with only DejaVu among the fonts
# Chromium sees, to show it brings its own font. The .xlsx and .docx exports are read back with
# openpyxl and python-docx.
# The HTTPS test makes its certificate with openssl and fetches a page with curl; the server
# language test posts its forms with curl.
TEST_APT_PACKAGES := python3-pip chromium python3-icalendar strace python3-markdown-it chromium-driver python3-selenium fonts-dejavu-core python3-openpyxl python3-docx openssl curl

# Packaging: where `make install` puts accord, and the release build it installs, which
# carries the Swift standard library inside so it runs without the toolchain.
PREFIX     ?= /usr/local
DESTDIR    ?=
RELEASE_BIN := .build/release/accord
EXTRAS_DIR := .build/package-extras
DEB_DIR    ?= .build/deb
# Making the Debian package and trying it in a fresh Debian 12 root (`make test-install`).
PACKAGE_APT_PACKAGES := dpkg-dev binutils debootstrap

.PHONY: all build build-tls release deps test-deps demo test test-slow test-races check test-hardening test-hardening-ci bench reports clean static extras install install-files deb test-install

all: build

deps:
	@missing=""; \
	for p in $(APT_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "accord: installing missing system packages:$$missing (apt-get)"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

build: deps
	$(SWIFT) build $(BUILD_FLAGS)

# accord with HTTPS in `accord serve` (--tls-cert/--tls-key): the TLS package trait compiles
# BoringSSL, several minutes more, so it has its own build folder and the default build
# leaves it out. The HTTPS test in `make test-slow` runs .build-tls/debug/accord.
build-tls: deps
	$(SWIFT) build --traits TLS --scratch-path .build-tls --product accord $(BUILD_FLAGS)

# accord alone: a release build of every target would take in TestSupport, the tests'
# helpers, which import the Testing library that only a test build finds.
release: deps
	$(SWIFT) build -c release --product accord $(BUILD_FLAGS)

demo: deps
	$(SWIFT) build -q $(BUILD_FLAGS)
	@bash scripts/demo.sh $(BIN) $(DEMO_DIR)
	@bash scripts/serve-demo.sh $(BIN) $(DEMO_DIR)/tracker

test-deps:
	@$(MAKE) --no-print-directory deps APT_PACKAGES="$(TEST_APT_PACKAGES)"
	@test -f $(AXE_JS) || /usr/bin/python3 -m pip install --quiet --disable-pip-version-check --no-deps --target .build/axe axe-selenium-python \
	  || echo "make: axe-core could not be installed: the browser test will fail its accessibility check (ACCORD_AXE_OPTIONAL=1 skips it)"

# axe-core, the accessibility checker the browser test runs on the main pages, as the PyPI
# package axe-selenium-python bundles it (only its script is used; Debian does not package it).
# Without it only that check fails, in `make test-slow`: `make test` goes on.
AXE_JS := .build/axe/axe_selenium_python/node_modules/axe-core/axe.min.js

# Every test but the slow ones (tagged `.slow`: stress and concurrent writers, the
# browser, hub syncs, the PDF prints and Chromium's rendering, the demo, reports
# regenerated, HTTPS from the TLS build, the law corpus, the derived store's
# cold-against-warm comparisons) and the benchmark smoke tests; `make test-slow` runs
# those (after `make build-tls`), and CI runs both.
SLOW_TESTS := BenchmarkTests|StressTests|eightProcessesLoggingFiftyReportsEachLoseNothing|HubSyncTests|ReportCommandTests|AccordReportsTests.CorpusTests|DerivedStoreTests/commitsAccordDidNotMakeGiveTheAnswersOfAColdRead|DerivedStoreTests/aDamagedStoreGivesTheAnswersOfNoStore|ServeTests/browserScript|ServeTLSTests/servesHTTPS|summaryAndDiffPrintToPDFThroughChromium|the2019ReviewPrintsOnAtMostEightPagesWithEverySection|chromiumRendersTheKhmerSummaryWithTheEmbeddedFontOnly|theDemoMarksEveryIllustrativeRecordInEveryOutput
# `swift test` builds what the tests run (the end-to-end tests depend on the accord and
# accord-bench executables): a separate `swift build` would only load the package again.
test: deps test-deps
	@$(IN_MEMORY_SCRATCH) $(ECHOED) ACCORD_SKIP_SLOW=1 $(SWIFT) test $(BUILD_FLAGS) --skip BenchmarkTests

test-slow: deps test-deps build-tls
	@$(IN_MEMORY_SCRATCH) $(ECHOED) $(SWIFT) test $(BUILD_FLAGS) --filter '$(SLOW_TESTS)'

# The suites whose code runs on several threads at once (the derived store's reads and its
# writes queued for later, the batch pipeline, a cold read's blobs read ahead, the git index
# read on another core, folder and commit histories, search's word breaking, sync, the
# server), built with the thread sanitizer in a build folder of their own: a race it sees in
# the tests or in an accord they start fails the run. The sanitizer makes a test 5 to 15
# times slower: the slow-tagged tests are skipped here.
RACE_TESTS := BatchPipelineTests|ColdReadTests|RecordingReadTests|RepositoryTests|DerivedStoreTests|TrackerSearchTests|FolderHistoryTests|CommitIndexTests|HistoryTests|SyncTests|ServeTests
test-races: SCRATCH_NAME = races
test-races: deps test-deps
	@$(IN_MEMORY_SCRATCH) $(ECHOED) ACCORD_SKIP_SLOW=1 TSAN_OPTIONS=halt_on_error=1 $(SWIFT) test $(BUILD_FLAGS) \
	  --sanitize=thread --scratch-path .build/tsan --filter '$(RACE_TESTS)'

# The tests make thousands of small repositories, trackers and files in their scratch
# folders (TMPDIR), and on a virtual machine's disk creating a file costs more than most
# of what a test does with it: these targets give the tests a scratch folder in memory
# (/dev/shm) when it has 4 GB free, emptied when the run starts and removed when it ends
# (TEST_SCRATCH=disk keeps the system's temporary folder). What these tests check does not
# depend on the file system; `make test-hardening` (the bad-input corpus, the kill points)
# stays on the disk. The folder's name is the same at every run of a checkout's build
# folder: SwiftPM plans the whole build again whenever the environment it runs in differs,
# TMPDIR included. Runs that share the name wait for each other (flock).
TEST_SCRATCH ?= memory
SCRATCH_NAME ?= build
IN_MEMORY_SCRATCH = scratch=""; \
	if [ "$(TEST_SCRATCH)" = memory ] && [ -d /dev/shm ] && [ -w /dev/shm ] \
	  && [ "$$(df -Pk /dev/shm | awk 'NR == 2 { print $$4 }')" -gt 4194304 ]; then \
	  mkdir -p .build && exec 9>".build/test-scratch-$(SCRATCH_NAME).lock" && flock 9; \
	  scratch="/dev/shm/accord-test-$$(id -u)-$$(printf '%s' "$(CURDIR) $(SCRATCH_NAME)" | cksum | cut -d ' ' -f 1)"; \
	  rm -rf "$$scratch"; \
	  if mkdir -m 700 "$$scratch"; then export TMPDIR="$$scratch"; else scratch=""; fi; \
	fi; \
	trap '[ -z "$$scratch" ] || rm -rf "$$scratch"' EXIT; \
	echo "make: the tests' scratch folder: $${scratch:-the system's temporary folder}";
# Prints the command it runs, as make does for a plain recipe line; the command does not
# inherit the scratch folder's lock, which a process it leaves behind would otherwise keep.
ECHOED = run() { echo "$$*"; env "$$@" 9>&-; }; run

# The quick loop while working: the library targets' tests, without the end-to-end suites
# that start the binary (`swift test` builds what they need: no separate build step).
check: deps
	@$(IN_MEMORY_SCRATCH) $(ECHOED) ACCORD_SKIP_SLOW=1 $(SWIFT) test $(BUILD_FLAGS) --skip 'BenchmarkTests|EndToEndTests'

# The bad-input corpus (scripts/make-bad-input-corpus.py) through every read command, each
# run under a time and memory limit, then every writing command killed at each point where
# it changes a file (scripts/kill-points.py, under strace): several minutes each, so kept
# out of `make test`; .ci/run runs them.
test-hardening: deps test-deps
	$(SWIFT) build $(BUILD_FLAGS)
	ACCORD_HARDENING=1 $(SWIFT) test $(BUILD_FLAGS) --filter BadInputCorpusTests
	python3 scripts/kill-points.py $(BIN)

# The bounded run CI makes after `make test` (docs/reliability.md): the whole bad-input
# corpus, and every KILL_EVERY-th kill point of each writing command, sync included.
KILL_EVERY ?= 4
test-hardening-ci: deps test-deps
	$(SWIFT) build $(BUILD_FLAGS)
	ACCORD_HARDENING=1 $(SWIFT) test $(BUILD_FLAGS) --filter BadInputCorpusTests
	python3 scripts/kill-points.py --every $(KILL_EVERY) $(BIN)

# Regenerates Reports/ from the example tracker; a test fails when they are out of date.
reports: build
	@bash scripts/reports.sh $(BIN)

# `make bench` measures the tenth-size tracker (a few minutes); `make bench SCALE=full` the
# full one (generating it takes about half an hour the first time).
SCALE ?= tenth
bench: deps
	@SCALE=$(SCALE) bash Benchmarks/run.sh

static: deps
	$(SWIFT) build -c release --static-swift-stdlib --product accord $(BUILD_FLAGS)

# Man pages and bash/zsh/fish completions, generated from the release binary.
extras: static
	@SWIFT=$(SWIFT) bash scripts/package-extras.sh $(RELEASE_BIN) $(EXTRAS_DIR)

install: extras
	@$(MAKE) --no-print-directory install-files

# The copying part of `install`, from the release build and extras already made.
install-files:
	install -D -s -m 755 $(RELEASE_BIN) $(DESTDIR)$(PREFIX)/bin/accord
	install -d $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 644 $(EXTRAS_DIR)/man1/*.1.gz $(DESTDIR)$(PREFIX)/share/man/man1/
	install -D -m 644 $(EXTRAS_DIR)/completions/accord.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/accord
	install -D -m 644 $(EXTRAS_DIR)/completions/_accord $(DESTDIR)$(PREFIX)/share/zsh/vendor-completions/_accord
	install -D -m 644 $(EXTRAS_DIR)/completions/accord.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/accord.fish

# The Debian package, in $(DEB_DIR): /usr/bin/accord, man pages, completions.
deb: extras
	@$(MAKE) --no-print-directory deps APT_PACKAGES="$(PACKAGE_APT_PACKAGES)"
	@rm -rf $(DEB_DIR)/root
	@$(MAKE) --no-print-directory install-files DESTDIR=$(CURDIR)/$(DEB_DIR)/root PREFIX=/usr >/dev/null
	@bash scripts/make-deb.sh $(RELEASE_BIN) $(DEB_DIR)/root $(DEB_DIR)

# Installs the package into a fresh Debian 12 root (cached in .build-debroot/) and uses it there.
test-install: deb
	@bash scripts/test-install.sh $$(ls $(DEB_DIR)/accord_*.deb)

clean:
	rm -rf .build $(DEMO_DIR)
