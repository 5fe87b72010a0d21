#!/usr/bin/env bash
# Fills the benchmark Client of a running server (started by bench/crm-api.sh or by hand with
# TEAM365_DATA_DIR=target/bench-data PORT=18365) with synthetic data through COPY. Writes bench/results/crm-data.json.
#   bench/crm-data.sh [--scale 1] [--url http://localhost:18365] [--data-dir target/bench-data]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/classpath.sh
exec "$JAVA" -cp "$CP" io.team365.bench.CrmDataGenerator "$@"
