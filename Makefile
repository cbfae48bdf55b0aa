# FactLedger developer commands. Every target creates or reuses .venv itself.
# `make help` lists them.

PYTHON ?= $(shell command -v python3.11 || command -v python3.12 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help run test check lint format system-deps bench package package-check clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 16

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@rm -f $(VENV)/.installed-*
	@touch $(STAMP)

system-deps:  ## install the Debian packages Qt, the GUI tests and the CSV round trip need (as root or with sudo)
	@bash packaging/install-system-deps.sh

run: system-deps $(STAMP)  ## set everything up and open the app on the default ledger
	$(BIN)/factledger

test: system-deps $(STAMP)  ## set everything up and run the whole test suite
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q

lint: $(STAMP)  ## ruff, ruff format --check, mypy, import contracts
	$(BIN)/ruff check desktop tests benchmarks packaging
	$(BIN)/ruff format --check desktop tests benchmarks packaging
	$(BIN)/mypy
	$(BIN)/lint-imports

check: lint test  ## the gate: lint, types, import rules and every test

format: $(STAMP)  ## format and auto-fix
	$(BIN)/ruff format desktop tests benchmarks packaging
	$(BIN)/ruff check --fix desktop tests benchmarks packaging

bench: $(STAMP)  ## run the benchmarks and write docs/PERFORMANCE.md
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run_all.py

package: system-deps $(STAMP)  ## build the one-dir bundle and the Linux .deb into dist/
	$(BIN)/python -m pip install --quiet -e '.[package]'
	bash packaging/linux/build-deb.sh

package-check: package  ## install the .deb, self-test it, screenshot it, remove it
	bash packaging/linux/check-deb.sh

clean:  ## remove build output (keeps .venv)
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
