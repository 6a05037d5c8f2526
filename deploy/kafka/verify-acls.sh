#!/bin/sh
# Proves the Kafka security of deploy/docker-compose.yml without Docker: starts one KRaft broker
# from the Kafka 3.9.2 jars in the local Maven repository with the SAME start script and
# server.properties as the compose "kafka" container (start-kafka.sh, server-properties.sh), runs
# the SAME init script as "kafka-init" (init-kafka.sh: SCRAM users and ACLs, through
# kafka.admin.ConfigCommand and kafka.admin.AclCommand, i.e. kafka-configs.sh / kafka-acls.sh),
# then checks with VerifyAcls.java (kafka-clients) who may write, read and create what, and that a
# wrong password or an unknown user is rejected. Stops the broker and deletes its data at the end.
#
#   deploy/kafka/verify-acls.sh                    from the repository root; needs Java 17 and Maven
#
# The classpath comes from deploy/local/pom.xml (mvn -o dependency:build-classpath, offline; run
# once online if the Kafka jars are not in ~/.m2 yet), or from KAFKA_CLASSPATH when set.
# Passwords are random unless KAFKA_ADMIN_PASSWORD, LEDGER_/SETTLEMENT_/PAYROLL_KAFKA_PASSWORD are set.
# Ports: VERIFY_INTERNAL_PORT (29092), VERIFY_CONTROLLER_PORT (29093), VERIFY_EXTERNAL_PORT (29094).
# Exit code 0 when every check passes.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/kafka-acl-verify.XXXXXX")
broker_pid=

cleanup() {
    if [ -n "$broker_pid" ] && kill -0 "$broker_pid" 2>/dev/null; then
        kill "$broker_pid" 2>/dev/null || true
        i=0
        while kill -0 "$broker_pid" 2>/dev/null && [ $i -lt 60 ]; do sleep 0.5; i=$((i + 1)); done
        kill -9 "$broker_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

if [ -z "${KAFKA_CLASSPATH:-}" ]; then
    mvn -o -q -f "$repo/deploy/local/pom.xml" dependency:build-classpath -Dmdep.includeScope=runtime \
        -Dmdep.outputFile="$work/classpath.txt" > "$work/mvn.log" 2>&1 || { cat "$work/mvn.log"; exit 1; }
    KAFKA_CLASSPATH=$(cat "$work/classpath.txt")
fi
java="java -Xmx512m -XX:+UseSerialGC -cp $KAFKA_CLASSPATH"
random() { od -An -N24 -tx1 /dev/urandom | tr -d ' \n'; }
export KAFKA_ADMIN_PASSWORD=${KAFKA_ADMIN_PASSWORD:-$(random)}
export LEDGER_KAFKA_PASSWORD=${LEDGER_KAFKA_PASSWORD:-$(random)}
export SETTLEMENT_KAFKA_PASSWORD=${SETTLEMENT_KAFKA_PASSWORD:-$(random)}
export PAYROLL_KAFKA_PASSWORD=${PAYROLL_KAFKA_PASSWORD:-$(random)}
internal=${VERIFY_INTERNAL_PORT:-29092}
quiet=-Dorg.slf4j.simpleLogger.defaultLogLevel=warn

echo "== broker: start-kafka.sh (format --add-scram admin, then kafka.Kafka) in $work"
CLUSTER_ID=4L6g3nShT-eMCtK--X86sw KAFKA_INTERNAL_HOST=localhost KAFKA_INTERNAL_PORT=$internal \
    KAFKA_CONTROLLER_PORT=${VERIFY_CONTROLLER_PORT:-29093} KAFKA_EXTERNAL_PORT=${VERIFY_EXTERNAL_PORT:-29094} \
    KAFKA_LOG_DIRS="$work/data" KAFKA_CONFIG_DIR="$work/conf" \
    KAFKA_STORAGE_CMD="$java kafka.tools.StorageTool" KAFKA_START_CMD="$java kafka.Kafka" \
    sh "$here/start-kafka.sh" > "$work/broker.log" 2>&1 &
broker_pid=$!
i=0
until grep -q "Kafka Server started" "$work/broker.log" 2>/dev/null; do
    if ! kill -0 "$broker_pid" 2>/dev/null || [ $i -ge 120 ]; then
        echo "the broker did not start:"; grep -E "ERROR|Exception|started" "$work/broker.log" | head -20; tail -5 "$work/broker.log"; exit 1
    fi
    sleep 1; i=$((i + 1))
done
grep -E "Formatting|SCRAM" "$work/broker.log" | head -3 || true
echo "broker up after ${i} s; settings:"
grep -E "^(listeners|listener.security|sasl.enabled|sasl.mechanism|listener.name.controller.sasl|authorizer|allow.everyone|super.users|auto.create)" "$work/conf/server.properties"

echo "== kafka-init: init-kafka.sh (kafka-configs + kafka-acls as admin)"
KAFKA_BOOTSTRAP=localhost:$internal KAFKA_CONFIG_DIR="$work/init" \
    KAFKA_CONFIGS_CMD="$java $quiet kafka.admin.ConfigCommand" KAFKA_ACLS_CMD="$java $quiet kafka.admin.AclCommand" \
    sh "$here/init-kafka.sh" 2>&1 | grep -v "^SLF4J" | sed "s/$KAFKA_ADMIN_PASSWORD/***/g"

echo "== checks: VerifyAcls.java"
KAFKA_BOOTSTRAP=localhost:$internal $java -Dorg.slf4j.simpleLogger.defaultLogLevel=off "$here/VerifyAcls.java"
