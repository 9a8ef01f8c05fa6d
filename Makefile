# Allyship: `make run` to try it, `make test` to check it. See README.md.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DEV := DEBUG=true
TESTING := DJANGO_SETTINGS_MODULE=tests.settings

.PHONY: run test lint format db stop-db install messages clean bench bench-quick

$(VENV)/.installed: pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --editable ".[dev]"
	@touch $@

install: $(VENV)/.installed

## Find or start PostgreSQL and create the database if it is missing.
db: install
	@$(PY) -m allyship.devdb > /dev/null

stop-db: install
	$(PY) -m allyship.devdb stop

## Compile translations only when a .po file changed since its .mo.
MO_FILES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))

messages: install $(MO_FILES)

%.mo: %.po
	@if command -v msgfmt > /dev/null; then \
		$(DEV) $(PY) manage.py compilemessages --ignore=.venv --verbosity 0; \
	else echo "msgfmt not found (Debian package gettext): translations are not compiled."; fi

run: db messages
	$(DEV) $(PY) manage.py prepare_run
	@echo "Serving on http://127.0.0.1:8000 (Ctrl-C to stop)"
	$(DEV) $(PY) manage.py runserver 127.0.0.1:8000

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djlint --check --lint templates allyship assessments learning

test: db messages lint
	$(TESTING) $(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest

## Seed the scale data set, serve it with gunicorn, drive each page with wrk (ARGS=--quick etc.).
bench: db
	$(PY) -m bench $(ARGS)

bench-quick: db
	$(PY) -m bench --quick $(ARGS)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache *.egg-info

## Rewrite code and templates in the house style.
format: install
	$(VENV)/bin/ruff check --fix --quiet .
	$(VENV)/bin/ruff format --quiet .
	-$(VENV)/bin/djlint --reformat --quiet templates allyship assessments learning
