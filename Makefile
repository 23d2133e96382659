# Callboard: `make run` to try it, `make test` to check it.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: setup run test lint migrations-check bench-quotes e2e clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

setup: $(VENV)/.installed

## run: install, migrate, load the demo and serve it on SQLite at http://$(HOST):$(PORT)/
run: setup
	DJANGO_DEBUG=1 $(PY) manage.py migrate --noinput
	DJANGO_DEBUG=1 $(PY) manage.py load_demo --with-editor
	@echo
	@echo "  Site:  http://$(HOST):$(PORT)/"
	@echo "  Admin: http://$(HOST):$(PORT)/admin/  (the editor account printed above)"
	@echo
	DJANGO_DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

## test: install, then the whole test suite (DATABASE_URL and REDIS_URL choose the backends)
test: setup
	$(PY) -m pytest $(PYTEST_ARGS)

## bench-quotes: score the quote and speaker analyser on the labelled articles
bench-quotes: setup
	DJANGO_DEBUG=1 $(PY) -m bench.quotes

## e2e: the browser tests alone (headless Debian Chromium through Playwright)
e2e: setup
	$(PY) -m pytest tests/browser $(PYTEST_ARGS)

lint: setup
	$(VENV)/bin/ruff check .

migrations-check: setup
	DJANGO_DEBUG=1 $(PY) manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) var .pytest_cache
