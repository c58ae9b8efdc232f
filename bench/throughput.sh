#!/usr/bin/env bash
# Read throughput ratio (issue 7, benchmark 1): maximum throughput and latency of the eligibility-service's
# GET /eligibility/cpf over a realistic mix of codes, then of a bare Quarkus REST GET /hello built and started by this
# script with the services' JVM options, with the same load-generator settings in the same run; prints both and the
# ratio (target >= 0.7).
#
#   bench/throughput.sh [--demo] [--duration 15s] [--warmup 20s] [--connections 64] [--threads 1] [--date 2021-01-15]
#
#   --demo         run ./suite demo first (the suite must be up)
#   --duration     measured time of each of the two runs          --warmup   load before it, not measured
#   --connections  keep-alive connections of the load generator   --threads  its event-loop threads
#   --date         the date whose CPF-eligible certifications make the mix (the demo data are of January 2021)
#
# Needs the suite up with data (./suite up; ./suite demo): exit code 2 otherwise. Same environment as ./suite
# (CQP_ELIGIBILITY_PORT, CQP_SUITE_HOME, ...; JAVA_OPTS: the JVM options of the hello app, as of the services, default
# -XX:+UseSerialGC -Xmx256m). Figures in bench/target/throughput-*.properties. See bench/README.md.
set -euo pipefail
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lib.sh"

parse_load_options no-rate "$@"
prepare_eligibility_urls build_hello

HELLO_PID=""
cleanup() {
  if alive "$HELLO_PID"; then
    kill -TERM "$HELLO_PID" 2>/dev/null || true
    wait "$HELLO_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT

say ""
machine_note
SETTINGS=(--duration "$DURATION" --warmup "$WARMUP" --connections "$CONNECTIONS" --threads "$THREADS")
say ""
loadgen closed --urls "$URLS" "${SETTINGS[@]}" --ok 200,404 --label "eligibility GET /eligibility/cpf" \
  --server-pid "$(eligibility_pid)" \
  --result "$WORK/throughput-eligibility.properties"

HELLO_PORT=$(free_port)
say ""
say "Starting the bare Quarkus hello on port $HELLO_PORT (java $SERVICE_JAVA_OPTS -jar ${HELLO_JAR#"$ROOT"/})..."
# shellcheck disable=SC2086
QUARKUS_HTTP_PORT="$HELLO_PORT" "$JAVA" $SERVICE_JAVA_OPTS -jar "$HELLO_JAR" >"$WORK/hello.log" 2>&1 </dev/null &
HELLO_PID=$!
waited=0
until [[ "$(http_status "$HELLO_PORT" /hello)" == 200 ]]; do
  alive "$HELLO_PID" || fail "the hello app stopped while starting; see $WORK/hello.log"
  (( waited++ < 600 )) || fail "the hello app was not ready after 60 s; see $WORK/hello.log"
  sleep 0.1
done
loadgen closed --url "http://127.0.0.1:$HELLO_PORT/hello" "${SETTINGS[@]}" --ok 200 --label "bare Quarkus GET /hello" \
  --server-pid "$HELLO_PID" \
  --result "$WORK/throughput-hello.properties"
cleanup

E="$WORK/throughput-eligibility.properties" H="$WORK/throughput-hello.properties"
RATIO=$(fmt_ratio "$(prop "$E" rps)" "$(prop "$H" rps)")
say ""
say "Read throughput (closed model, ${CONNECTIONS} connections, ${THREADS} load-generator thread(s), ${WARMUP} warm-up + ${DURATION} measured each)"
printf '  %-34s %10s %9s %9s %9s %7s %10s %8s %7s\n' "" "req/s" "p50 ms" "p99 ms" "p99.9 ms" "errors" \
  "server us" "loadgen" "others"
for f in "$E" "$H"; do
  printf '  %-34s %10s %9s %9s %9s %7s %10s %8s %7s\n' "$(prop "$f" label)" "$(prop "$f" rps)" "$(prop "$f" p50_ms)" \
    "$(prop "$f" p99_ms)" "$(prop "$f" p999_ms)" "$(prop "$f" errors)" "$(prop "$f" cpu_server_us_per_request)" \
    "$(prop "$f" cpu_loadgen_cores)" "$(prop "$f" cpu_other_cores)"
done
say "  (server us: the server's CPU per request, in microseconds; loadgen, others: cores used by the load generator"
say "   and by every other process of the machine while measuring, the suite's PostgreSQL and Kafka included)"
say "  ratio eligibility / hello: $RATIO   (target >= 0.7: $(verdict "$RATIO" ge 0.7))"
{ echo "ratio=$RATIO"; echo "eligibility_rps=$(prop "$E" rps)"; echo "hello_rps=$(prop "$H" rps)"; } \
  >"$WORK/throughput-ratio.properties"
