#!/usr/bin/env bash
# Issue 15: each class of bad input, sent by hand to a running local stack (deploy/run-local.sh).
# Each line: expected status, what came back, content type, detail length.
set -u
source "${DATA_DIR:-data}/identity/credentials.env"
AUTH="X-Api-Key: $API_KEY_ALL"
L=${LEDGER:-http://localhost:8081} S=${SETTLEMENT:-http://localhost:8082} P=${PAYROLL:-http://localhost:8083}
pass=0 fail=0
check() { # expected method url body [extra curl args...]
  local want=$1 method=$2 url=$3 body=$4; shift 4
  local out; out=$(curl -s -o /tmp/attack.body -w '%{http_code} %{content_type}' -X "$method" "$url" -H "$AUTH" \
      -H 'Content-Type: application/json' ${body:+--data-binary "$body"} "$@")
  local code=${out%% *} type=${out#* }
  local detail; detail=$(python3 -c 'import json,sys; print(len(json.load(open("/tmp/attack.body")).get("detail","")))' 2>/dev/null || echo "-")
  if [[ $code == "$want" && ( $code == 2* || $type == application/problem+json* ) ]]; then pass=$((pass+1)); r=ok; else fail=$((fail+1)); r=FAIL; fi
  printf '%-4s want %s got %s %-28s detail %4s  %s %s\n' "$r" "$want" "$code" "$type" "$detail" "$method" "$(u=${url#http://localhost}; echo "${u:0:70}")"
  [[ $r == FAIL ]] && head -c 300 /tmp/attack.body && echo
}
id=$RANDOM
check 201 POST $L/api/accounts '{"number":"9'$id'","name":"Kasse","type":"ASSET"}'
check 201 POST $L/api/accounts '{"number":"8'$id'","name":"Salg","type":"REVENUE"}'
E() { echo '{"entryId":"'$1'","postingDate":'$2',"text":"t","lines":[{"account":"9'$id'","debit":"1.00"},{"account":"8'$id'","credit":"1.00"}]}'; }
echo "# 1 dates"
for d in 20260101 '"+12026-01-01"' '"-2026-01-01"' '"0000-01-01"' '"2026-01-01T00:00:00"' '"3000-01-01"'; do
  check 400 POST $L/api/journal-entries "$(E D-$id '$d')"; done
check 200 GET "$L/api/audit/export?from=2026-01-01&to=2026-12-31" ''
echo "# 2 lenient JSON"
check 400 POST $L/api/journal-entries "$(E T-$id '"2026-03-01"')xyz"
check 400 POST $L/api/journal-entries "$(E T-$id '"2026-03-01"')$(E T2-$id '"2026-03-01"')"
check 400 POST $L/api/accounts '{"number":"7'$id'","name":"x","type":1}'
check 400 POST $L/api/accounts '{"number":true,"name":"x","type":"ASSET"}'
check 400 POST $L/api/open-items '{"openItemId":"OI-'$id'","kind":0,"party":"P","documentNo":"D","postingDate":"2026-03-01","dueDate":"2026-03-31","text":"t","amount":"1.00","controlAccount":"9'$id'","offsetAccount":"8'$id'"}'
echo "# 3 NUL and control characters"
check 400 POST $L/api/accounts '{"number":"6'$id'","name":"a\u0000b","type":"ASSET"}'
check 400 POST $L/api/accounts '{"number":"6\u0000'$id'","name":"ab","type":"ASSET"}'
check 400 POST $L/api/funds '{"fund":"F'$id'","name":"f","fundClass":"G\u0000"}'
echo "# 4 sizes and shapes of ids"
check 400 POST $L/api/open-items '{"openItemId":"OI-'$id'","kind":"RECEIVABLE","party":"P","documentNo":"'$(head -c 100000 /dev/zero | tr '\0' d)'","postingDate":"2026-03-01","dueDate":"2026-03-31","text":"t","amount":"1.00","controlAccount":"9'$id'","offsetAccount":"8'$id'"}'
check 400 POST $L/api/journal-entries "$(E .. '"2026-03-01"')"
check 400 POST $L/api/journal-entries "$(E "$(head -c 10000 /dev/zero | tr '\0' x)" '"2026-03-01"')"
echo "# 5 missing text"
check 400 POST $L/api/journal-entries '{"entryId":"NT-'$id'","postingDate":"2026-03-01","lines":[{"account":"9'$id'","debit":"1.00"},{"account":"8'$id'","credit":"1.00"}]}'
check 201 POST $L/api/journal-entries "$(E OK-$id '"2026-03-01"')"
check 400 POST $L/api/journal-entries/OK-$id/reversal '{"reversalId":"R-'$id'","postingDate":"2026-03-02"}'
echo "# 7 settlement checks before the ledger"
ST() { echo '{"statementId":"'$1'","party":"REGION-H","openItemId":"SS-X","settlementDate":"2026-04-20","cashAccount":"'$2'","bankAmount":"1.00","fees":[],"rejected":[]}'; }
check 400 POST $S/api/settlements "$(ST ST-$id ' X')"
check 400 POST $S/api/settlements "$(ST ST-$id '../X')"
check 400 POST $S/api/settlements "$(ST ST-$id 'a-b-c-d-e-f')"
check 400 POST $S/api/settlements "$(ST .. 5820)"
echo "# payroll"
check 400 POST $P/api/charts/SD/copy '{"code":"Q'$((id%10))'","description":"x","validFrom":20260101}'
echo "# 9 leaks"
curl -s $L/actuator/health; echo "   <- anonymous health"
check 400 GET "$L/api/accounts/%00" ''
check 400 GET "$L/api/accounts/a%2Fb" ''
check 400 GET "$L/api/%2e%2e/accounts" ''
check 400 GET "$L/api/accounts/$(head -c 20000 /dev/zero | tr '\0' a)" ''
check 400 GET "$L/api/trial-balance" '' -H "X-Long: $(head -c 20000 /dev/zero | tr '\0' a)"
echo "$pass passed, $fail failed"
