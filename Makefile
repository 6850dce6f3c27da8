# Kamerdossier: `make site` builds the site into site/; `make test` runs every check.
# Both do their own set-up on a fresh Debian machine with Python 3.11; stamp files keep reruns fast.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM := /usr/bin/chromium
PYTEST_ARGS ?=

# apt-get needs root: use sudo when we are not root.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_GET := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get

SITE_STAMP := $(VENV)/.installed-site
TEST_STAMP := $(VENV)/.installed-test
NODE_STAMP := node_modules/.installed

.PHONY: site test clean

site: $(SITE_STAMP)
	$(BIN)/kamerdossier build --strict

# Debian's own python3 needs python3-venv before it can make a venv.
$(SITE_STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV) || { $(APT_GET) update && $(APT_GET) install -y python3-venv && $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): $(SITE_STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Playwright drives Debian's Chromium; it never downloads a browser of its own.
$(CHROMIUM):
	$(APT_GET) update
	$(APT_GET) install -y --no-install-recommends chromium fonts-liberation

# The strict site build and pytest both run; either failing fails `make test`
# (pytest's exit status 5, no tests collected, counts as a failure too).
test: $(TEST_STAMP) $(NODE_STAMP) $(CHROMIUM)
	@status=0; \
	echo "$(BIN)/kamerdossier build --strict"; \
	$(BIN)/kamerdossier build --strict || status=$$?; \
	echo "$(BIN)/python -m pytest --tb=short $(PYTEST_ARGS)"; \
	$(BIN)/python -m pytest --tb=short $(PYTEST_ARGS) || status=$$?; \
	exit $$status

clean:
	rm -rf site .pytest_cache .cache $(VENV) node_modules *.egg-info
	-git clean -fdXq -- docs/
	find generator tests -name __pycache__ -type d -prune -exec rm -rf {} +

# Permanence (issue 4): build strictly, then add every address the site now serves to
# published.txt (never removing one). `git diff published.txt` shows what was published.
.PHONY: publish
publish: $(SITE_STAMP)
	$(BIN)/kamerdossier publish --strict

# Speed (issue 9): the full build (every stage, peak memory, page sizes), a rebuild after one letter
# changes, and in headless Chromium a first visit and searches, on corpora of 1,000 and 10,000 letters
# recombined from the real letters, then the generator alone at 100,000; the table goes to
# benchmarks/RESULTS.md. Never part of `make test`. Takes most of an hour on a 2-core machine.
BENCH_ARGS ?= --site --results benchmarks/RESULTS.md 1000x3 10000 --generator-only 100000
.PHONY: bench
bench: $(TEST_STAMP) $(CHROMIUM)
	$(BIN)/python benchmarks/generate.py $(BENCH_ARGS)

# Speed of PDF input (issue 8): median time to read each development PDF, against PDFium's plain
# text extraction (the lower bound); never part of `make test`.
.PHONY: bench-pdf
bench-pdf: $(SITE_STAMP)
	$(BIN)/python benchmarks/pdf.py $(BENCH_ROUNDS)

# Hostile input (issue 7): each adversarial input class at 10 KB and 100 KB (the ratio must be
# at most 15; about 10 is linear), then a 50 MB letter (under a minute). Never part of `make test`.
.PHONY: bench-adversarial
bench-adversarial: $(SITE_STAMP)
	$(BIN)/python benchmarks/adversarial.py $(ADVERSARIAL_ARGS)

# While editing (issue 9): build, serve site/ on http://127.0.0.1:8000/ (SERVE_ARGS='--port 8001'),
# rebuild what changed and reload open pages on every change to a letter, note, glossary or page.
.PHONY: serve
serve: $(SITE_STAMP)
	$(BIN)/kamerdossier serve $(SERVE_ARGS)

# Rewrite the golden files (parsed models and rendered pages) from the seeds; read the diff before committing.
.PHONY: golden
golden: $(TEST_STAMP)
	UPDATE_GOLDEN=1 $(BIN)/python -m pytest -q tests/parse/test_golden_model.py tests/parse/test_aanhangsel.py tests/render/test_golden_pages.py
	git status --short tests/golden
