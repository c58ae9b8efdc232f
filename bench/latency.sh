#!/usr/bin/env bash
# Latency at a fixed rate (issue 7, benchmark 2): p50/p99/p99.9 of the eligibility-service's GET /eligibility/cpf at
# half of its maximum throughput, constant rate (open model), latency measured from each request's intended send
# time (corrected for coordinated omission). Target: p99 <= 5 ms.
#
#   bench/latency.sh [--rate R] [--demo] [--duration 15s] [--warmup 20s] [--connections 64] [--threads 1]
#                    [--date 2021-01-15]
#
#   --rate R       the constant rate in req/s; without it, the script first measures the maximum throughput (closed
#                  model, as bench/throughput.sh: --connections, --threads, same duration) and takes half of it
#   --demo         run ./suite demo first (the suite must be up)
#   --duration, --warmup, --date: as bench/throughput.sh
#
# Needs the suite up with data (./suite up; ./suite demo): exit code 2 otherwise. Figures in
# bench/target/latency-*.properties. See bench/README.md.
set -euo pipefail
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lib.sh"

parse_load_options with-rate "$@"
prepare_eligibility_urls

say ""
machine_note
MAX=""
if [[ -z "$RATE" ]]; then
  say ""
  loadgen closed --urls "$URLS" --duration "$DURATION" --warmup "$WARMUP" --connections "$CONNECTIONS" \
    --threads "$THREADS" --ok 200,404 --label "eligibility GET, maximum" --result "$WORK/latency-max.properties" \
    --server-pid "$(eligibility_pid)"
  MAX=$(prop "$WORK/latency-max.properties" rps)
  RATE=$(awk -v m="$MAX" 'BEGIN { printf "%.1f", m / 2 }')
fi
say ""
# The open model opens connections as needed, up to --connections: at half load few are busy at once.
loadgen open --urls "$URLS" --rate "$RATE" --duration "$DURATION" --warmup "$WARMUP" --connections "$CONNECTIONS" \
  --threads "$THREADS" --ok 200,404 --label "eligibility GET, constant rate" --result "$WORK/latency-open.properties" \
  --server-pid "$(eligibility_pid)"

O="$WORK/latency-open.properties"
say ""
if [[ -n "$MAX" ]]; then
  say "Latency at half load: $RATE req/s (maximum measured just before: $MAX req/s), ${WARMUP} warm-up + ${DURATION} measured"
else
  say "Latency at a constant $RATE req/s, ${WARMUP} warm-up + ${DURATION} measured"
fi
say "  corrected for coordinated omission (from the intended send time):"
say "    p50 $(prop "$O" p50_ms) ms   p99 $(prop "$O" p99_ms) ms   p99.9 $(prop "$O" p999_ms) ms   max $(prop "$O" max_ms) ms   errors $(prop "$O" errors)"
say "  uncorrected (from the send on a connection), for comparison:"
say "    p50 $(prop "$O" service_p50_ms) ms   p99 $(prop "$O" service_p99_ms) ms   p99.9 $(prop "$O" service_p999_ms) ms"
say "  CPU while measuring: eligibility-service $(prop "$O" cpu_server_cores) cores ($(prop "$O" cpu_server_us_per_request) us per request), load generator $(prop "$O" cpu_loadgen_cores), other processes $(prop "$O" cpu_other_cores)"
say "  p99 target <= 5 ms: $(verdict "$(prop "$O" p99_ms)" le 5)"
