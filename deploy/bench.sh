#!/usr/bin/env bash
# The benchmark of issue 9: command path, open items, lag, replay and payroll, each beside a raw
# PostgreSQL, Kafka or MongoDB baseline measured on the same servers in the same run.
#
#   deploy/bench.sh            full run (about 30 min): table on the console, docs/BENCHMARKS.md, target/bench-results.json
#   deploy/bench.sh --quick    everything at a small scale (under 3 min): target/BENCHMARKS-quick.md, target/bench-results.json
#   options: --md FILE --json FILE (where results go), --jfr DIR (every JVM of the stack records a JFR file there)
#
# It builds what is missing (mvn -DskipTests package, never install), then starts its own local stack
# (the launcher of deploy/run-local.sh) on free ports with data in target/bench-stack, and stops it at
# the end. To measure a stack that is already running instead, set BENCH_LEDGER_URL (and, if not the
# defaults, BENCH_PAYROLL_URL, BENCH_JDBC_URL, BENCH_DB_USER, BENCH_DB_PASSWORD, BENCH_KAFKA, BENCH_MONGO_URI).
set -euo pipefail

case "${LC_ALL:-${LANG:-}}" in
  *UTF-8*|*utf8*) ;;
  *) export LANG=C.UTF-8 LC_ALL=C.UTF-8 ;;
esac

cd "$(dirname "${BASH_SOURCE[0]}")/.."

jars=(bench/target/ledger-bench.jar deploy/local/target/local-stack.jar ledger-service/ledger-app/target/ledger-app.jar
      settlement-service/target/settlement-service.jar payroll-posting-service/target/payroll-posting-service.jar)
stale() {
  local jar oldest=""
  for jar in "${jars[@]}"; do
    [[ -f $jar ]] || { echo "missing $jar"; return 0; }
    if [[ -z $oldest || $jar -ot $oldest ]]; then oldest=$jar; fi
  done
  local newer
  newer=$(find . \( -path ./data -o -path ./.git -o -name target \) -prune -o \
    -type f \( -name pom.xml -o -path '*/src/main/*' \) -newer "$oldest" -print -quit)
  [[ -n $newer ]] && { echo "$newer is newer than $oldest"; return 0; }
  return 1
}
if reason=$(stale); then
  echo "building ($reason): mvn -B -q -DskipTests package -pl bench -am"
  mvn -B -q -DskipTests package -pl bench -am
fi

java_bin=java
[[ -n ${JAVA_HOME:-} ]] && java_bin="$JAVA_HOME/bin/java"
export BENCH_COMMAND="deploy/bench.sh${*:+ $*}"
exec "$java_bin" -Xmx1g -cp "bench/target/ledger-bench.jar:bench/target/lib/*" dk.platform.bench.Bench --repo . "$@"
