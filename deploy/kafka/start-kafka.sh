#!/bin/sh
# Entry point of the compose "kafka" container (apache/kafka image): writes server.properties
# (server-properties.sh) and an admin client config, formats the storage on first start with the
# SCRAM-SHA-512 credential of the super user admin, then runs the broker.
# Needs CLUSTER_ID and KAFKA_ADMIN_PASSWORD; see server-properties.sh for the optional variables.
# KAFKA_CONFIG_DIR (/tmp/kafka-config), KAFKA_STORAGE_CMD and KAFKA_START_CMD (the image's scripts)
# let verify-acls.sh run the same steps with the Kafka jars from the local Maven repository.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
: "${CLUSTER_ID:?CLUSTER_ID is not set}"
. "$here/check-password.sh"
check_password KAFKA_ADMIN_PASSWORD "$KAFKA_ADMIN_PASSWORD"
conf=${KAFKA_CONFIG_DIR:-/tmp/kafka-config}
mkdir -p "$conf"
umask 077
sh "$here/server-properties.sh" > "$conf/server.properties"
# for the healthcheck and for kafka-init-like commands run inside this container
cat > "$conf/admin.properties" <<PROPS
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$KAFKA_ADMIN_PASSWORD";
PROPS
# --ignore-formatted: a formatted log dir is kept as it is (and --add-scram is then not applied;
# see deploy/README.md "Kafka security" for a volume formatted before SASL was introduced)
${KAFKA_STORAGE_CMD:-/opt/kafka/bin/kafka-storage.sh} format --ignore-formatted -t "$CLUSTER_ID" \
    -c "$conf/server.properties" --add-scram "SCRAM-SHA-512=[name=admin,password=$KAFKA_ADMIN_PASSWORD]"
exec ${KAFKA_START_CMD:-/opt/kafka/bin/kafka-server-start.sh} "$conf/server.properties"
