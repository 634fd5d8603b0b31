# Everything a new user needs: `make demo` (install + code the bundled examples), `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test install bench clean

$(BIN)/hudhud: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(BIN)/hudhud

install: $(BIN)/hudhud

demo: install
	$(BIN)/hudhud demo

test: install
	$(BIN)/hudhud lexicon check
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) *.duckdb
