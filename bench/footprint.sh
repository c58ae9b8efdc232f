#!/usr/bin/env bash
# Footprint (issue 7, benchmark 6, JVM mode): for each service, the time from the start of its process to
# /q/health/ready answering 200, its resident memory (VmRSS of /proc/PID/status) at idle, 10 s after ready, and under
# load: during a closed-model throughput run against that instance (loadgen closed, as throughput.sh: 64 connections,
# 5 s warm-up + 15 s), the highest VmRSS sampled every 0.5 s. Targets: ready in <= 2 s, RSS <= 200 MB.
#
#   bench/footprint.sh [--idle 10] [--services "certification registration eligibility"] [--no-load]
#                      [--load-duration 15s] [--connections 64]
#
# Each service's packaged jar (<service>-service/target/<service>-service-runner.jar; ./suite build makes them) is
# started alone, one after the other, as ./suite starts it (the same JVM options and class data archive, see
# infrastructure/service-jvm.sh; the suite's JWT key and Kafka broker) but on a free port and with data of its own, so
# that it never touches the running suite's: its own database bench_footprint_<service> in the suite's PostgreSQL
# (created on first use, kept). The instance is first started once unmeasured when its database is new (so that
# Flyway's migrations and the initial loads are not timed) or when it has no class data archive yet (that start
# records it, as a user's first start after a build does): what is measured is a user's usual start. And for
# the eligibility-service its own consumer group (bench-footprint-eligibility): it keeps its own read model of the
# topics (the first time it replays them all; later it catches up with what was published since, and the idle time
# starts once it has no lag). The registration instance's expiry job and outbox relay run on its own (empty)
# database; it asks the suite's certification-service about certifications, as every registration instance does.
# Load: eligibility, the throughput mix (loadgen collect) on its own read model; certification, GET /branches pages
# and /cpnes; registration, GET /registrations?code= (404 on its empty database) and /events. Needs the suite up
# (exit code 2 otherwise). Figures in bench/target/footprint-*.properties, logs in bench/target/footprint-*.log.
set -euo pipefail
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lib.sh"

IDLE=10 SERVICES="certification registration eligibility" LOAD=1 LOAD_DURATION=15s CONNECTIONS=64
while [[ $# -gt 0 ]]; do
  case "$1" in
    --idle) IDLE=$2; shift ;;
    --services) SERVICES=$2; shift ;;
    --no-load) LOAD=0 ;;
    --load-duration) LOAD_DURATION=$2; shift ;;
    --connections) CONNECTIONS=$2; shift ;;
    *) usage ;;
  esac
  shift
done

# As ./suite: an external PostgreSQL or broker when CQP_PG_URL / CQP_KAFKA_BOOTSTRAP say so.
if [[ -n "${CQP_PG_URL:-}" ]]; then PG_BASE="${CQP_PG_URL%/}/"; else PG_BASE="jdbc:postgresql://127.0.0.1:$PG_PORT/"; fi
KAFKA=$(kafka_bootstrap)
[[ -n "${CQP_PG_URL:-}" ]] || port_open "$PG_PORT" \
  || missing "the suite's PostgreSQL does not answer on 127.0.0.1:$PG_PORT: start the suite first (./suite up)"
require_kafka
[[ -f "$SUITE_HOME/keys/jwt-public.pem" ]] \
  || missing "no JWT public key in $SUITE_HOME/keys: start the suite first (./suite up)"
for svc in $SERVICES; do
  case "$svc" in certification|registration|eligibility) ;; *) usage ;; esac
  [[ -f "$(service_jar "$svc")" ]] \
    || missing "no ${svc}-service/target/$svc-service-runner.jar: build the suite first (./suite build)"
done
[[ " $SERVICES " != *" registration "* ]] || require_services certification
build_loadgen

PID="" SAMPLER="" CDS_PENDING=""
stop() {
  if alive "$SAMPLER"; then kill "$SAMPLER" 2>/dev/null || true; wait "$SAMPLER" 2>/dev/null || true; fi
  SAMPLER=""
  local clean=0
  if alive "$PID"; then
    kill -TERM "$PID" 2>/dev/null || true
    local n=0
    while alive "$PID" && (( n++ < 300 )); do sleep 0.1; done
    if alive "$PID"; then kill -KILL "$PID" 2>/dev/null || true; else clean=1; fi
    wait "$PID" 2>/dev/null || true
  fi
  cds_settle "$CDS_PENDING" "$clean"
  PID="" CDS_PENDING=""
}
trap stop EXIT

kb_of() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status" 2>/dev/null; }
mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

# start_instance SVC PORT LOG: starts the service as ./suite does, on its own database (and consumer group); T0 is the
# time just before the start.
start_instance() {
  local svc=$1 port=$2 log=$3
  service_java_opts "$svc"
  cds_options "$svc" "$SERVICE_OPTS"
  T0=$(now_ns)
  # shellcheck disable=SC2086
  QUARKUS_HTTP_PORT="$port" \
  QUARKUS_DATASOURCE_JDBC_URL="${PG_BASE}bench_footprint_$svc" \
  QUARKUS_DATASOURCE_USERNAME="${CQP_PG_USER:-postgres}" \
  QUARKUS_DATASOURCE_PASSWORD="${CQP_PG_PASSWORD:-postgres}" \
  KAFKA_BOOTSTRAP_SERVERS="$KAFKA" \
  CQP_CONSUMER_GROUP=bench-footprint-eligibility \
  QUARKUS_LOG_CONSOLE_JSON_ENABLED="${CQP_LOG_JSON:-false}" \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION="file:$(cd "$SUITE_HOME/keys" && pwd)/jwt-public.pem" \
  MP_JWT_VERIFY_ISSUER=cqp-suite \
  QUARKUS_REST_CLIENT_CERTIFICATION_SERVICE_URL="http://127.0.0.1:${PORT[certification]}" \
    "$JAVA" $SERVICE_OPTS $CDS_OPTS -jar "$(service_jar "$svc")" >"$log" 2>&1 </dev/null &
  PID=$!
}

wait_ready() {
  local svc=$1 port=$2 log=$3 t0=$4
  until [[ "$(http_status "$port" /q/health/ready)" == 200 ]]; do
    if ! alive "$PID"; then
      grep -q 'seems to be in use' "$log" 2>/dev/null && return 3
      fail "$svc-service stopped while starting; see $log"
    fi
    (( ($(now_ns) - t0) < 300000000000 )) || fail "$svc-service was not ready after 300 s; see $log"
    sleep 0.02
  done
}

# launch SVC LOG: picks a free port (PORT_USED), starts the instance and waits until it is ready (T0: its start).
# Another process may take the port between the check and the start (other suites, other benchmarks): then again on
# another port.
launch() {
  local svc=$1 log=$2 tries=0 rc
  while :; do
    PORT_USED=$(free_port)
    start_instance "$svc" "$PORT_USED" "$log"
    rc=0
    wait_ready "$svc" "$PORT_USED" "$log" "$T0" || rc=$?
    (( rc == 0 )) && return 0
    wait "$PID" 2>/dev/null || true
    cds_settle "$CDS_PENDING" 0
    PID="" CDS_PENDING=""
    (( tries++ < 5 )) || fail "$svc-service found no free port; see $log"
    say "  (port $PORT_USED was taken meanwhile: again on another one)"
  done
}

# The eligibility instance's own read model has caught up with the topics (its own consumer group).
wait_instance_caught_up() {
  local port=$1
  loadgen caught-up --base "http://127.0.0.1:$port" --timeout 7200s --every 30s \
    || fail "the eligibility instance's read model did not catch up"
}

# load_urls SVC PORT FILE: the URLs of the throughput run against the instance.
load_urls() {
  local svc=$1 port=$2 file=$3 base="http://127.0.0.1:$2" k rc
  case "$svc" in
    eligibility)
      set +e
      loadgen collect --base "$base" --date 2021-01-15 --out "$file" >/dev/null
      rc=$?
      set -e
      if (( rc == 3 )); then
        say "  (its read model has no CPF-eligible certification on 2021-01-15: the load asks unknown codes, 404)"
        for k in $(seq 0 199); do echo "$base/eligibility/cpf?code=RNCP$((99000 + k))"; done >"$file"
      elif (( rc != 0 )); then fail "could not collect the eligibility URLs of the instance"; fi ;;
    certification)
      { for k in $(seq 0 39); do echo "$base/branches?page=$k&size=20"; done
        echo "$base/cpnes"; echo "$base/certifications?page=0&size=20"; } >"$file" ;;
    registration)
      { for k in $(seq 0 199); do echo "$base/registrations?code=RNCP$((34000 + k))"; done
        echo "$base/events?after=0&limit=100"; } >"$file" ;;
  esac
}

machine_note
say "JVM options: as ./suite (printed per service); idle time before reading RSS: ${IDLE} s$( ((LOAD)) && echo "; load: loadgen closed, $CONNECTIONS connections, 5 s warm-up + $LOAD_DURATION")"
say ""
ROWS=()
for svc in $SERVICES; do
  log="$WORK/footprint-$svc.log"
  created=$(loadgen createdb --url "$PG_BASE" --name "bench_footprint_$svc" \
    --user "${CQP_PG_USER:-postgres}" --password "${CQP_PG_PASSWORD:-postgres}") \
    || fail "could not create the database bench_footprint_$svc"
  service_java_opts "$svc"
  if [[ "$created" == created ]] || { [[ "${CQP_CDS:-true}" != false ]] \
      && [[ ! -s "$(cds_archive "$svc" "$SERVICE_OPTS")" ]]; }; then
    say "Preparing $svc-service (a first, unmeasured start: $(
      [[ "$created" == created ]] && echo "migrations of its own database bench_footprint_$svc$(
        [[ $svc == eligibility ]] && echo ", replay of the topics into its read model")" || echo "its class data archive"))..."
    launch "$svc" "$WORK/footprint-$svc-prepare.log"
    [[ "$svc" != eligibility ]] || wait_instance_caught_up "$PORT_USED"
    stop
  fi
  say "Starting $svc-service on a free port (database bench_footprint_$svc)..."
  launch "$svc" "$log"
  opts="$SERVICE_OPTS $CDS_OPTS"
  t1=$(now_ns) t0=$T0 port=$PORT_USED
  ready=$(secs_between "$t0" "$t1")
  started=$(grep -o 'started in [0-9.]*s' "$log" | head -1 | grep -o '[0-9.]*' || echo '?')
  rss_ready=$(kb_of "$PID" VmRSS)
  if [[ "$svc" == eligibility ]]; then
    wait_instance_caught_up "$port"
    say "  its read model caught up $(secs_between "$t1" "$(now_ns)") s after ready"
  fi
  sleep "$IDLE"
  alive "$PID" || fail "$svc-service stopped while idle; see $log"
  rss=$(kb_of "$PID" VmRSS)
  rss_load="" rss_load_end="" rps=""
  if (( LOAD )); then
    urls="$WORK/footprint-$svc-urls.txt"
    load_urls "$svc" "$port" "$urls"
    samples="$WORK/footprint-$svc-rss.txt"
    : >"$samples"
    ( while alive "$PID"; do kb_of "$PID" VmRSS >>"$samples"; sleep 0.5; done ) &
    SAMPLER=$!
    loadgen closed --urls "$urls" --duration "$LOAD_DURATION" --warmup 5s --connections "$CONNECTIONS" --ok 200,404 \
      --label "$svc-service instance" --server-pid "$PID" --result "$WORK/footprint-$svc-load.properties" \
      >"$WORK/footprint-$svc-load.log" || fail "the load on $svc-service failed; see $WORK/footprint-$svc-load.log"
    kill "$SAMPLER" 2>/dev/null || true; wait "$SAMPLER" 2>/dev/null || true; SAMPLER=""
    alive "$PID" || fail "$svc-service stopped under load; see $log"
    rss_load=$(sort -n "$samples" | tail -1)
    rss_load_end=$(kb_of "$PID" VmRSS)
    rps=$(prop "$WORK/footprint-$svc-load.properties" rps)
  fi
  hwm=$(kb_of "$PID" VmHWM)
  stop
  say "  JVM options: $opts"
  say "  ready in ${ready} s (Quarkus: started in ${started} s); RSS $(mb "$rss_ready") MB at ready, $(mb "$rss") MB after ${IDLE} s idle$( ((LOAD)) && echo ", $(mb "$rss_load") MB at most under load ($rps req/s)")"
  ROWS+=("$(printf '  %-24s %9s %11s %12s %12s %13s %10s %12s   %-6s %-7s %-7s' "$svc-service" "$ready" "$started" \
    "$(mb "$rss_ready")" "$(mb "$rss")" "$( ((LOAD)) && mb "$rss_load" || echo -)" "${rps:--}" "$(mb "$hwm")" \
    "$(verdict "$ready" le 2)" "$(verdict "$(mb "$rss")" le 200)" \
    "$( ((LOAD)) && verdict "$(mb "$rss_load")" le 200 || echo -)")")
  { echo "ready_s=$ready"; echo "quarkus_started_s=$started"; echo "rss_ready_mb=$(mb "$rss_ready")";
    echo "rss_idle_mb=$(mb "$rss")"; echo "rss_peak_mb=$(mb "$hwm")";
    if (( LOAD )); then echo "rss_load_max_mb=$(mb "$rss_load")"; echo "rss_load_end_mb=$(mb "$rss_load_end")";
      echo "load_rps=$rps"; fi; } >"$WORK/footprint-$svc.properties"
done

say ""
say "Footprint (JVM mode, as ./suite starts the services$([[ "${CQP_CDS:-true}" == false ]] && echo ", no class data archive")): process start to /q/health/ready = 200, RSS (VmRSS) after ${IDLE} s idle and under load"
printf '  %-24s %9s %11s %12s %12s %13s %10s %12s   %-6s %-7s %-7s\n' service "ready s" "Quarkus s" "RSS@ready MB" \
  "RSS idle MB" "RSS load MB" "load req/s" "peak RSS MB" "<=2 s" "idle" "load"
for row in "${ROWS[@]}"; do say "$row"; done
say "  (RSS load: the highest VmRSS sampled every 0.5 s during the throughput run; the last two columns: <= 200 MB)"
