# Contact-center warehouse: the project's own commands.
#   make run    build the sample warehouse from the bundled exports (first command to try)
#   make test   lint and the whole test suite, including a real dbt build on fixture data
#   make setup-spark, make spark-test, make spark-parity: the same project on Apache Spark

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
WAREHOUSE_PATH ?= warehouse.duckdb
export WAREHOUSE_PATH
export DBT_PROFILES_DIR := $(CURDIR)
export DBT_SEND_ANONYMOUS_USAGE_STATS := false
# The secret salt of customer_key (macros/privacy/customer_identity.sql): from the environment,
# else a random one kept in .customer_key_salt (never committed), so keys stay stable here.
CCW_CUSTOMER_KEY_SALT ?= $(shell test -s .customer_key_salt || $(PYTHON) -c 'import secrets; print(secrets.token_hex(32))' > .customer_key_salt; cat .customer_key_salt)
export CCW_CUSTOMER_KEY_SALT

# Every vendor of the registry (dbt_project.yml, var source_systems) with its sample load
# options, one per line: `make load` loads sample_data/<source_system>/ of each.
SAMPLE_LOADS = $(BIN)/python -m ccw.registry samples

.PHONY: setup run load build publish docs report lint test drift bench clean distclean \
	setup-spark spark-test spark-parity setup-browser

setup: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

run: setup load build publish docs report
	@echo
	@echo "Warehouse built: $(WAREHOUSE_PATH)"
	@echo "Query it, for example:"
	@echo "  $(BIN)/python -c \"import duckdb; print(duckdb.connect('$(WAREHOUSE_PATH)', read_only=True).sql('select source_system, channel, count(*) as interactions from marts.fct_interactions group by all'))\""
	@echo "  duckdb -readonly $(WAREHOUSE_PATH) \"select * from marts.fct_interactions limit 10\"   (with the duckdb CLI 2.0+)"
	@echo "  $(BIN)/python -c \"import duckdb; print(duckdb.connect('$(WAREHOUSE_PATH)', read_only=True).sql('select source_system, interaction_key, turn_sequence, participant_role, turn_text from marts.fct_transcript_turns order by all limit 12'))\""
	@echo "What was loaded, rejected and quarantined: $(BIN)/ccw status --db $(WAREHOUSE_PATH)"
	@echo "BI tools: open the serving file read-only: $$(dirname $(WAREHOUSE_PATH))/serving.duckdb (see README, 'BI tools')"
	@echo "Docs site: $(BIN)/dbt docs serve   (then open http://localhost:8080)"
	@echo "KPI dashboard: open $(CURDIR)/target/dashboard/index.html in a browser (file://, no server)"

load: setup
	@$(SAMPLE_LOADS) | while read -r vendor options; do \
		$(BIN)/ccw load $$vendor sample_data/$$vendor $$options --db $(WAREHOUSE_PATH) || exit 1; \
	done

build: setup
	$(BIN)/dbt build

publish: setup
	$(BIN)/ccw publish --db $(WAREHOUSE_PATH)

report: setup
	$(BIN)/ccw report --db $(WAREHOUSE_PATH) --out target/dashboard

docs: setup
	$(BIN)/dbt docs generate
	$(BIN)/ccw lineage --db $(WAREHOUSE_PATH)

lint: setup
	$(BIN)/python -m ccw.portability
	$(BIN)/ruff check scripts tests bench
	$(BIN)/ruff format --check scripts tests bench
	$(BIN)/mypy
	WAREHOUSE_PATH=:memory: $(BIN)/sqlfluff lint models tests

test: setup setup-browser lint
	$(BIN)/pytest

# Headless Chromium from Debian's packages renders the HTML reports in the tests.
setup-browser:
	@command -v chromium >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) \
		|| { echo "make setup-browser: install Debian's chromium package (apt-get install chromium) as root"; exit 1; }

# The drift test's full matrix: every mutation applied to every sample record group that carries
# the field (`make test` applies each mutation once). See tests/drift/.
drift: setup
	CCW_DRIFT=full $(BIN)/pytest tests/drift

# Not part of `make test`: times the fixed cost on the samples, the loader at every file size
# and on a 10 GB batch, end to end on BENCH_MB and twice that of NICE exports, incremental
# builds, the other vendors' loads and the peers; writes bench/results/. About an hour at 1000.
BENCH_MB ?= 1000
BENCH_STAMP := $(VENV)/.bench-installed

$(BENCH_STAMP): bench/requirements.txt $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r bench/requirements.txt
	touch $(BENCH_STAMP)

bench: setup $(BENCH_STAMP)
	$(BIN)/python bench/run.py --megabytes $(BENCH_MB)

# The Spark target (README, "Run on Spark"): Java 17 from Debian's packages and the pinned Spark
# packages beside the DuckDB ones in the same venv.
SPARK_STAMP := $(VENV)/.spark-installed

$(SPARK_STAMP): requirements-spark.txt $(STAMP)
	command -v java >/dev/null || (apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-spark.txt
	touch $(SPARK_STAMP)

setup-spark: $(SPARK_STAMP)

# The macros' parity tests: each dispatched macro on edge-case inputs, on DuckDB and on Spark.
spark-test: setup-spark
	$(BIN)/pytest -m spark tests/spark

# With WAREHOUSE_PATH a warehouse built on DuckDB (make run): export its raw tables as Parquet,
# build the project on Spark from them and compare every mart row for row.
spark-parity: setup-spark
	$(BIN)/python -m ccw.parity --db $(WAREHOUSE_PATH) --work target/spark

clean:
	rm -rf target logs $(WAREHOUSE_PATH) $(WAREHOUSE_PATH).wal serving.duckdb

distclean: clean
	rm -rf $(VENV)
