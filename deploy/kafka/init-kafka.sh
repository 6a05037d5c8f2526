#!/bin/sh
# One-shot "kafka-init" container (like mongo-init): as the super user admin, sets the
# SCRAM-SHA-512 credentials of the three service users and adds their ACLs. Idempotent: a
# credential is set again (that is how a password is rotated), an ACL that exists is kept.
# Needs KAFKA_ADMIN_PASSWORD, LEDGER_KAFKA_PASSWORD, SETTLEMENT_KAFKA_PASSWORD,
# PAYROLL_KAFKA_PASSWORD; KAFKA_BOOTSTRAP (kafka:19092). KAFKA_CONFIGS_CMD, KAFKA_ACLS_CMD and
# KAFKA_CONFIG_DIR let verify-acls.sh run the same commands with the jars from the Maven repository.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/check-password.sh"
for v in KAFKA_ADMIN_PASSWORD LEDGER_KAFKA_PASSWORD SETTLEMENT_KAFKA_PASSWORD PAYROLL_KAFKA_PASSWORD; do
    eval "value=\${$v:-}"
    [ -n "$value" ] || { echo "$v is not set" >&2; exit 2; }
    check_password "$v" "$value"
done
bootstrap=${KAFKA_BOOTSTRAP:-kafka:19092}
configs=${KAFKA_CONFIGS_CMD:-/opt/kafka/bin/kafka-configs.sh}
acls=${KAFKA_ACLS_CMD:-/opt/kafka/bin/kafka-acls.sh}
conf=${KAFKA_CONFIG_DIR:-/tmp/kafka-init}
mkdir -p "$conf"
umask 077
cat > "$conf/admin.properties" <<PROPS
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$KAFKA_ADMIN_PASSWORD";
PROPS

scram() { # user password
    $configs --bootstrap-server "$bootstrap" --command-config "$conf/admin.properties" --alter \
        --entity-type users --entity-name "$1" --add-config "SCRAM-SHA-512=[iterations=8192,password=$2]"
}
allow() { # principal, then kafka-acls.sh resource and --operation arguments
    user=$1
    shift
    $acls --bootstrap-server "$bootstrap" --command-config "$conf/admin.properties" --add \
        --allow-principal "User:$user" "$@" > /dev/null
}

scram ledger "$LEDGER_KAFKA_PASSWORD"
scram settlement "$SETTLEMENT_KAFKA_PASSWORD"
scram payroll "$PAYROLL_KAFKA_PASSWORD"

# ledger: the only writer of ledger.events, of the replay topics and of ledger.command-results;
# reads ledger.commands (and, like everyone, ledger.events). Creates its topics at start-up (KafkaAdmin NewTopic beans: describe, create,
# add partitions when a topic has fewer than declared), replay topics on demand.
allow ledger --topic ledger.events --operation Write --operation Read --operation Create --operation Describe --operation Alter
allow ledger --topic ledger.events.replay. --resource-pattern-type prefixed \
    --operation Write --operation Create --operation Describe --operation Alter
allow ledger --topic ledger.command-results --operation Write --operation Create --operation Describe --operation Alter
allow ledger --topic ledger.commands --operation Read --operation Create --operation Describe --operation Alter
allow ledger --group ledger- --resource-pattern-type prefixed --operation Read

# settlement: sends commands, reads answers and events; owns settlement.events.
allow settlement --topic ledger.commands --operation Write --operation Describe
allow settlement --topic ledger.command-results --operation Read --operation Describe
allow settlement --topic ledger.events --operation Read --operation Describe
allow settlement --topic ledger.events.replay.settlement --resource-pattern-type prefixed --operation Read --operation Describe
allow settlement --topic settlement.events --operation Write --operation Create --operation Describe
allow settlement --group settlement-service --resource-pattern-type prefixed --operation Read

# payroll: sends commands, reads answers and events.
allow payroll --topic ledger.commands --operation Write --operation Describe
allow payroll --topic ledger.command-results --operation Read --operation Describe
allow payroll --topic ledger.events --operation Read --operation Describe
allow payroll --topic ledger.events.replay.payroll --resource-pattern-type prefixed --operation Read --operation Describe
allow payroll --group payroll-posting-service --resource-pattern-type prefixed --operation Read

echo "kafka-init: SCRAM-SHA-512 users ledger, settlement, payroll and their ACLs are in place:"
$acls --bootstrap-server "$bootstrap" --command-config "$conf/admin.properties" --list
