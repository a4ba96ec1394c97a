# Two commands do all the set-up: `make run` opens the cockpit, `make test` runs the suite.
PYTHON ?= python3
# The suite runs on two workers (CI has 2 cores); PYTEST_WORKERS=0 runs it in one process.
PYTEST_WORKERS ?= 2
VENV := .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test

.PHONY: run test demo bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP_TEST): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP_RUN) $@

run: $(STAMP_RUN)
	$(BIN)/facilitator $(ARGS)

demo: $(STAMP_RUN)
	$(BIN)/facilitator demo
	$(BIN)/facilitator $(ARGS)

test: $(STAMP_TEST)
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

# The benches open the cockpit, which remembers checked logs and readings in its data dir: give them
# folders of their own, never the user's.
bench: $(STAMP_TEST)
	@summary=$$(mktemp); dirs=$$(mktemp -d); for b in bench/[!_]*.py; do echo "== $$b"; \
		FACILITATOR_BENCH_SUMMARY=$$summary FACILITATOR_DATA_DIR=$$dirs/data FACILITATOR_CONFIG_DIR=$$dirs/config \
		$(BIN)/python $$b || exit 1; done; \
		$(BIN)/python bench/_summary.py $$summary; rm -rf $$summary $$dirs

clean:
	rm -rf $(VENV) build dist *.egg-info
