# Two commands: `make book` builds the report from seeds/, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat requirements.txt pyproject.toml | sha1sum | cut -c1-12)
export PATH := $(abspath $(VENV))/bin:$(PATH)
export PYTHONHASHSEED := 0
export MPLBACKEND := Agg

.PHONY: book test notebooks html pdf env clean data

# The tables of seeds/ and of each test corpus, made once: a second `make data` does nothing until
# a corpus or the extraction library (its code and data files) changes.
LIBRARY := $(sort $(shell find paradiplomacy -name '*.py' -o -name '*.csv' | grep -v __pycache__))
TEST_CORPORA := extra $(notdir $(wildcard tests/data/holdout*))
TABLES := data/run.json $(TEST_CORPORA:%=data-%/run.json)

env: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	$(PY) -m ipykernel install --sys-prefix --name python3 --display-name "Python 3"
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

book: notebooks pdf html

data: $(TABLES)

data/run.json: $(STAMP) $(LIBRARY) seeds $(wildcard seeds/*)
	$(PY) -m paradiplomacy extract seeds --out data

.SECONDEXPANSION:
data-%/run.json: $(STAMP) $(LIBRARY) tests/data/% $$(wildcard tests/data/$$*/*)
	$(PY) -m paradiplomacy extract tests/data/$* --out data-$*

notebooks: $(STAMP) $(TABLES)
	$(PY) scripts/run_notebooks.py

# The PDF edition: needs xelatex, latexmk and the FreeFont fonts (README: "The PDF"); copied into the
# site's downloads/ so that the HTML links it.
# The HTML links the PDF, so `make html` makes it first when the book's sources are newer.
BOOK_SOURCES := _config.yml _toc.yml $(wildcard book/*.ipynb book/*.md book/corpus/*.md)

pdf: book/site/downloads/book.pdf

book/site/downloads/book.pdf: $(STAMP) $(BOOK_SOURCES)
	$(VENV)/bin/jupyter-book build . --builder pdflatex
	mkdir -p book/site/downloads
	cp _build/latex/book.pdf book/site/downloads/book.pdf

html: $(STAMP) book/site/downloads/book.pdf
	rm -rf _build/html
	$(VENV)/bin/jupyter-book build . --warningiserror --keep-going

test: $(STAMP) $(TABLES)
	$(PY) -m pytest tests book --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg -p no:cacheprovider

clean:
	rm -rf _build data data-* .data*.cache
