# Two commands on a fresh machine: `make run` and `make test`.
VENV := .venv
PY := $(VENV)/bin/python
DECISIONS := $(VENV)/bin/decisions
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: install run index serve test lint format bench clean

$(PY):
	python3 -m venv $(VENV)

# torch first, pinned: that pin is the CPU build here; anything that pulled torch in
# unpinned would fetch gigabytes of CUDA packages. The stamp makes a second run instant.
$(STAMP): pyproject.toml constraints.txt | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

index: install
	$(DECISIONS) index corpus/

serve: install
	$(DECISIONS) serve --host $(HOST) --port $(PORT)

run: index serve

test: install
	$(PY) -m pytest -q

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: install
	$(PY) -m benchmarks.run_all

clean:
	rm -rf data tests/artifacts
