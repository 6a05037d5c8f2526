#!/usr/bin/env bash
# Issue 9 (ledger-app's heap at a million events), in minutes on a running local stack
# (deploy/run-local.sh): posts TEMPLATES journal entries through REST, grows the event store by SQL
# copies of them to TOTAL events (as bench's Replay.seed does), then samples ledger-app's heap every
# 5 s until every live processor has caught up (or CAP seconds), printing the peak. Also measures the
# live lag: LAG_SAMPLES entries posted one at a time on the idle stack, each timed from the POST's
# answer until its konto view shows it.
#
#   DATA_DIR=/tmp/oom/data LEDGER_PORT=31081 PG_PORT=31433 bench/heap-repro.sh [lag|seed|all]
#
# Needs curl, jq, psql. Compare with LEDGER_AXON_SHARED_READ_AHEAD=true in the stack's environment
# (Axon's default event store, shared read-ahead on).
set -euo pipefail
DATA_DIR=${DATA_DIR:-data}
LEDGER=http://localhost:${LEDGER_PORT:-8081}
PG_PORT=${PG_PORT:-5433}
TEMPLATES=${TEMPLATES:-2000}
TOTAL=${TOTAL:-300000}
CAP=${CAP:-600}
LAG_SAMPLES=${LAG_SAMPLES:-30}
what=${1:-all}
# shellcheck disable=SC1091
source "$DATA_DIR/identity/credentials.env"
H=(-H "X-Api-Key: $API_KEY_ALL" -H "Content-Type: application/json")
PSQL=(psql -q -t -A -h localhost -p "$PG_PORT" -U postgres -d ledger)
prefix="h$(date +%s)-"

heap() { curl -sf "${H[@]}" "$LEDGER/actuator/metrics/jvm.memory.used?tag=area:heap" | jq '.measurements[0].value/1048576|floor'; }
open_accounts() {
  curl -s -o /dev/null "${H[@]}" -X POST "$LEDGER/api/accounts" -d '{"number":"590000","name":"Bank","type":"ASSET"}'
  for i in $(seq 0 19); do
    curl -s -o /dev/null "${H[@]}" -X POST "$LEDGER/api/accounts" -d "{\"number\":\"$((300000 + i))\",\"name\":\"Konto $i\",\"type\":\"REVENUE\"}"
  done
}
entry() { # id account
  local amount=$((RANDOM + 1))
  printf '{"entryId":"%s","postingDate":"2025-03-0%d","text":"heap repro","lines":[{"account":"590000","debit":"%d.00"},{"account":"%s","credit":"%d.00"}]}' \
    "$1" $((RANDOM % 9 + 1)) "$amount" "$2" "$amount"
}
now_ms() { date +%s%3N; }

lag() {
  local samples=() i id acct t0 t1
  for i in $(seq 1 "$LAG_SAMPLES"); do
    id="${prefix}lag-$i"; acct=$((300000 + i % 20))
    code=$(curl -s -o /dev/null -w '%{http_code}' "${H[@]}" -X POST "$LEDGER/api/journal-entries" -d "$(entry "$id" "$acct")")
    t0=$(now_ms)
    [[ $code == 201 ]] || { echo "POST answered $code"; exit 1; }
    until curl -sf "${H[@]}" "$LEDGER/api/accounts/$acct" | grep -q "\"$id\""; do sleep 0.01; done
    t1=$(now_ms); samples+=($((t1 - t0))); sleep 0.5
  done
  printf '%s\n' "${samples[@]}" | sort -n | awk '{a[NR]=$1; s+=$1} END {printf "live lag, POST answered -> in konto view, %d samples: min %d ms, p50 %d ms, mean %.0f ms, p90 %d ms, max %d ms\n", NR, a[1], a[int((NR+1)/2)], s/NR, a[int(NR*0.9+0.5)], a[NR]}'
}

seed() {
  echo "posting $TEMPLATES template entries (prefix $prefix)"
  for i in $(seq 1 "$TEMPLATES"); do
    entry "${prefix}je-$i" $((300000 + i % 20))
    echo
  done | xargs -P 8 -d '\n' -I{} curl -s -o /dev/null "${H[@]}" -X POST "$LEDGER/api/journal-entries" -d {}
  local existing templates maxt copies
  read -r templates maxt < <("${PSQL[@]}" -F ' ' -c "SELECT count(*), max(globalindex) FROM domainevententry WHERE aggregateidentifier LIKE '${prefix}%'")
  existing=$("${PSQL[@]}" -c "SELECT count(*) FROM domainevententry")
  copies=$(( (TOTAL - existing + templates - 1) / templates ))
  echo "store: $existing events, $templates templates; appending $copies copies ($((copies * templates)) events); heap now $(heap) MB"
  local t0; t0=$(now_ms)
  "${PSQL[@]}" -c "INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload,
      payloadrevision, payloadtype, timestamp)
    SELECT replace(e.aggregateidentifier, '$prefix', '${prefix}c' || lpad(k::text, 5, '0') || '-'), e.sequencenumber, e.type, gen_random_uuid()::text,
      convert_to(replace(convert_from(e.metadata, 'UTF8'), '$prefix', '${prefix}c' || lpad(k::text, 5, '0') || '-'), 'UTF8'),
      convert_to(replace(convert_from(e.payload, 'UTF8'), '$prefix', '${prefix}c' || lpad(k::text, 5, '0') || '-'), 'UTF8'),
      e.payloadrevision, e.payloadtype, e.timestamp
    FROM generate_series(1, $copies) AS k, domainevententry e
    WHERE e.aggregateidentifier LIKE '${prefix}%' AND e.globalindex <= $maxt ORDER BY k, e.globalindex"
  echo "seeded in $(( ($(now_ms) - t0) / 1000 )) s; sampling heap every 5 s (cap $CAP s)"
  local peak=0 h t=0 line
  while (( t < CAP )); do
    h=$(heap || echo -1); (( h > peak )) && peak=$h
    line=$(curl -sf "${H[@]}" "$LEDGER/api/admin/projections" | jq -r '[.[] | "\(.name)=\(.position)/\(.headPosition)"] | join(" ")' || echo "admin API did not answer")
    echo "t=${t}s heap ${h} MB  $line"
    if curl -sf "${H[@]}" "$LEDGER/api/admin/projections" | jq -e 'all(.[]; .position >= .headPosition)' >/dev/null 2>&1; then break; fi
    sleep 5; t=$((t + 5))
  done
  echo "peak heap while the live processors caught up: ${peak} MB (after ${t} s)"
}

open_accounts
case $what in
  lag) lag ;;
  seed) seed ;;
  all) lag; seed; lag ;;
esac
