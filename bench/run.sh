#!/usr/bin/env bash
# Runs every Slipway benchmark in one go and prints a Markdown table of the ratios.
#
#   mvn -B -Pbench -DskipTests package   # builds cli/target/slipway.jar and bench/target/benchmarks.jar
#   bench/run.sh [--quick] [--check-only] [--baselines-only] [--parse-only] [--only versions|changed|manifests|parse]
#
# The parsing benchmark compares ConventionalCommit.parse with the npm package conventional-commits-parser
# (pinned: 7.1.4) run by node (20); the first run installs it into bench/target/node with npm.
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
node_dir=$root/bench/target/node
ccp_version=7.1.4
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "bench/run.sh: node and npm are needed for the parsing baseline (apt-get install nodejs npm)" >&2
  exit 2
fi
case "$(node --version)" in
  v20.*) ;;
  *) echo "bench/run.sh: warning: the recorded baseline is node 20; this is node $(node --version)" >&2 ;;
esac
if ! grep -qs "\"version\": \"$ccp_version\"" "$node_dir/node_modules/conventional-commits-parser/package.json"; then
  mkdir -p "$node_dir"
  # conventional-commits-parser 7 declares node >= 22 in "engines"; it runs on node 20 (the check below proves it)
  npm install --prefix "$node_dir" --no-save --no-audit --no-fund --loglevel=error \
    "conventional-commits-parser@$ccp_version" >&2
fi
exec java -cp "$jar" dev.slipway.bench.BenchMain \
  --cache "$root/bench/target/bench-repo" \
  --cli-jar "$root/cli/target/slipway.jar" \
  --out "$root/bench/target" \
  --node "$node_dir" \
  "$@"
