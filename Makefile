# Quorum: `make run` opens the app on its demo library; `make test` runs the whole suite headless.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test lint bench screenshots lock clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --constraint constraints.txt --editable ".[test]"
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/quorum --demo

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

lint: $(STAMP)
	$(PY) -m ruff check app db ui tests
	$(PY) -m mypy

# Each benchmark in a process of its own: resident memory and start-up are not shared.
bench: $(STAMP)
	@status=0; for bench in tests/benchmarks/test_*.py; do \
		QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -s $$bench || status=1; \
	done; exit $$status

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m ui.screenshots docs/screenshots

# Re-pin every dependency to what is installed now (after a deliberate upgrade).
lock: $(STAMP)
	$(PY) -m pip freeze --exclude-editable --exclude quorum > constraints.txt

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
