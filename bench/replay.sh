#!/usr/bin/env bash
# Replay (issue 7, benchmark 5): events per second when the eligibility read model is rebuilt from the topics
# (POST /read-model/rebuild, what ./suite rebuild does), with at least 100 000 events on cqp.certification.events and
# cqp.registration.events. When the topics hold fewer, it first publishes synthetic, contract-valid events (loadgen
# publish: CloudEvents headers, key = certification id, sequence per key, as the services' outbox writes them) for
# synthetic certifications (4 events each: created, published, transmitted, registered; RS codes no real fiche
# has), waits until the eligibility-service has applied them (GET /freshness: no lag), then triggers the rebuild and
# times it until GET /read-model says DONE.
#
#   bench/replay.sh [--events 100000] [--poll-ms 200]
#
#   --events N    the least number of records the two topics must hold (synthetic events are added up to it)
#   --poll-ms M   how often GET /read-model is asked during the rebuild (the time is measured to the first DONE)
#
# Needs the suite up (./suite up; exit code 2 otherwise); the rebuild empties the read model and refills it (answers
# are incomplete meanwhile); the synthetic events stay on the topics (retention is infinite). Same environment as
# ./suite. Figures in bench/target/replay.properties. See bench/README.md.
set -euo pipefail
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lib.sh"

EVENTS=100000 POLL_MS=200
while [[ $# -gt 0 ]]; do
  case "$1" in
    --events) EVENTS=$2; shift ;;
    --poll-ms) POLL_MS=$2; shift ;;
    *) usage ;;
  esac
  shift
done
[[ "$EVENTS" =~ ^[0-9]+$ ]] || usage

require_services eligibility
require_kafka
build_loadgen
machine_note
say "Waiting until the eligibility read model has applied everything on the topics..."
wait_caught_up_verbose 3600
loadgen publish --bootstrap "$(kafka_bootstrap)" --eligibility "$(base_url eligibility)" --min-events "$EVENTS" \
  --result "$WORK/replay-publish.properties" || fail "publishing the synthetic events failed (see above)"
say "Waiting until the eligibility-service has applied them (GET /freshness)..."
wait_caught_up_verbose 7200
TOKEN=$(admin_token)
OUT="$WORK/replay.properties"
say ""
say "Rebuilding the read model from the topics (POST /read-model/rebuild)..."
loadgen rebuild --base "$(base_url eligibility)" --token "$TOKEN" --poll-ms "$POLL_MS" --result "$OUT" \
  || fail "the rebuild failed (see above)"
{ echo "synthetic_certifications=$(prop "$WORK/replay-publish.properties" certifications)";
  echo "synthetic_events_published_now=$(prop "$WORK/replay-publish.properties" published_events)"; } >>"$OUT"

say ""
say "Replay (rebuild of the eligibility read model from both topics)"
printf '  %10s %10s %10s %12s %14s %15s %10s\n' records applied seconds "events/s" "service ev/s" certifications checksum
printf '  %10s %10s %10s %12s %14s %15s %10s\n' "$(prop "$OUT" records)" "$(prop "$OUT" applied)" \
  "$(awk -v s="$(prop "$OUT" seconds)" 'BEGIN { printf "%.2f", s }')" \
  "$(awk -v s="$(prop "$OUT" events_per_s)" 'BEGIN { printf "%.0f", s }')" "$(prop "$OUT" service_events_per_s)" \
  "$(prop "$OUT" certifications)" "$([[ "$(prop "$OUT" checksum_same)" == true ]] && echo same || echo DIFFERENT)"
say "  (events/s: records replayed / time from the POST to the first GET /read-model saying DONE; checksum: the"
say "   read model's before and after)"
