#!/usr/bin/env bash
# Footprint (issue 7, benchmark 6, JVM mode): for each service, the time from the start of its process to
# /q/health/ready answering 200, and its resident memory (VmRSS of /proc/PID/status) at idle, 10 s after ready.
# Targets: ready in <= 2 s, RSS <= 200 MB.
#
#   bench/footprint.sh [--idle 10] [--services "certification registration eligibility"]
#
# Each service's packaged jar (<service>-service/target/quarkus-app/quarkus-run.jar; ./suite build makes them) is
# started alone, one after the other, as ./suite starts it (same environment: JAVA_OPTS, default -Xmx256m; the suite's
# JWT key, database and Kafka broker) but on a free port, next to the suite's own instance, then stopped. So the suite
# must be up (./suite up): its PostgreSQL and Kafka are used (exit code 2 otherwise). The second eligibility-service
# joins the consumer group of the suite's one, as a second replica would. Logs in bench/target/footprint-*.log.
set -euo pipefail
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lib.sh"

IDLE=10 SERVICES="certification registration eligibility"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --idle) IDLE=$2; shift ;;
    --services) SERVICES=$2; shift ;;
    *) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
  esac
  shift
done

# As ./suite: an external PostgreSQL or broker when CQP_PG_URL / CQP_KAFKA_BOOTSTRAP say so.
if [[ -n "${CQP_PG_URL:-}" ]]; then PG_BASE="${CQP_PG_URL%/}/"; else PG_BASE="jdbc:postgresql://127.0.0.1:$PG_PORT/"; fi
if [[ -n "${CQP_KAFKA_BOOTSTRAP:-}" ]]; then KAFKA="$CQP_KAFKA_BOOTSTRAP"; else KAFKA="127.0.0.1:$KAFKA_PORT"; fi
[[ -n "${CQP_PG_URL:-}" ]] || port_open "$PG_PORT" \
  || missing "the suite's PostgreSQL does not answer on 127.0.0.1:$PG_PORT: start the suite first (./suite up)"
[[ -n "${CQP_KAFKA_BOOTSTRAP:-}" ]] || port_open "$KAFKA_PORT" \
  || missing "the suite's Kafka broker does not answer on 127.0.0.1:$KAFKA_PORT: start the suite first (./suite up)"
[[ -f "$SUITE_HOME/keys/jwt-public.pem" ]] \
  || missing "no JWT public key in $SUITE_HOME/keys: start the suite first (./suite up)"
for svc in $SERVICES; do
  [[ -f "$ROOT/$svc-service/target/quarkus-app/quarkus-run.jar" ]] \
    || missing "no $svc-service/target/quarkus-app/quarkus-run.jar: build the suite first (./suite build)"
done

PID=""
stop() {
  if alive "$PID"; then
    kill -TERM "$PID" 2>/dev/null || true
    local n=0
    while alive "$PID" && (( n++ < 300 )); do sleep 0.1; done
    alive "$PID" && kill -KILL "$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
  fi
  PID=""
}
trap stop EXIT

now_ns() { date +%s%N; }
kb_of() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status" 2>/dev/null; }
mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

machine_note
say "JVM options: $SERVICE_JAVA_OPTS; idle time before reading RSS: ${IDLE} s"
say ""
ROWS=()
for svc in $SERVICES; do
  port=$(free_port)
  log="$WORK/footprint-$svc.log"
  say "Starting $svc-service on port $port..."
  t0=$(now_ns)
  # shellcheck disable=SC2086
  QUARKUS_HTTP_PORT="$port" \
  QUARKUS_DATASOURCE_JDBC_URL="${PG_BASE}$svc" \
  QUARKUS_DATASOURCE_USERNAME="${CQP_PG_USER:-postgres}" \
  QUARKUS_DATASOURCE_PASSWORD="${CQP_PG_PASSWORD:-postgres}" \
  KAFKA_BOOTSTRAP_SERVERS="$KAFKA" \
  QUARKUS_LOG_CONSOLE_JSON_ENABLED="${CQP_LOG_JSON:-false}" \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION="file:$(cd "$SUITE_HOME/keys" && pwd)/jwt-public.pem" \
  MP_JWT_VERIFY_ISSUER=cqp-suite \
  QUARKUS_REST_CLIENT_CERTIFICATION_SERVICE_URL="http://127.0.0.1:${PORT[certification]}" \
    "$JAVA" $SERVICE_JAVA_OPTS -jar "$ROOT/$svc-service/target/quarkus-app/quarkus-run.jar" >"$log" 2>&1 </dev/null &
  PID=$!
  until [[ "$(http_status "$port" /q/health/ready)" == 200 ]]; do
    alive "$PID" || fail "$svc-service stopped while starting; see $log"
    (( ($(now_ns) - t0) < 120000000000 )) || fail "$svc-service was not ready after 120 s; see $log"
    sleep 0.02
  done
  t1=$(now_ns)
  ready=$(awk -v d=$((t1 - t0)) 'BEGIN { printf "%.2f", d / 1e9 }')
  started=$(grep -o 'started in [0-9.]*s' "$log" | head -1 | grep -o '[0-9.]*' || echo '?')
  rss_ready=$(kb_of "$PID" VmRSS)
  sleep "$IDLE"
  alive "$PID" || fail "$svc-service stopped while idle; see $log"
  rss=$(kb_of "$PID" VmRSS)
  hwm=$(kb_of "$PID" VmHWM)
  stop
  say "  ready in ${ready} s (Quarkus: started in ${started} s); RSS $(mb "$rss_ready") MB at ready, $(mb "$rss") MB after ${IDLE} s idle"
  ROWS+=("$(printf '  %-24s %9s %11s %12s %12s %12s   %-6s %-6s' "$svc-service" "$ready" "$started" \
    "$(mb "$rss_ready")" "$(mb "$rss")" "$(mb "$hwm")" "$(verdict "$ready" le 2)" \
    "$(verdict "$(mb "$rss")" le 200)")")
  { echo "ready_s=$ready"; echo "quarkus_started_s=$started"; echo "rss_ready_mb=$(mb "$rss_ready")";
    echo "rss_idle_mb=$(mb "$rss")"; echo "rss_peak_mb=$(mb "$hwm")"; } >"$WORK/footprint-$svc.properties"
done

say ""
say "Footprint (JVM mode, $SERVICE_JAVA_OPTS): process start to /q/health/ready = 200, RSS (VmRSS) after ${IDLE} s idle"
printf '  %-24s %9s %11s %12s %12s %12s   %-6s %-6s\n' service "ready s" "Quarkus s" "RSS@ready MB" \
  "RSS idle MB" "peak RSS MB" "<=2 s" "<=200MB"
for row in "${ROWS[@]}"; do say "$row"; done
