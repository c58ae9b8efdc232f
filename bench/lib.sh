# Shared by the bench scripts (sourced, not run). Needs bash and a JDK only, like ./suite: no curl, no jq.
# The suite's ports and home come from the same variables as ./suite (CQP_SUITE_HOME, CQP_PG_PORT, CQP_KAFKA_PORT,
# CQP_*_PORT, CQP_PG_URL, CQP_KAFKA_BOOTSTRAP, JAVA_OPTS, CQP_*_JAVA_OPTS, CQP_CDS, CQP_CDS_DIR); see the header of ./suite.

BENCH="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
WORK="$BENCH/target"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
MVNW="$ROOT/mvnw"
LOADGEN_JAR="$BENCH/loadgen/target/loadgen.jar"
HELLO_JAR="$BENCH/hello/target/quarkus-app/quarkus-run.jar"
SUITE_HOME="${CQP_SUITE_HOME:-$ROOT/.suite}"
PG_PORT="${CQP_PG_PORT:-55432}"
KAFKA_PORT="${CQP_KAFKA_PORT:-9092}"
declare -A PORT=(
  [certification]="${CQP_CERTIFICATION_PORT:-8081}"
  [registration]="${CQP_REGISTRATION_PORT:-8082}"
  [eligibility]="${CQP_ELIGIBILITY_PORT:-8083}"
)
# The services' JVM options and class data archives, exactly as ./suite gives them (service_java_opts, cds_options,
# cds_settle). SERVICE_JAVA_OPTS: eligibility-service's options, which the bare Quarkus hello of throughput.sh runs
# with too.
# shellcheck source=../infrastructure/service-jvm.sh
source "$ROOT/infrastructure/service-jvm.sh"
service_java_opts eligibility
SERVICE_JAVA_OPTS=$SERVICE_OPTS
LOADGEN_JAVA_OPTS="${LOADGEN_JAVA_OPTS:--Xmx512m}"
mkdir -p "$WORK"

say() { printf '%s\n' "$*"; }
fail() { printf '%s: %s\n' "$(basename "$0")" "$*" >&2; exit 1; }
# Exit code 2: what the bench needs is not there (the suite is not up, or has no data).
missing() { printf '%s: %s\n' "$(basename "$0")" "$*" >&2; exit 2; }

alive() {
  [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null && [[ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" != Z ]]
}
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# HTTP status of a GET on 127.0.0.1 with bash alone; 000 when nothing answers.
http_status() {
  local port=$1 path=$2
  (
    exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
    printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' "$path" >&3
    IFS= read -r -t 5 line <&3 || exit 1
    line="${line#HTTP/* }"
    echo "${line:0:3}"
  ) 2>/dev/null || echo 000
}

# The body of a GET (HTTP/1.0, so never chunked); empty when nothing answers. ACCEPT: application/json unless given
# (text/plain for the Prometheus metrics).
http_body() {
  local port=$1 path=$2 accept=${3:-application/json}
  (
    exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
    printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\nAccept: %s\r\n\r\n' "$path" "$accept" >&3
    local line
    while IFS= read -r -t 30 line <&3 && [[ "${line%$'\r'}" != "" ]]; do :; done
    cat <&3
  ) 2>/dev/null || true
}

# A free TCP port on 127.0.0.1 (nothing listens on it now).
free_port() {
  local p tries=0
  while (( tries++ < 200 )); do
    p=$(( 20000 + RANDOM % 30000 ))
    port_open "$p" || { echo "$p"; return 0; }
  done
  fail "no free port found"
}

# A value of a key=value file written by the load generator (--result).
prop() { grep -m1 "^$2=" "$1" | cut -d= -f2-; }

# Rebuilds a standalone Maven project of bench/ when its jar is missing or older than its pom or sources.
build_if_needed() {
  local dir=$1 jar=$2 name=$3
  if [[ -f "$jar" && -z "$(find "$dir/pom.xml" "$dir/src" -newer "$jar" -type f 2>/dev/null | head -1)" ]]; then
    return 0
  fi
  say "Building $name (./mvnw -f ${dir#"$ROOT"/}/pom.xml package; the first build downloads dependencies)..."
  "$MVNW" -f "$dir/pom.xml" -B -q package -DskipTests >&2 || fail "the build of $name failed (see above)"
}
build_loadgen() { build_if_needed "$BENCH/loadgen" "$LOADGEN_JAR" "the load generator (bench/loadgen)"; }
build_hello() { build_if_needed "$BENCH/hello" "$HELLO_JAR" "the bare Quarkus hello (bench/hello)"; }

# shellcheck disable=SC2086
loadgen() { "$JAVA" $LOADGEN_JAVA_OPTS -jar "$LOADGEN_JAR" "$@"; }

# The machine and how busy it is right now (CPU use over one second, from /proc/stat): figures taken while something
# else keeps the cores busy are worth less. The load average is not used: it still counts a bench that just ended.
cpu_busy_percent() {
  local a b
  a=($(head -1 /proc/stat)); sleep 1; b=($(head -1 /proc/stat))
  awk -v u1="${a[1]}" -v n1="${a[2]}" -v s1="${a[3]}" -v i1="${a[4]}" -v w1="${a[5]}" -v q1="${a[6]}" -v r1="${a[7]}" \
      -v u2="${b[1]}" -v n2="${b[2]}" -v s2="${b[3]}" -v i2="${b[4]}" -v w2="${b[5]}" -v q2="${b[6]}" -v r2="${b[7]}" \
      'BEGIN { idle = (i2 + w2) - (i1 + w1); total = (u2 + n2 + s2 + q2 + r2 - u1 - n1 - s1 - q1 - r1) + idle
               printf "%.0f", (total > 0 ? 100 * (total - idle) / total : 0) }'
}
machine_note() {
  local busy cpus
  cpus=$(nproc 2>/dev/null || echo '?')
  busy=$(cpu_busy_percent 2>/dev/null || echo '?')
  say "Machine: $cpus cores, ${busy}% busy before the run (1 s sample), $("$JAVA" -version 2>&1 | head -1)"
  if [[ "$busy" != '?' ]] && (( busy > 25 )); then
    say "  warning: something else keeps the machine busy: the figures will be lower than on an idle machine"
  fi
}

# The pid of the suite's eligibility-service (from ./suite's pid file), for the load generator's --server-pid.
eligibility_pid() {
  local pid
  pid=$(cat "$SUITE_HOME/run/eligibility.pid" 2>/dev/null || true)
  alive "$pid" && echo "$pid" || echo 0
}

require_eligibility() {
  local port=${PORT[eligibility]}
  [[ "$(http_status "$port" /q/health/ready)" == 200 ]] || missing "eligibility-service is not ready on \
127.0.0.1:$port: start the suite first (./suite up), with data (./suite demo, or pass --demo)"
}

# Waits (up to $1 s) until the eligibility read model has consumed everything the topics hold (lag 0 on both).
wait_eligibility_caught_up() {
  local timeout=${1:-120} waited=0 body
  while (( waited < timeout * 2 )); do
    body=$(http_body "${PORT[eligibility]}" /freshness)
    if [[ -n "$body" && "$body" == *'"lag":0'* ]] && ! grep -q '"lag":[1-9]' <<<"$body"; then
      return 0
    fi
    sleep 0.5
    waited=$((waited + 1))
  done
  say "  warning: the eligibility read model still lags after ${timeout}s: $body"
}

fmt_ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "NaN" }'; }
# PASS or MISSED: $1 <op> $2 with op one of le, ge.
verdict() {
  awk -v a="$1" -v b="$3" -v op="$2" 'BEGIN {
    ok = (op == "le") ? (a + 0 <= b + 0) : (a + 0 >= b + 0)
    if (a == "NaN" || a == "") ok = 0
    print ok ? "PASS" : "MISSED" }'
}

# The options both load scripts take; sets DEMO, DURATION, WARMUP, CONNECTIONS, THREADS, DATE, and RATE when
# "--rate" is allowed (first argument "with-rate"). Unknown options print the script's header and exit 2.
parse_load_options() {
  local allow_rate=$1; shift
  # 20 s of warm-up: a JVM started just before (./suite up) needs it for its JIT; with 5 s the eligibility GET
  # measured 2 409 req/s cold against 48 380 warm.
  DEMO=0 RATE="" DURATION=15s WARMUP=20s CONNECTIONS=64 THREADS=1 DATE=2021-01-15
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --demo) DEMO=1 ;;
      --rate) [[ "$allow_rate" == with-rate ]] || usage; RATE=$2; shift ;;
      --duration) DURATION=$2; shift ;;
      --warmup) WARMUP=$2; shift ;;
      --connections) CONNECTIONS=$2; shift ;;
      --threads) THREADS=$2; shift ;;
      --date) DATE=$2; shift ;;
      *) usage ;;
    esac
    shift
  done
}

# The script's header comment, as help.
usage() { sed -n '2,/^set -euo/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 2; }

# Checks the eligibility-service, loads the demo when asked (DEMO=1), builds the load generator (and what the script
# names, e.g. build_hello), waits until the read model has caught up and writes the URL mix to $URLS.
prepare_eligibility_urls() {
  require_eligibility
  if (( DEMO )); then
    "$ROOT/suite" demo
  fi
  build_loadgen
  local build
  for build in "$@"; do "$build"; done
  wait_eligibility_caught_up 120
  URLS="$WORK/eligibility-urls.txt"
  local rc
  set +e
  loadgen collect --base "http://127.0.0.1:${PORT[eligibility]}" --date "$DATE" --out "$URLS"
  rc=$?
  set -e
  (( rc == 3 )) && missing "the eligibility read model has no data: load it first (./suite demo, or pass --demo)"
  (( rc == 0 )) || fail "could not collect the codes (see above)"
}

# --- Shared by propagation.sh, import.sh, replay.sh, scale.sh ----------------------------------------------------

# Exit 2 unless each named service (certification, registration, eligibility) answers /q/health/ready = 200.
require_services() {
  local svc
  for svc in "$@"; do
    [[ "$(http_status "${PORT[$svc]}" /q/health/ready)" == 200 ]] || missing "$svc-service is not ready on \
127.0.0.1:${PORT[$svc]}: start the suite first (./suite up)"
  done
}
base_url() { echo "http://127.0.0.1:${PORT[$1]}"; }
# The suite's Kafka broker, as ./suite computes it.
kafka_bootstrap() {
  if [[ -n "${CQP_KAFKA_BOOTSTRAP:-}" ]]; then echo "$CQP_KAFKA_BOOTSTRAP"; else echo "127.0.0.1:$KAFKA_PORT"; fi
}
require_kafka() {
  [[ -n "${CQP_KAFKA_BOOTSTRAP:-}" ]] || port_open "$KAFKA_PORT" \
    || missing "the suite's Kafka broker does not answer on 127.0.0.1:$KAFKA_PORT: start the suite first (./suite up)"
}
now_ns() { date +%s%N; }
# Seconds between two nanosecond timestamps, 3 decimals.
secs_between() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b - a) / 1e9 }'; }
# An admin token of the suite (./suite token), for the benchmarks' writes.
admin_token() { "$ROOT/suite" token --role admin --subject "bench-$(basename "$0" .sh)"; }
# Waits until the eligibility read model has no lag, printing progress (loadgen caught-up); fails after $1 s.
wait_caught_up_verbose() {
  loadgen caught-up --base "$(base_url eligibility)" --timeout "${1:-3600}s" --every "${2:-10}s" \
    || fail "the eligibility read model did not catch up within ${1:-3600} s"
}
