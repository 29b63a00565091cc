#!/usr/bin/env bash
# Load benchmark of the WeChat callback: starts target/askonce.jar on its embedded default (H2, sample
# knowledge base, a fresh data directory) with a load-test account, then runs wrk against
#   1. the ceiling: GET /wx/portal/{appid} URL check (signature check + echo) of the same app, and
#   2. signed WeChat text messages: POST /wx/portal/{appid}, each message deduplicated, answered by
#      the dialogue engine (turn stored in H2) and replied as WeChat XML.
# Usage: bash src/test/load/wechat-load.sh [duration=30s] [connections=32]   (needs wrk: apt-get install -y wrk)
# WARMUP (seconds, default 90): messages sent first and not reported. On 2 cores the JIT needs about a
# minute of this load before the figures settle; with 15 s they came out at half the settled rate.
# JAVA_OPTS (default -Xmx1g) and EXTRA_ARGS (AskOnce arguments) change how the server runs; JAR (default
# target/askonce.jar) which build runs (compare two builds one after the other with the same script).
# MIX=situational asks situational questions (see wechat-text.lua: the semantic path) instead of the
# existing mix; with EXTRA_ARGS=--askonce.retrieval.query-cache=0 every question is embedded.
set -euo pipefail
cd "$(dirname "$0")/../../.."
DURATION=${1:-30s}
CONNECTIONS=${2:-32}
command -v wrk > /dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 2; }
JAR=${JAR:-target/askonce.jar}
[ -f "$JAR" ] || mvn -B -q -DskipTests package
SCRIPT=src/test/load/wechat-text.lua
export MIX=${MIX:-existing}
DATA=$(mktemp -d)
APP=wxloadtest0000001
TOKEN=load-test-token
PORT=${PORT:-18080}
ASKONCE_WECHAT_ACCOUNTS_0_APPID=$APP ASKONCE_WECHAT_ACCOUNTS_0_TOKEN=$TOKEN \
  java ${JAVA_OPTS:--Xmx1g} -jar "$JAR" --server.port=$PORT --askonce.data-dir="$DATA" --askonce.rate-limit.enabled=false ${EXTRA_ARGS:-} > "$DATA/server.log" 2>&1 &
PID=$!
trap 'kill $PID 2> /dev/null; wait $PID 2> /dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null && break
  sleep 1
done
curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null || { echo "AskOnce did not start:"; tail -20 "$DATA/server.log"; exit 1; }

signed_url() { # a fresh signature (WeChat's: sha1 of the sorted token, timestamp and nonce)
  local ts nonce sig
  ts=$(date +%s)
  nonce="n$RANDOM$RANDOM"
  sig=$(printf '%s\n' "$TOKEN" "$ts" "$nonce" | LC_ALL=C sort | tr -d '\n' | sha1sum | cut -d' ' -f1)
  echo "http://127.0.0.1:$PORT/wx/portal/$APP?signature=$sig&timestamp=$ts&nonce=$nonce"
}

echo "machine: $(nproc) cores; wrk -t2 -c$CONNECTIONS -d$DURATION on the same machine as AskOnce"
WARMUP=${WARMUP:-90}
echo "warm-up ($WARMUP s of messages, then 10 s of URL checks, not reported)"
signed_queries() { # one signed nonce per message (a nonce reused with another body is refused as a replay)
  java src/test/load/SignedQueries.java "$TOKEN" "$1" > "$DATA/queries.txt"
  echo "$DATA/queries.txt"
}
QUERIES=$(signed_queries 800000) wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s "$SCRIPT" "$(signed_url)" > /dev/null
wrk -t2 -c"$CONNECTIONS" -d10s -s src/test/load/ceiling.lua "$(signed_url)&echostr=ok" > /dev/null
echo
echo "== ceiling: GET URL check of the same app =="
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s src/test/load/ceiling.lua "$(signed_url)&echostr=ok" | sed -n '/^requests:/,$p'
echo
echo "== WeChat text messages ($MIX mix): signed POST, dedup, answer, stored turn, XML reply =="
QUERIES=$(signed_queries 400000) wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s "$SCRIPT" "$(signed_url)" | sed -n '/^messages:/,$p'
echo
