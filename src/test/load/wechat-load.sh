#!/usr/bin/env bash
# Load benchmark with its own ceiling. Starts, on loopback:
#   - a bare JDK HTTP server (BareEcho.java: com.sun.net.httpserver, TCP_NODELAY, a fixed 303-byte XML
#     reply), the ceiling of this machine in this run, and
#   - target/askonce.jar on its embedded default (H2, sample knowledge base, a fresh data directory) with
#     a load-test WeChat account and the rate limits off,
# then runs wrk against each (after a warm-up) and prints AskOnce's figures as ratios to the echo's:
#   1. the echo, sent the same signed WeChat messages;
#   2. signed WeChat text messages, existing mix (each with its own nonce and MsgId, as WeChat sends them);
#   3. the same, situational questions (the semantic path);
#   4. the static web chat page (GET /);
#   5. POST /api/chat, existing mix.
# Usage: bash src/test/load/wechat-load.sh [duration=30s] [connections=64]   (needs wrk: apt-get install -y wrk)
# WARMUP (seconds, default 90): messages sent first and not reported; on 2 cores the JIT needs about a minute.
# JAVA_OPTS (default -Xmx1g) and EXTRA_ARGS (AskOnce arguments) change how the server runs; JAR (default
# target/askonce.jar) which build runs. ONLY=wechat measures only the echo and the existing WeChat mix.
# PROFILE=file.html attaches async-profiler (tools.profiler:async-profiler:4.0 from Maven Central) for the
# existing WeChat mix and writes its CPU flame graph there (see profile.sh); PROFILE_EVENT and
# PROFILE_INTERVAL (default 1ms) pass on to the profiler ("wall,threads" with 20ms: where each thread waits).
set -euo pipefail
cd "$(dirname "$0")/../../.."
DURATION=${1:-30s}
CONNECTIONS=${2:-64}
command -v wrk > /dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 2; }
JAR=${JAR:-target/askonce.jar}
[ -f "$JAR" ] || mvn -B -q -DskipTests package
DATA=$(mktemp -d)
APP=wxloadtest0000001
TOKEN=load-test-token
PORT=${PORT:-18080}
ECHO_PORT=${ECHO_PORT:-18090}
ASKONCE_WECHAT_ACCOUNTS_0_APPID=$APP ASKONCE_WECHAT_ACCOUNTS_0_TOKEN=$TOKEN \
  java ${JAVA_OPTS:--Xmx1g} -jar "$JAR" --server.port=$PORT --askonce.data-dir="$DATA" --askonce.rate-limit.enabled=false ${EXTRA_ARGS:-} > "$DATA/server.log" 2>&1 &
PID=$!
java -Dsun.net.httpserver.nodelay=true src/test/load/BareEcho.java "$ECHO_PORT" > "$DATA/echo.log" 2>&1 &
ECHO_PID=$!
trap 'kill $PID $ECHO_PID 2> /dev/null; wait $PID $ECHO_PID 2> /dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null && curl -sf "http://127.0.0.1:$ECHO_PORT/" > /dev/null && break
  sleep 1
done
curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null || { echo "AskOnce did not start:"; tail -20 "$DATA/server.log"; exit 1; }
curl -sf "http://127.0.0.1:$ECHO_PORT/" > /dev/null || { echo "The echo did not start:"; cat "$DATA/echo.log"; exit 1; }

signed_url() { # a fresh signature (WeChat's: sha1 of the sorted token, timestamp and nonce)
  local ts nonce sig
  ts=$(date +%s)
  nonce="n$RANDOM$RANDOM"
  sig=$(printf '%s\n' "$TOKEN" "$ts" "$nonce" | LC_ALL=C sort | tr -d '\n' | sha1sum | cut -d' ' -f1)
  echo "http://127.0.0.1:$PORT/wx/portal/$APP?signature=$sig&timestamp=$ts&nonce=$nonce"
}
signed_queries() { # one signed nonce per message (a nonce reused with another body is refused as a replay)
  java src/test/load/SignedQueries.java "$TOKEN" "$1" > "$DATA/queries-$2.txt"
  echo "$DATA/queries-$2.txt"
}
WRK="wrk -t2 -c$CONNECTIONS"
declare -A RATE P99
cpu_ticks() { # user + system clock ticks a process has used so far
  awk '{print $14 + $15}' "/proc/$1/stat"
}
measure() { # name, then the wrk arguments: runs wrk, shows its report and the server's CPU, keeps the rate and the p99
  local name=$1 out server=$PID before start
  shift
  [ "$name" = echo ] && server=$ECHO_PID
  before=$(cpu_ticks "$server"); start=$(date +%s.%N)
  out=$("$@")
  echo "$out" | sed -n '/^\(messages\|requests\):/,$p'
  echo "server CPU: $(echo "scale=2; ($(cpu_ticks "$server") - $before) / $(getconf CLK_TCK) / ($(date +%s.%N) - $start)" | bc) cores of $(nproc)"
  RATE[$name]=$(echo "$out" | sed -n 's/.* = \([0-9]*\) [a-z]*\/s$/\1/p')
  P99[$name]=$(echo "$out" | sed -n 's/.*p99 \([0-9.]*\) ms.*/\1/p')
}

echo "machine: $(nproc) cores; $WRK -d$DURATION on the same machine as the servers"
WARMUP=${WARMUP:-90}
echo "warm-up: $WARMUP s of WeChat messages, 10 s of the echo, 10 s of each other workload (not reported)"
QUERIES=$(signed_queries 800000 warmup) $WRK -d"${WARMUP}s" -s src/test/load/wechat-text.lua "$(signed_url)" > /dev/null
QUERIES=$(signed_queries 1 echo) $WRK -d10s -s src/test/load/wechat-text.lua "http://127.0.0.1:$ECHO_PORT/wx" > /dev/null
if [ "${ONLY:-}" != wechat ]; then
  MIX=situational QUERIES=$(signed_queries 200000 warmup2) $WRK -d10s -s src/test/load/wechat-text.lua "$(signed_url)" > /dev/null
  $WRK -d10s -s src/test/load/ceiling.lua "http://127.0.0.1:$PORT/" > /dev/null
  $WRK -d10s -s src/test/load/api-chat.lua "http://127.0.0.1:$PORT/api/chat" > /dev/null
fi

echo
echo "== 1. bare JDK echo (the ceiling): the same signed WeChat messages =="
measure echo env QUERIES="$(signed_queries 1 echo)" $WRK -d"$DURATION" -s src/test/load/wechat-text.lua "http://127.0.0.1:$ECHO_PORT/wx"
echo
echo "== 2. WeChat text messages, existing mix: signed POST, dedup, answer, stored turn, XML reply =="
if [ -n "${PROFILE:-}" ]; then
  LIB=$(bash src/test/load/async-profiler.sh)
  # jcmd reads name=value pairs: the profiler's options go in quotes, as one argument
  jcmd "$PID" JVMTI.agent_load "$LIB" "\"start,event=${PROFILE_EVENT:-itimer},interval=${PROFILE_INTERVAL:-1ms}\"" | grep -q "return code: 0" \
    || { echo "async-profiler did not start (see $DATA/server.log)"; tail -5 "$DATA/server.log"; exit 1; }
fi
measure wechat env QUERIES="$(signed_queries 400000 wechat)" $WRK -d"$DURATION" -s src/test/load/wechat-text.lua "$(signed_url)"
if [ -n "${PROFILE:-}" ]; then
  mkdir -p "$(dirname "$PROFILE")"
  OUT_FILE="$(realpath "$(dirname "$PROFILE")")/$(basename "$PROFILE")"
  jcmd "$PID" JVMTI.agent_load "$LIB" "\"dump,collapsed,file=${OUT_FILE%.html}.collapsed\"" > /dev/null
  jcmd "$PID" JVMTI.agent_load "$LIB" "\"stop,file=$OUT_FILE\"" > /dev/null
  echo "CPU flame graph of the existing WeChat mix: $PROFILE (stacks as text: ${PROFILE%.html}.collapsed)"
fi
if [ "${ONLY:-}" != wechat ]; then
  echo
  echo "== 3. WeChat text messages, situational questions (the semantic path) =="
  measure situational env MIX=situational QUERIES="$(signed_queries 400000 situational)" $WRK -d"$DURATION" -s src/test/load/wechat-text.lua "$(signed_url)"
  echo
  echo "== 4. the static web chat page: GET / =="
  measure page $WRK -d"$DURATION" -s src/test/load/ceiling.lua "http://127.0.0.1:$PORT/"
  echo
  echo "== 5. POST /api/chat, existing mix (a new web citizen each) =="
  measure chat $WRK -d"$DURATION" -s src/test/load/api-chat.lua "http://127.0.0.1:$PORT/api/chat"
fi

echo
echo "== ratios to the echo's ${RATE[echo]} requests/s and p99 ${P99[echo]} ms (targets from issue 16) =="
printf '%-34s %10s %10s %12s %12s\n' workload "per s" "p99 ms" "rate ratio" "p99 ratio"
row() { # name, label, rate target, p99 target (or -)
  [ -n "${RATE[$1]:-}" ] || return 0
  printf '%-34s %10s %10s %12s %12s\n' "$2" "${RATE[$1]}" "${P99[$1]}" \
    "$(echo "scale=3; ${RATE[$1]} / ${RATE[echo]}" | bc)$( [ "$3" = - ] || echo " (≥$3)")" \
    "$(echo "scale=1; ${P99[$1]} / ${P99[echo]}" | bc)$( [ "$4" = - ] || echo " (≤$4)")"
}
row wechat "WeChat messages, existing mix" 0.15 10
row situational "WeChat messages, situational" - -
row page "static web chat page" 0.5 -
row chat "/api/chat, existing mix" 0.1 -
