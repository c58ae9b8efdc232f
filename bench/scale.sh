#!/usr/bin/env bash
# Scale (issue 7, benchmark 7): p99 of GET /eligibility/cpf at a fixed rate (open model, corrected for coordinated
# omission, as latency.sh) with 1 000 and with 1 000 000 certifications in the eligibility read model, and the ratio
# p99(large) / p99(small). The certifications are synthetic, published straight to the topics by loadgen publish
# (contract-valid events, as replay.sh: 4 per certification) and applied by the eligibility-service like any
# others:
#   1. makes sure the first --small (1 000) synthetic certifications are there, waits until they are applied, and
#      measures GET /eligibility/cpf on their codes (all of them, round-robin) at --rate req/s;
#   2. publishes synthetic certifications up to --large (1 000 000), waits until the read model has applied them all
#      (GET /freshness: no lag), and measures the same rate on 10 000 codes drawn at random among all of them.
# Before each measurement it waits until the eligibility-service has filled its read model cache
# (cqp_read_model_cache_fill_complete). The cache holds 20 000 certifications by default, and a read model larger
# than the cache is not loaded ahead: for 1 000 000 in memory,
# start the suite with CQP_READ_MODEL_CACHE_CERTIFICATIONS=1100000 CQP_ELIGIBILITY_JAVA_OPTS="-XX:+UseSerialGC
# -Xms24m -Xmx3g"; otherwise the codes it does not hold are read from PostgreSQL on their first question.
# Loading 1 000 000 certifications is 4 000 000 events: tens of minutes, and a few GB of disk for Kafka's log and
# PostgreSQL (both under CQP_SUITE_HOME/data); see bench/README.md. A second run finds them there and loads nothing.
#
#   bench/scale.sh [--large 1000000] [--small 1000] [--rate 500] [--duration 15s] [--warmup 5s] [--connections 64]
#                  [--date 2026-06-01] [--seed 42] [--large-sample 10000]
#
#   --large N, --small N  synthetic certifications of each step (--large at most 1009000)
#   --rate R              constant request rate of both measurements (req/s)
#   --duration, --warmup  measured time and load before it, of each measurement
#   --connections C       at most C connections of the load generator   --date D  the date asked (all in force)
#   --seed S              which codes the second step draws: the eligibility-service keeps the answers it gave in
#                         memory, so a second run with the same seed finds them there; another seed asks about codes
#                         it has not answered yet (computed from its cache, or read from PostgreSQL when not cached)
#   --large-sample K      how many codes the second step draws (10 000): at least (warm-up + duration) x rate for every
#                         request to be the first about its code
#
# For a small step really at 1 000 certifications, run it on a fresh suite home (e.g. CQP_SUITE_HOME=/tmp/scale
# ./suite up): the read model also holds whatever else the suite has (the figures say how many it holds in all).
# Needs the suite up (exit code 2 otherwise). Same environment as ./suite. Figures in bench/target/scale*.properties.
set -euo pipefail
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lib.sh"

LARGE=1000000 SMALL=1000 RATE=500 DURATION=15s WARMUP=5s CONNECTIONS=64 DATE=2026-06-01 SEED=42 LARGE_SAMPLE=10000
while [[ $# -gt 0 ]]; do
  case "$1" in
    --large) LARGE=$2; shift ;;
    --small) SMALL=$2; shift ;;
    --rate) RATE=$2; shift ;;
    --duration) DURATION=$2; shift ;;
    --warmup) WARMUP=$2; shift ;;
    --connections) CONNECTIONS=$2; shift ;;
    --date) DATE=$2; shift ;;
    --seed) SEED=$2; shift ;;
    --large-sample) LARGE_SAMPLE=$2; shift ;;
    *) usage ;;
  esac
  shift
done
[[ "$LARGE" =~ ^[0-9]+$ && "$SMALL" =~ ^[0-9]+$ && "$SEED" =~ ^[0-9]+$ && "$LARGE_SAMPLE" =~ ^[0-9]+$ ]] && (( SMALL >= 1 && LARGE > SMALL && LARGE <= 1009000 )) || usage

require_services eligibility
require_kafka
build_loadgen
ELIG=$(base_url eligibility)
machine_note
say "Waiting until the eligibility read model has applied everything on the topics..."
wait_caught_up_verbose 7200

# A metric of the eligibility-service's Prometheus endpoint (the first sample whose line starts with $1), or empty.
eligibility_metric() {
  http_body "${PORT[eligibility]}" /q/metrics text/plain | awk -v m="$1" 'index($0, m) == 1 { print $NF; exit }'
}

# Waits until the eligibility-service has loaded its read model into its cache (ReadModelCacheFiller: the whole read
# model, or as much as cqp.read-model.cache.certifications holds), so that the measurement does not race the filling.
wait_cache_filled() {
  local t0 done cached
  t0=$(now_ns)
  until [[ "$(eligibility_metric cqp_read_model_cache_fill_complete)" == 1* ]]; do
    (( ($(now_ns) - t0) < 3600000000000 )) || fail "the eligibility read model cache was not filled after 1 h"
    sleep 1
  done
  cached=$(eligibility_metric 'cache_size{cache="eligibility-certifications"')
  done=$(secs_between "$t0" "$(now_ns)")
  say "  read model cache filled after ${done} s more: ${cached%.*} certifications in memory" \
    "(cqp.read-model.cache.certifications bounds it)"
}

read_model_certifications() { http_body "${PORT[eligibility]}" /read-model | grep -o '"certifications":[0-9]*' | cut -d: -f2; }
data_size() { du -sh "$SUITE_HOME/data" 2>/dev/null | cut -f1 || echo '?'; }

# measure NAME N SAMPLE: the open-model run on SAMPLE codes of synthetic certifications 0..N-1.
measure() {
  local name=$1 n=$2 sample=$3 urls="$WORK/scale-$1-urls.txt"
  loadgen urls --eligibility "$ELIG" --certifications "$n" --sample "$sample" --date "$DATE" --seed "$SEED" --out "$urls"
  say ""
  loadgen open --urls "$urls" --rate "$RATE" --duration "$DURATION" --warmup "$WARMUP" --connections "$CONNECTIONS" \
    --ok 200 --label "eligibility GET, $n synthetic certifications" --server-pid "$(eligibility_pid)" \
    --result "$WORK/scale-$name.properties" || fail "the load generator failed (see above)"
  echo "read_model_certifications=$(read_model_certifications)" >>"$WORK/scale-$name.properties"
  echo "synthetic_certifications=$n" >>"$WORK/scale-$name.properties"
}

say ""
say "Step 1: $SMALL synthetic certifications"
present=$(loadgen count --eligibility "$ELIG")
if (( present > SMALL )); then
  say "  note: the read model already holds $present synthetic certifications (an earlier run): the first step is"
  say "  not at $SMALL certifications; use a fresh suite home (CQP_SUITE_HOME) for it"
fi
loadgen publish --bootstrap "$(kafka_bootstrap)" --eligibility "$ELIG" --certifications "$SMALL" \
  --result "$WORK/scale-publish-small.properties" || fail "publishing the synthetic events failed (see above)"
wait_caught_up_verbose 7200
wait_cache_filled
measure small "$SMALL" "$SMALL"

say ""
say "Step 2: $LARGE synthetic certifications (data under $SUITE_HOME/data: $(data_size) before)"
t0=$(now_ns)
loadgen publish --bootstrap "$(kafka_bootstrap)" --eligibility "$ELIG" --certifications "$LARGE" \
  --result "$WORK/scale-publish-large.properties" || fail "publishing the synthetic events failed (see above)"
t1=$(now_ns)
say "Waiting until the eligibility-service has applied them (GET /freshness)..."
wait_caught_up_verbose 36000 30
t2=$(now_ns)
wait_cache_filled
LOAD_S=$(secs_between "$t0" "$t2")
PUBLISH_S=$(secs_between "$t0" "$t1")
say "  loaded: $(prop "$WORK/scale-publish-large.properties" published_certifications) certifications published in ${PUBLISH_S} s, all applied after ${LOAD_S} s; data under $SUITE_HOME/data: $(data_size)"
measure large "$LARGE" $(( LARGE < LARGE_SAMPLE ? LARGE : LARGE_SAMPLE ))

S="$WORK/scale-small.properties" L="$WORK/scale-large.properties"
RATIO=$(fmt_ratio "$(prop "$L" p99_ms)" "$(prop "$S" p99_ms)")
{ echo "rate=$RATE"; echo "small=$SMALL"; echo "large=$LARGE"; echo "small_p99_ms=$(prop "$S" p99_ms)";
  echo "large_p99_ms=$(prop "$L" p99_ms)"; echo "ratio_p99=$RATIO"; echo "load_seconds=$LOAD_S";
  echo "publish_seconds=$PUBLISH_S"; echo "published_certifications=$(prop "$WORK/scale-publish-large.properties" published_certifications)";
  echo "data_size=$(data_size)"; } >"$WORK/scale.properties"

say ""
say "Scale: GET /eligibility/cpf at $RATE req/s (open model, corrected), ${WARMUP} warm-up + ${DURATION} measured each"
printf '  %-26s %14s %9s %9s %9s %9s %9s %7s\n' "synthetic certifications" "in read model" "req/s" "p50 ms" "p99 ms" \
  "p99.9 ms" "max ms" errors
for f in "$S" "$L"; do
  printf '  %-26s %14s %9s %9s %9s %9s %9s %7s\n' "$(prop "$f" synthetic_certifications)" \
    "$(prop "$f" read_model_certifications)" "$(prop "$f" rps)" "$(prop "$f" p50_ms)" "$(prop "$f" p99_ms)" \
    "$(prop "$f" p999_ms)" "$(prop "$f" max_ms)" "$(prop "$f" errors)"
done
say "  ratio p99($LARGE) / p99($SMALL): $RATIO"
say "  (loading step 2 took ${LOAD_S} s for $(prop "$WORK/scale-publish-large.properties" published_certifications) new certifications; suite data now $(data_size))"
