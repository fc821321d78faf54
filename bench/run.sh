#!/usr/bin/env bash
# Runs every Slipway benchmark in one go and prints a Markdown table of the ratios.
#
#   mvn -B -Pbench -DskipTests package   # builds cli/target/slipway.jar and bench/target/benchmarks.jar
#   bench/run.sh [--quick] [--check-only] [--baselines-only] [--only versions|changed|manifests]
#
# Generates the benchmark repository and manifest tree on the first run (under a minute; cached under
# bench/target), checks that Slipway's answers equal the git CLI's and grep + sed's, then runs the JMH
# benchmarks (about 6 minutes on 2 cores). Results: bench/target/bench-results.md and jmh-result.json.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jar=$root/bench/target/benchmarks.jar
if [ ! -f "$jar" ]; then
  echo "bench/run.sh: $jar is missing; build it first: mvn -B -Pbench -DskipTests package" >&2
  exit 2
fi
cd "$root"
exec java -cp "$jar" dev.slipway.bench.BenchMain \
  --cache "$root/bench/target/bench-repo" \
  --cli-jar "$root/cli/target/slipway.jar" \
  --out "$root/bench/target" \
  "$@"
