#!/usr/bin/env bash
# Measures what binding the tenant to each pooled connection costs, against raw JDBC on the same pool.
# Writes bench/results/tenancy.json.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test -Dtest=TenantBindingBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.check.skip=true
cat bench/results/tenancy.json
