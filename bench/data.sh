#!/usr/bin/env bash
# Data in and out at scale on the packaged server (-Xmx512m): a 1,000,000-row contacts CSV imported through the API
# beside a raw COPY of the same file; search with 8 clients beside the same SQL through raw JDBC; an export of every
# contact to CSV beside a raw COPY TO STDOUT. Writes bench/results/data.json. See bench/README.md.
#   bench/data.sh [--rows 1000000] [--clients 8] [--duration 30] [--heap 512m] [--scenarios import,search,export]
# Set BUILD=1 to rebuild the jar first (it is built when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/classpath.sh
exec "$JAVA" -cp "$CP" io.team365.bench.DataBenchmark "$@"
