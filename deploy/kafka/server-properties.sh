#!/bin/sh
# Prints the broker's server.properties (KRaft, one combined broker+controller node, SASL + ACLs).
# Used by start-kafka.sh in the compose "kafka" container and by verify-acls.sh on a build machine,
# so both run the same configuration. Every secret comes from the environment:
#   KAFKA_ADMIN_PASSWORD  the super user "admin" (inter-broker, controller, kafka-init)
# Optional (defaults are the compose ones):
#   KAFKA_NODE_ID (1), KAFKA_LOG_DIRS (/var/lib/kafka/data), KAFKA_INTERNAL_HOST (kafka),
#   KAFKA_INTERNAL_PORT (19092), KAFKA_CONTROLLER_PORT (9093), KAFKA_EXTERNAL_PORT (9092),
#   KAFKA_EXTERNAL_ADVERTISED (localhost:9092)
set -eu
: "${KAFKA_ADMIN_PASSWORD:?KAFKA_ADMIN_PASSWORD is not set}"
node=${KAFKA_NODE_ID:-1}
host=${KAFKA_INTERNAL_HOST:-kafka}
internal=${KAFKA_INTERNAL_PORT:-19092}
controller=${KAFKA_CONTROLLER_PORT:-9093}
external=${KAFKA_EXTERNAL_PORT:-9092}
cat <<PROPS
process.roles=broker,controller
node.id=$node
controller.quorum.voters=$node@$host:$controller
log.dirs=${KAFKA_LOG_DIRS:-/var/lib/kafka/data}

# INTERNAL: the services and inter-broker traffic; EXTERNAL: tools on the host; CONTROLLER: KRaft.
# All three authenticate (SASL); nothing listens in PLAINTEXT.
listeners=INTERNAL://:$internal,CONTROLLER://:$controller,EXTERNAL://:$external
advertised.listeners=INTERNAL://$host:$internal,EXTERNAL://${KAFKA_EXTERNAL_ADVERTISED:-localhost:$external}
listener.security.protocol.map=INTERNAL:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT,EXTERNAL:SASL_PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=INTERNAL

# Clients (and the broker to itself): SCRAM-SHA-512; the users' credentials live in the cluster
# metadata (admin's bootstrapped by "kafka-storage format --add-scram", the services' created by kafka-init).
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
# (the INTERNAL entry also carries the broker's own client credentials for inter-broker traffic)
listener.name.internal.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$KAFKA_ADMIN_PASSWORD";
listener.name.external.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
# KRaft cannot use SCRAM on the controller listener (its credentials are in the metadata the
# controller serves), so broker->controller uses PLAIN with the one static user admin.
listener.name.controller.sasl.enabled.mechanisms=PLAIN
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="$KAFKA_ADMIN_PASSWORD" user_admin="$KAFKA_ADMIN_PASSWORD";

# ACLs: no ACL means no access; admin (the broker itself, kafka-init) is the only super user.
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:admin

num.partitions=3
# Topics are created by their owners (ledger, settlement) with CREATE ACLs, never by a consumer or producer.
auto.create.topics.enable=false
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
log.retention.ms=-1
PROPS
