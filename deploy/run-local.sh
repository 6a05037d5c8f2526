#!/usr/bin/env bash
# One command for the whole platform on this machine: PostgreSQL, a Kafka broker, a MongoDB wire
# server and the ledger, settlement and payroll services. Data stays in ./data (wipe: rm -rf data/).
#
#   deploy/run-local.sh               build what is missing, start everything, Ctrl-C stops it
#   deploy/run-local.sh --rebuild     build everything first (mvn -DskipTests install)
#   deploy/run-local.sh --infra-only  only PostgreSQL, Kafka and MongoDB (run the apps from an IDE)
#
# Ports and paths are set by environment variables; see deploy/README.md.
set -euo pipefail

# Class files are named after messages such as RegisterSkyldigtBeløb: Java needs a UTF-8 locale.
case "${LC_ALL:-${LANG:-}}" in
  *UTF-8*|*utf8*) ;;
  *) export LANG=C.UTF-8 LC_ALL=C.UTF-8 ;;
esac

cd "$(dirname "${BASH_SOURCE[0]}")/.."

rebuild=false
infra_only=false
args=()
for arg in "$@"; do
  case "$arg" in
    --rebuild) rebuild=true ;;
    --infra-only) infra_only=true; args+=("$arg") ;;
    *) args+=("$arg") ;;
  esac
done

launcher=deploy/local/target/local-stack.jar
jars=("$launcher")
sources=(pom.xml deploy/local)
build=(mvn -B -q -DskipTests install -pl deploy/local -am)
if [[ $infra_only == false ]]; then
  jars+=(
    ledger-service/ledger-app/target/ledger-app.jar
    settlement-service/target/settlement-service.jar
    payroll-posting-service/target/payroll-posting-service.jar
  )
  sources=(.)
  build=(mvn -B -q -DskipTests install)
fi

# Stale when a jar is missing, or a pom or main source file is newer than the oldest jar.
stale() {
  local jar oldest="" newer
  for jar in "${jars[@]}"; do
    [[ -f $jar ]] || { echo "missing $jar"; return 0; }
    if [[ -z $oldest || $jar -ot $oldest ]]; then oldest=$jar; fi
  done
  compgen -G "deploy/local/target/lib/kafka_2.13-*.jar" >/dev/null || { echo "missing deploy/local/target/lib"; return 0; }
  newer=$(find "${sources[@]}" \( -path ./data -o -path ./.git -o -name target \) -prune -o \
    -type f \( -name pom.xml -o -path '*/src/main/*' \) -newer "$oldest" -print -quit)
  [[ -n $newer ]] && { echo "$newer is newer than $oldest"; return 0; }
  return 1
}

reason=""
if [[ $rebuild == true ]] || reason=$(stale); then
  echo "building (${reason:-requested}): ${build[*]}"
  "${build[@]}"
fi

java_bin=java
[[ -n ${JAVA_HOME:-} ]] && java_bin="$JAVA_HOME/bin/java"
exec "$java_bin" -Xmx384m -XX:+UseSerialGC -cp "deploy/local/target/lib/*:$launcher" \
  dk.platform.local.LocalStack ${args[@]+"${args[@]}"}
