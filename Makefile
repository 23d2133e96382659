# Callboard: `make run` to try it, `make test` to check it.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: setup run serve load test lint migrations-check bench-quotes bench-spoilers bench-images bench bench-scale bench-peer load-generator e2e mutants mutants-fast clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

setup: $(VENV)/.installed

## run: install, migrate, load the demo and serve it on SQLite at http://$(HOST):$(PORT)/
run: setup
	DJANGO_DEBUG=1 $(PY) manage.py migrate --noinput
	DJANGO_DEBUG=1 $(PY) manage.py createcachetable
	DJANGO_DEBUG=1 $(PY) manage.py load_demo --with-editor
	@echo
	@echo "  Site:  http://$(HOST):$(PORT)/"
	@echo "  Admin: http://$(HOST):$(PORT)/admin/  (the editor account printed above)"
	@echo "  A task worker runs beside it (renditions, quote cards, webhooks) and stops with it."
	@echo
	DJANGO_DEBUG=1 $(PY) manage.py run_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	DJANGO_DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

# A production-like start: debug off, gunicorn, hashed and compressed static files via WhiteNoise.
# Without REDIS_URL every worker shares the cache table in the database: migrate creates it, and
# createcachetable again for a database first migrated while REDIS_URL was set.
# Workers: 2 × cores + 1 sync workers, the usual rule for a server that mostly waits on its database.
WORKERS ?= $(shell echo $$(( $$(nproc) * 2 + 1 )))
# Its own database (var/serve.sqlite3) unless DATABASE_URL names one: never the one `make run` made.
SERVE_DATABASE = $${DATABASE_URL:-sqlite:///$(CURDIR)/var/serve.sqlite3}
SERVE_ENV = DJANGO_DEBUG=0 DJANGO_SECRET_KEY="$$(cat var/serve-secret-key)" DATABASE_URL="$(SERVE_DATABASE)" \
	DJANGO_ALLOWED_HOSTS=$(HOST),localhost CALLBOARD_HTTPS=0 CALLBOARD_SERVE_MEDIA=1

var/serve-secret-key: | $(VENV)/.installed
	mkdir -p var
	$(PY) -c "from django.core.management.utils import get_random_secret_key as k; print(k())" > $@
	chmod 600 $@

## serve: production-like on http://$(HOST):$(PORT)/ (gunicorn, WhiteNoise, debug off)
serve: setup var/serve-secret-key
	$(SERVE_ENV) $(PY) manage.py migrate --noinput
	$(SERVE_ENV) $(PY) manage.py createcachetable
	$(SERVE_ENV) $(PY) manage.py collectstatic --noinput -v0
	$(SERVE_ENV) $(PY) manage.py load_demo --with-editor
	@echo
	@echo "  Database: $(SERVE_DATABASE)"
	@echo "  Site:     http://$(HOST):$(PORT)/"
	@echo "  Admin:    http://$(HOST):$(PORT)/admin/  (the editor account printed above)"
	@echo "  A task worker runs beside it (renditions, quote cards, webhooks) and stops with it."
	@echo
	$(SERVE_ENV) $(PY) manage.py run_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(SERVE_ENV) $(VENV)/bin/gunicorn cms.wsgi --workers $(WORKERS) --bind $(HOST):$(PORT) \
		--access-logfile - --max-requests 2000 --max-requests-jitter 200

## test: install, then the whole test suite (DATABASE_URL and REDIS_URL choose the backends)
test: setup
	$(PY) -m pytest $(PYTEST_ARGS)

## bench-quotes: score the quote and speaker analyser on the labelled articles, then time it on 200 KB bodies
bench-quotes: setup
	DJANGO_DEBUG=1 $(PY) -m bench.quotes
	DJANGO_DEBUG=1 $(PY) -m bench.text_scaling

## bench-spoilers: render generated documents with spoilers in every shape and check each stored variant for leaks
EXAMPLES ?= 500
bench-spoilers: setup
	DJANGO_DEBUG=1 $(PY) -m bench.spoilers --examples $(EXAMPLES)

## bench: seed N articles (default 2000) into var/bench.sqlite3 (or DATABASE_URL), time the pages and load gunicorn, then an image upload
N ?= 2000
BENCH_ARGS ?=
bench: setup load-generator
	$(PY) -m bench.seed $(N)
	$(PY) -m bench.run --json var/bench-results/latest.json $(BENCH_ARGS)
	DJANGO_DEBUG=1 $(PY) -m bench.images 12 12 12

# wrk (Debian's package) loads gunicorn as the Wagtail anchor's harness does; without it, and
# without the rights to install it, the benchmark falls back to bench/loadgen.py and says so.
load-generator:
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; } || echo "wrk not installed: using bench/loadgen.py"

## bench-scale: page times at SMALL against LARGE articles (two seeded databases), ratio per page
SMALL ?= postgres://postgres@127.0.0.1:5432/callboard_bench
LARGE ?= postgres://postgres@127.0.0.1:5432/callboard_bench_100k
bench-scale: setup
	$(PY) -m bench.scale $(SMALL) $(LARGE)

## bench-peer: the Wagtail anchor (../shared/bench/wagtail) and Callboard in one run, alternating rounds
bench-peer: setup load-generator
	$(PY) -m bench.peer

## bench-images: rendition time per image and per megapixel
bench-images: setup
	DJANGO_DEBUG=1 $(PY) -m bench.images

## load: 60 s at concurrency 32 against a production-like server, worker memory sampled every
## MEMORY_EVERY s (DURATION=600 for the memory run; FAULT=postgres|redis stops one mid-run)
DURATION ?= 60
MEMORY_EVERY ?= 10
# Two sync workers: the load generator runs on the same cores (5 workers measured a worse p99).
LOAD_WORKERS ?= 2
CONCURRENCY ?= 32
FAULT ?= none
load: setup var/serve-secret-key
	$(SERVE_ENV) $(PY) manage.py migrate --noinput
	$(SERVE_ENV) $(PY) manage.py createcachetable
	$(SERVE_ENV) $(PY) manage.py collectstatic --noinput -v0
	$(SERVE_ENV) $(PY) manage.py load_demo
	$(SERVE_ENV) $(PY) -m bench.load --duration $(DURATION) --concurrency $(CONCURRENCY) --fault $(FAULT) --memory-every $(MEMORY_EVERY) --workers $(LOAD_WORKERS)

## e2e: the browser tests alone (headless Debian Chromium through Playwright)
e2e: setup
	$(PY) -m pytest tests/browser $(PYTEST_ARGS)

## mutants: mutation testing of the rules readers and editors rely on, with a table per module (docs/testing.md)
mutants: setup
	$(PY) tests/mutation/run.py full

## mutants-fast: the mutants of Scope.covers and published_q only; fails if one survives (run by .ci/run)
mutants-fast: setup
	$(PY) tests/mutation/run.py fast

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

migrations-check: setup
	DJANGO_DEBUG=1 $(PY) manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) var .pytest_cache
