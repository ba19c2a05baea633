# Two commands do all set-up on a fresh machine:
#   make site   build the demo site into site/ (creates .venv)
#   make test   install everything the tests need, Debian packages included, lint, and run them
#   make lint   ruff and mypy, as configured in pyproject.toml
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# Debian packages the browser and HTML-checker tests need.
DEBS := chromium fonts-thai-tlwg default-jre-headless
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site serve check lint test test-deps debs node bytecode bench bench-scale weight clean

$(BIN)/mkdocs: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

site: $(BIN)/mkdocs
	$(BIN)/mkdocs build --strict

serve: $(BIN)/mkdocs
	$(BIN)/mkdocs serve

check: $(BIN)/mkdocs
	$(BIN)/ita check

$(BIN)/pytest: $(BIN)/mkdocs
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

debs:
	@missing=""; for p in $(DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

node_modules/.installed: package.json package-lock.json
	PUPPETEER_SKIP_DOWNLOAD=1 CHROMEDRIVER_SKIP_DOWNLOAD=true npm ci --no-audit --no-fund
	touch $@

node: node_modules/.installed

test-deps: debs $(BIN)/pytest node

lint: $(BIN)/pytest
	$(BIN)/ruff check site_builder tests tools
	$(BIN)/mypy

test: test-deps lint
	$(BIN)/pytest -n 2 --dist loadgroup

# Benchmarks time the package as installed, from bytecode: an editable install under
# PYTHONDONTWRITEBYTECODE=1 would otherwise compile every module again in each build timed.
bytecode: $(BIN)/mkdocs
	$(BIN)/python -m compileall -q site_builder

bench: bytecode
	$(BIN)/python tools/bench_build.py

bench-scale: bytecode
	$(BIN)/python tools/bench_scale.py

weight: site $(BIN)/pytest
	$(BIN)/python tools/page_weight.py site

clean:
	rm -rf site .venv node_modules .pytest_cache
