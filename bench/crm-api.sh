#!/usr/bin/env bash
# Load on the packaged server over HTTP (token) beside the same SQL through raw JDBC, same clients, same run.
# Generates the dataset first when the benchmark Client is empty (kept in target/bench-data between runs).
# Writes bench/results/crm-api.json (and crm-data.json when it generated, crm-api-plans.txt with EXPLAIN ANALYZE).
#   bench/crm-api.sh [--scale 1] [--clients 16] [--duration 30] [--warmup 10] [--pages 3] [--heap 512m]
# Set BUILD=1 to rebuild the jar first (it is built when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/classpath.sh
exec "$JAVA" -cp "$CP" io.team365.bench.CrmApiBenchmark "$@"
