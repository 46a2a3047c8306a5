# The two commands of the README: `make demo` (set up, run the main job on ../shared/seeds)
# and `make test` (set up, lint, type-check, run the suite). Both work from a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SEEDS ?= ../shared/seeds
DB ?= armsledger.db
# The install compiles the extraction engine with mypyc (setup.py) unless ARMSLEDGER_PURE_PYTHON=1.
# Each mode has its own stamp, so switching modes reinstalls; and an edited engine source makes
# the compiled modules stale, so it reinstalls too (a stale one would shadow the edit).
export ARMSLEDGER_PURE_PYTHON
MODE := $(if $(filter-out 0,$(ARMSLEDGER_PURE_PYTHON)),pure,compiled)
STAMP := $(VENV)/.installed-$(MODE)
ENGINE_SOURCES := $(wildcard src/armsledger/extract/*.py)

.PHONY: setup demo test lint typecheck pytest score clean clean-build

setup: $(STAMP)

$(STAMP): pyproject.toml setup.py $(if $(filter compiled,$(MODE)),$(ENGINE_SOURCES))
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(MAKE) --no-print-directory clean-build
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: setup
	$(BIN)/armsledger analyze $(SEEDS) --db $(DB)

lint: setup
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: setup
	$(BIN)/mypy

pytest: setup
	$(BIN)/pytest -q

test: lint typecheck pytest

score: setup
	$(BIN)/armsledger extract $(SEEDS) --format jsonl > /tmp/armsledger-seeds.jsonl
	$(PYTHON) ../shared/eval/score.py --gold ../shared/eval/gold/seeds.jsonl --pred /tmp/armsledger-seeds.jsonl

# The compiled engine's products: extension modules beside the sources, mypyc's C under build/.
# The stamps go too, so that the next `make setup` builds again.
clean-build:
	rm -rf build
	find src -name '*.so' -delete
	rm -f $(VENV)/.installed $(VENV)/.installed-*

clean: clean-build
	rm -rf $(VENV) src/*.egg-info .mypy_cache .ruff_cache .pytest_cache armsledger.db armsledger.db-*
