# danecheck: the two commands the README starts with are `make demo` and `make test`.
# Both install what they need with apt-get (root, Debian 12) and start the sandbox themselves.

SWIFT ?= swift
SANDBOX := sandbox/sandbox.sh
BIN = $(shell $(SWIFT) build --show-bin-path)
DEMO_DOMAIN ?= example.test

# Build and test dependencies (the sandbox's own servers come from `sandbox.sh install`).
DEB_PACKAGES := libldns-dev libssl-dev libedit-dev libsqlite3-dev zlib1g-dev pkg-config openssl dns-root-data \
                nsd unbound ldnsutils python3 python3-cryptography python3-dnspython python3-jsonschema postfix iproute2 time bsdutils python3-pexpect curl prometheus \
                nginx-light nftables parallel graphviz chromium libxml2-utils xsltproc python3-junitparser python3-yaml
PREFIX ?= /usr/local

.PHONY: deps deb-deps deb deb-test build install demo test unit fixtures sandbox-start sandbox-stop docs bench bench-check bench-scale bench-report images bench-validation alone faults fuzz fuzz-smoke sanitize soak clean

deps:
	@echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
	@missing=$$(for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get update -qq && apt-get install -y -qq $$missing >/dev/null; \
	fi

build: deps
	$(SWIFT) build --product danecheck

# danecheck and danecheck-exporter in $(PREFIX)/bin, their man pages and danecheck's shell completions.
install:
	$(SWIFT) build -c release --product danecheck
	$(SWIFT) build -c release --product danecheck-exporter
	install -D -m 755 "$$($(SWIFT) build -c release --show-bin-path)/danecheck" $(DESTDIR)$(PREFIX)/bin/danecheck
	install -D -m 755 "$$($(SWIFT) build -c release --show-bin-path)/danecheck-exporter" $(DESTDIR)$(PREFIX)/bin/danecheck-exporter
	install -D -m 644 man/danecheck.1 $(DESTDIR)$(PREFIX)/share/man/man1/danecheck.1
	install -D -m 644 man/danecheck-exporter.1 $(DESTDIR)$(PREFIX)/share/man/man1/danecheck-exporter.1
	install -D -m 644 completions/danecheck.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/danecheck
	install -D -m 644 completions/danecheck.zsh $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_danecheck
	install -D -m 644 completions/danecheck.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/danecheck.fish
	install -D -m 755 contrib/danecheck-deploy-hook $(DESTDIR)$(PREFIX)/share/danecheck/danecheck-deploy-hook

# The Debian tools `make deb` and `make deb-test` use (dpkg-shlibdeps, lintian, mmdebstrap).
DEB_TOOLS := dpkg-dev binutils lintian mmdebstrap systemd
deb-deps:
	@missing=$$(for p in $(DEB_TOOLS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

# dist/danecheck_VERSION_ARCH.deb and dist/danecheck-exporter_VERSION_ARCH.deb (release build,
# static Swift runtime, Depends from dpkg-shlibdeps), then lintian on both (scripts/deb.sh).
deb: deps deb-deps
	DEB_LINTIAN=1 scripts/deb.sh

# The packages (debug build, the same link) installed into a clean Debian 12 root made by
# mmdebstrap from Debian's archive, run there against the sandbox (scripts/deb-test.sh).
deb-test: deps deb-deps sandbox-start
	DEB_CONFIG=debug DEB_LINTIAN=1 scripts/deb.sh
	scripts/deb-test.sh

# Offline demo: sandbox up, then `danecheck domain` and `danecheck check` against its validating
# resolver. check exits 4 on purpose (a null MX among the domains; another defers): the demo says
# what that code means, and fails only when the code is not the one these domains must give.
DEMO_CHECK = dane.test firstfails.dane.test deferred.dane.test nullmx.test
demo: build sandbox-start
	$(BIN)/danecheck domain --resolver 127.53.0.2 $(DEMO_DOMAIN)
	@echo
	@echo "$$ danecheck check $(DEMO_CHECK)"
	@$(BIN)/danecheck check --timeout 2 --resolver 127.53.0.2 $(DEMO_CHECK); rc=$$?; echo; \
	if [ $$rc -eq 4 ]; then \
	  echo "demo: danecheck check exited 4, as it should here: nullmx.test publishes a null MX (no mail: 4)"; \
	  echo "      and deferred.dane.test defers (1); check exits with the first of 2, 3, 4, 1 that applies."; \
	  echo "      The sandbox is still up: try $(BIN)/danecheck console --resolver 127.53.0.2 (make sandbox-stop ends it)."; \
	else echo "demo: danecheck check exited $$rc, not 4: something is wrong with the build or the sandbox" >&2; exit 1; fi

# The whole suite: unit tests, integration tests against the sandbox, generated-docs checks.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) build --product generate-manual
	$(SANDBOX) start
	scripts/run-group.sh main; rc=$$?; \
	if [ $$rc -eq 0 ]; then scripts/run-group.sh alone; rc=$$?; fi; \
	if [ $$rc -eq 0 ]; then scripts/run-group.sh faults; rc=$$?; fi; \
	$(SANDBOX) stop; exit $$rc
	FUZZ_SEED=$(FUZZ_SMOKE_SEED) scripts/fuzz.sh $(FUZZ_SMOKE_SECONDS)

# The tests that compare runs over the sandbox (trait `.alone`: nothing else may load the machine).
# scripts/run-group.sh finds them by their trait and fails unless every one of them ran.
alone: deps
	$(SWIFT) build --build-tests
	$(SANDBOX) start
	scripts/run-group.sh alone; rc=$$?; $(SANDBOX) stop; exit $$rc

# The fault tests alone (trait `.faults`: they stop and start sandbox servers, nothing else may run).
faults: deps
	$(SWIFT) build --build-tests
	$(SANDBOX) start
	scripts/run-group.sh faults; rc=$$?; $(SANDBOX) stop; exit $$rc

# Fuzzing with libFuzzer (-sanitize=fuzzer,address; scripts/fuzz.sh): every target for
# FUZZ_SECONDS each (a long run that explores anew), or FUZZ_SMOKE_SECONDS each with seed
# FUZZ_SMOKE_SEED (the short pass `make test` ends with: the same inputs in the same order on
# every run, cut by the time, so CI tries what a local run of the same length tried, give or take
# the machines' speed; `make fuzz` explores anew).
FUZZ_SECONDS ?= 300
FUZZ_SMOKE_SECONDS ?= 4
FUZZ_SMOKE_SEED ?= 1
fuzz: deps
	scripts/fuzz.sh $(FUZZ_SECONDS)

fuzz-smoke: deps
	FUZZ_SEED=$(FUZZ_SMOKE_SEED) scripts/fuzz.sh $(FUZZ_SMOKE_SECONDS)

# The unit tests under AddressSanitizer, then ThreadSanitizer (builds of their own).
sanitize: deps
	$(SWIFT) build --build-tests --sanitize=address --build-path .build-asan
	$(SWIFT) test --skip-build --sanitize=address --build-path .build-asan --filter 'DaneCoreTests|DaneConsoleTests'
	$(SWIFT) build --build-tests --sanitize=thread --build-path .build-tsan
	$(SWIFT) test --skip-build --sanitize=thread --build-path .build-tsan --filter 'DaneCoreTests|DaneConsoleTests'

# No growth over time: 1000 checks through one exporter, one 1000-domain batch (bench/soak.sh).
soak: build sandbox-start
	bench/soak.sh

# Unit tests only (no servers, no root): the DNSSEC validator runs over recorded answers.
unit:
	$(SWIFT) test --filter 'DaneCoreTests|DaneConsoleTests'

# Records those answers again from the sandbox (Tests/Fixtures/sandbox-dnssec.json), and the
# proof-shape seeds of the fuzz corpus (Fuzz/corpus/denial-proof/proof-*).
fixtures: deps sandbox-start
	scripts/record-fixtures.sh

sandbox-start: deps
	$(SANDBOX) start

sandbox-stop:
	$(SANDBOX) stop

docs:
	scripts/docs.sh

bench: build sandbox-start
	bench/domain.sh

# check against the sandbox with latency, beside posttls-finger (bench/run.sh), release build.
bench-check: deps sandbox-start
	$(SWIFT) build -c release --product danecheck
	DANECHECK_BIN="$$($(SWIFT) build -c release --show-bin-path)/danecheck" bench/run.sh

# survey scale with a per-packet delay (NFQUEUE), beside posttls-finger (bench/scale.sh), release build.
bench-scale: deps sandbox-start
	@for p in iptables libnetfilter-queue-dev; do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; fi
	$(SWIFT) build -c release --product danecheck
	DANECHECK_BIN="$$($(SWIFT) build -c release --show-bin-path)/danecheck" bench/scale.sh

# the HTML report at survey size (bench/report.sh): file size, summary --html time, Chromium load and paint.
bench-report: deps sandbox-start
	$(SWIFT) build --product danecheck
	bench/report.sh

# The README's pictures (docs/images/), drawn again by the tests that draw them (a plain test run
# draws them into scratch files and leaves the checkout as it is).
images: deps
	$(SWIFT) build --build-tests
	$(SANDBOX) start
	DANECHECK_SANDBOX=1 DANECHECK_UPDATE_IMAGES=1 $(SWIFT) test --skip-build \
	  --filter 'BatchReportTests/htmlReportInChromium|BatchReportTests/junitAsAPage|ChainGraphTests/svgAndPNGAreDrawn'

# check with --validation local versus resolver mode, with latency (bench/validation.sh), release build.
bench-validation: deps sandbox-start
	$(SWIFT) build -c release --product danecheck
	DANECHECK_BIN="$$($(SWIFT) build -c release --show-bin-path)/danecheck" bench/validation.sh

clean:
	-$(SANDBOX) stop
	rm -rf .build .build-fuzz .build-asan .build-tsan .sandbox Fuzz/crashes
