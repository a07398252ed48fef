# Two commands set up everything on a fresh machine (Python >= 3.11, PyPI reachable):
#   make demo   create .venv, install storytrace, run it on the bundled example pages
#   make test   create .venv, install storytrace with test tools, run the tests
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
DATA   ?= ../shared/data

.PHONY: demo test bench lint clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/storytrace demo

test: $(STAMP)
	$(PY) -m pytest

# every benchmark, even when one exits non-zero for a floor it does not reach (numbers: docs/RESULTS.md)
bench: $(STAMP)
	$(VENV)/bin/pip install -q -e '.[bench]'
	-$(PY) benchmarks/bench_warc_stream.py
	-$(PY) benchmarks/bench_extraction.py --data $(DATA)
	-$(PY) benchmarks/bench_text_anatomy.py --data $(DATA)
	-$(PY) benchmarks/bench_facts.py --data $(DATA)
	-LANG=en_US.UTF-8 $(PY) benchmarks/bench_comments.py --data $(DATA) --mhc-sample 400
	-$(PY) benchmarks/bench_stories.py --data $(DATA) --summedits 60

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks training

clean:
	rm -rf $(VENV) storytrace-demo storytrace-out
