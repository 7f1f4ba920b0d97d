# Porteføljeportalen: `make run` to try it, `make test` to prove it.
# Every dependency is installed from the project's own files: requirements*.txt (PyPI) and
# package.json/package-lock.json (npm). Nothing is fetched at run time.

SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
APPS := portefolje ideer konseptnotat velge prosjekter rapporter offentlig api

# `make` is for trying out and developing: debug on unless the caller says otherwise.
# (Tests set their own production-like environment in pytest.ini.)
export DEBUG ?= true

# Python may keep compiled modules, and pytest its rewritten test modules, between runs, even where
# the environment says not to (container images often set PYTHONDONTWRITEBYTECODE): without them
# every test process compiles every module again, about 15 s before the first test runs.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: messages-compiled setup run serve test test-fast worker lint format demo messages migrate assets venv browser backup restore bench skjermbilder clean

# --- installation -----------------------------------------------------------------------------

# Django 6.1 needs Python 3.12+: take the first interpreter that is new enough.
$(VENV)/bin/python:
	@set -e; for c in python3 python3.13 python3.12 $$HOME/.pyenv/versions/3.12*/bin/python3 $$HOME/.pyenv/versions/3.13*/bin/python3; do \
	  if command -v $$c >/dev/null 2>&1 && $$c -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then \
	    echo "Lager $(VENV) med $$($$c --version)"; $$c -m venv $(VENV); exit 0; fi; done; \
	  echo "Fant ingen Python 3.12 eller nyere (Django 6.1 krever det)." >&2; exit 1

$(VENV)/.installed: $(VENV)/bin/python requirements.txt requirements-dev.txt
	$(PY) -m pip install --quiet --upgrade pip
	@# --no-compile: Python compiles a module the first time it is imported and keeps it; compiling
	@# every module of every package here (most never imported) costs a third of the install.
	$(PY) -m pip install --quiet --no-compile -r requirements-dev.txt
	@touch $@

# Locust and its gevent for `make bench` only (requirements-bench.txt).
$(VENV)/.bench-installed: $(VENV)/.installed requirements-bench.txt
	$(PY) -m pip install --quiet --no-compile -r requirements-bench.txt
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# Lighthouse for `make bench` only (bench/package.json, locked in bench/package-lock.json): a third
# of a megabyte per page would otherwise be fetched by every `make setup` and `make test`.
bench/node_modules/.installed: bench/package.json bench/package-lock.json
	npm ci --prefix bench --no-audit --no-fund
	@touch $@

venv: $(VENV)/.installed

# The one stylesheet: Bootstrap from its Sass sources (only the parts static/scss/portal.scss names)
# and the portal's own CSS, compressed. Build output in static/build/, never committed.
SASS := node_modules/.bin/sass --no-source-map --style=compressed --load-path=node_modules \
  --quiet-deps --silence-deprecation=import
static/build/portal.css: node_modules/.installed $(wildcard static/scss/*.scss static/css/*.css)
	@mkdir -p $(@D)
	$(SASS) static/scss/portal.scss $@

# The icon sprite: the Bootstrap Icons the templates draw with {% ikon %} (portefolje/ikoner.py).
MALER := $(shell find . \( -name node_modules -o -name .venv -o -name .git -o -name staticfiles \) -prune \
  -o -path '*/templates/*' -type f -print)
static/build/ikoner.svg: node_modules/.installed $(VENV)/bin/python portefolje/ikoner.py $(MALER)
	$(PY) portefolje/ikoner.py

assets: static/build/portal.css static/build/ikoner.svg

# Compiled message files are build output (not committed): made from the .po files here.
messages-compiled: $(VENV)/.installed
	@$(MANAGE) compilemessages -i .venv -i node_modules >/dev/null

setup: venv assets messages-compiled

# --- trying it out ----------------------------------------------------------------------------

migrate: setup
	$(MANAGE) migrate --noinput

demo: migrate
	$(MANAGE) demo_data

# Serves http://127.0.0.1:$(PORT) (PORT=8000 unless you set it; links in e-mails follow it) with a
# Celery worker and beat beside it. Without CELERY_BROKER_URL the broker is Kombu's filesystem
# transport in .run/broker, so no Redis is needed to try it. E-mail is written to .run/epost/.
export PORT ?= 8000
run: demo
	@mkdir -p .run/epost
	@echo "Porteføljeportalen: http://127.0.0.1:$(PORT)  (logg inn som f.eks. klg / demo; e-post havner i .run/epost/)"
	@trap 'kill 0' EXIT INT TERM; \
	  $(VENV)/bin/celery -A portefolje worker --beat --loglevel=INFO --concurrency=1 \
	    --schedule=.run/celerybeat-schedule & \
	  $(MANAGE) runserver 127.0.0.1:$(PORT)

# --- as in production -----------------------------------------------------------------------------

# `make serve`: DEBUG off, gunicorn (gunicorn.conf.py) with collected static files through
# WhiteNoise, a Celery worker with beat beside it, on PostgreSQL and Redis. The defaults point at
# local servers; set DATABASE_URL, CELERY_BROKER_URL, CACHE_URL, SECRET_KEY and ALLOWED_HOSTS for
# a real installation. Over plain http on this machine, https redirects and secure cookies are
# off unless you set them (behind the municipality's TLS proxy: BEHIND_TLS_PROXY=true).
serve: export DEBUG = false
serve: export DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/porteportalen
serve: export CELERY_BROKER_URL ?= redis://127.0.0.1:6379/0
serve: export CACHE_URL ?= redis://127.0.0.1:6379/1
serve: export ALLOWED_HOSTS ?= 127.0.0.1,localhost
serve: export SECURE_SSL_REDIRECT ?= false
serve: export SECURE_COOKIES ?= false
# Without SECRET_KEY, a random key kept in .run/secret_key (a real installation sets its own).
serve: export SECRET_KEY ?= $(shell mkdir -p .run; [ -s .run/secret_key ] || \
  python3 -c 'import secrets; print(secrets.token_urlsafe(50))' > .run/secret_key; cat .run/secret_key)
serve: setup
	@# The local default database is made on first use; a real installation's exists already.
	@[ "$$DATABASE_URL" != "postgres://postgres@127.0.0.1:5432/porteportalen" ] || \
	  psql -h 127.0.0.1 -U postgres -tc "SELECT 1 FROM pg_database WHERE datname='porteportalen'" | grep -q 1 || \
	  createdb -h 127.0.0.1 -U postgres porteportalen
	@set -e; \
	  $(MANAGE) migrate --noinput; \
	  $(MANAGE) collectstatic --noinput -v0; \
	  trap 'kill 0' EXIT INT TERM; \
	  $(VENV)/bin/celery -A portefolje worker --beat --loglevel=INFO --schedule=.run/celerybeat-schedule-serve & \
	  $(VENV)/bin/gunicorn --config gunicorn.conf.py

worker: setup
	$(VENV)/bin/celery -A portefolje worker --beat --loglevel=INFO

# --- proving it ----------------------------------------------------------------------------------

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: venv
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Regenerates the bokmål message files after strings change: one per app, and locale/ for the
# shared templates in templates/. Translate the new entries, then `make test` checks none is empty.
messages: venv
	@for app in $(APPS); do (cd $$app && ../$(PY) ../manage.py makemessages -l nb -l nn --no-obsolete \
	  -i 'tests/*' -i 'migrations/*' >/dev/null) || exit 1; done
	@$(MANAGE) makemessages -l nb -l nn --no-obsolete $(foreach a,$(APPS),-i '$(a)/*') -i '.venv/*' \
	  -i 'node_modules/*' -i 'tests/*' -i 'bench/*' -i 'conftest.py' >/dev/null

browser:
	@command -v chromium >/dev/null 2>&1 || { echo "Installerer Debians Chromium for nettlesertestene"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# Two test processes on a two-core machine; override with `make test PYTEST_WORKERS=4`.
PYTEST_WORKERS ?= 2

# The tests start no service: they use what they are given or find. PostgreSQL from DATABASE_URL,
# else a local server if one answers, else SQLite; Redis from CELERY_BROKER_URL, else a local one
# if it answers, else none. pytest's first lines say which. A test that needs a missing service
# (marker postgres or redis) is listed at the end as not run; in CI (CI=true) it fails the run.
define testtjenester
if [ -z "$$DATABASE_URL" ] && command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h 127.0.0.1; then \
  export DATABASE_URL=postgres://postgres@127.0.0.1:5432/porteportalen; fi; \
if [ -z "$$CELERY_BROKER_URL" ] && $(PY) -c 'import redis; redis.Redis(socket_connect_timeout=1).ping()' \
  >/dev/null 2>&1; then export CELERY_BROKER_URL=redis://127.0.0.1:6379/5; fi
endef

# Everything, browser journeys included, in two processes handed one test at a time, longest first
# (conftest.py); each clones the test database from a template migrated once (tests/testdatabase.py).
test: setup browser
	$(MAKE) --no-print-directory lint
	$(MANAGE) makemigrations --check --dry-run
	@$(testtjenester); $(VENV)/bin/pytest -n $(PYTEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

# The loop while coding: no lint, no browser, no tests that start processes of their own, not the
# walks over every page and form (marker slow: minutes each, `make test` runs them), fewer
# Hypothesis examples where a test leaves the number open, and each process keeps its test
# database between runs.
test-fast: setup
	@$(testtjenester); $(VENV)/bin/pytest -n $(PYTEST_WORKERS) --dist loadgroup \
	  -m "not browser and not subprocess and not slow" \
	  --reuse-db --hypothesis-profile=rask $(PYTEST_ARGS)

# The README's pictures, taken anew by the browser test that checks those pages (commit the PNGs).
skjermbilder: setup browser
	SKJERMBILDER=$(CURDIR)/docs/bilder $(VENV)/bin/pytest -p no:xdist tests/browser/test_skjermbilder.py

# --- backup and restore (PostgreSQL only) -------------------------------------------------------

# `make backup` writes backups/portal-<UTC time>.dump (pg_dump's custom format) of DATABASE_URL;
# `make restore FILE=backups/portal-....dump` puts one back into DATABASE_URL, replacing what
# is there, in one transaction (all or nothing). The URL itself is never printed: it may hold a
# password.
BACKUP_DIR ?= backups
define krev_postgres
	@case "$$DATABASE_URL" in postgres://*|postgresql://*) ;; \
	  "") echo "make $@: DATABASE_URL er ikke satt, så portalen bruker SQLite; sikkerhetskopi og gjenoppretting gjelder bare PostgreSQL. Ingenting er gjort." >&2; exit 2;; \
	  *) echo "make $@: DATABASE_URL peker ikke på PostgreSQL (må begynne med postgres://). Ingenting er gjort." >&2; exit 2;; esac
endef

backup:
	$(krev_postgres)
	@mkdir -p "$(BACKUP_DIR)"
	@fil="$(BACKUP_DIR)/portal-$$(date -u +%Y%m%dT%H%M%SZ).dump"; \
	  pg_dump --format=custom --no-owner --file="$$fil" --dbname="$$DATABASE_URL" && echo "Sikkerhetskopi skrevet: $$fil"

restore:
	@[ -n "$(FILE)" ] || { echo "Bruk: make restore FILE=$(BACKUP_DIR)/portal-<tid>.dump" >&2; exit 2; }
	@[ -f "$(FILE)" ] || { echo "make restore: fant ikke filen $(FILE); ingenting er gjort." >&2; exit 2; }
	$(krev_postgres)
	pg_restore --clean --if-exists --no-owner --single-transaction --exit-on-error \
	  --dbname="$$DATABASE_URL" "$(FILE)"
	@echo "Gjenopprettet fra $(FILE)"

# Needs PostgreSQL and Redis: DATABASE_URL=postgres://…/portal_bench CELERY_BROKER_URL=redis://… make bench
# Every main page at --size large and xlarge (a second database <name>_x2), then against
# `make serve`: each page over HTTP as its user, 50 simulated users for 60 s (Locust) and
# Lighthouse (mobile) on five pages. Tables to stdout and bench/results/<time>/.
bench: setup $(VENV)/.bench-installed bench/node_modules/.installed
	$(PY) bench/diff.py
	$(PY) bench/importer.py
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) node_modules bench/node_modules .run staticfiles static/build
