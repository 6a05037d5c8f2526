# Sourced by start-kafka.sh and init-kafka.sh. A Kafka password goes into JAAS configs
# (password="...") and into kafka-configs' SCRAM-SHA-512=[password=...] syntax, where quotes,
# commas, brackets and '=' would break it: only letters, digits, '_' and '-', at least 16 of them
# (e.g. openssl rand -hex 24).
check_password() {
    case "$2" in
        *[!A-Za-z0-9_-]*) echo "$1 may contain only letters, digits, '_' and '-'" >&2; exit 2 ;;
    esac
    if [ "${#2}" -lt 16 ]; then
        echo "$1 must be at least 16 characters long" >&2
        exit 2
    fi
}
