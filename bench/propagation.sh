#!/usr/bin/env bash
# Event propagation (issue 7, benchmark 3): the time from a registration write's HTTP answer (registration-service) to
# the moment GET /eligibility/cpf of the eligibility-service reflects it, over 1 000 changes made one at a time:
# p50, p99, max. Each change is the RNCP registration of a certification of its own (POST
# /registrations/{rid}/decision REGISTERED with a new code RNCP9xxxx): before it, GET /eligibility/cpf?code= answers
# 404; the change is reflected when the same GET answers "eligible":true. The GET is repeated every --poll-ms (1 ms)
# from the write's answer on. The certifications are prepared beforehand, in batches, and not measured (a directory
# import of published CQPs into certification-service, then each one's transmission and RNCP request), and each
# measured write waits until the read model has applied its certification's preparation.
#
#   bench/propagation.sh [--changes 1000] [--poll-ms 1] [--batch 100] [--timeout 30s]
#
#   --changes N   measured changes (each a new certification and code; codes RNCP90000..RNCP98999 are used in order
#                 across runs, so about 9 runs of 1 000 fit in one suite home)
#   --poll-ms F   pause between two GETs of one change (0: none)
#   --batch N     certifications prepared at a time (1 to 500)
#   --timeout T   a change not reflected after T counts as a timeout (and fails the run)
#
# Needs the suite up (./suite up; exit code 2 otherwise); writes to it with an admin token (./suite token). Same
# environment as ./suite. Figures in bench/target/propagation.properties. See bench/README.md.
set -euo pipefail
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lib.sh"

CHANGES=1000 POLL_MS=1 BATCH=100 TIMEOUT=30s
while [[ $# -gt 0 ]]; do
  case "$1" in
    --changes) CHANGES=$2; shift ;;
    --poll-ms) POLL_MS=$2; shift ;;
    --batch) BATCH=$2; shift ;;
    --timeout) TIMEOUT=$2; shift ;;
    *) usage ;;
  esac
  shift
done

require_services certification registration eligibility
build_loadgen
machine_note
wait_caught_up_verbose 600
TOKEN=$(admin_token)
OUT="$WORK/propagation.properties"
say ""
loadgen propagation --certification "$(base_url certification)" --registration "$(base_url registration)" \
  --eligibility "$(base_url eligibility)" --token "$TOKEN" --changes "$CHANGES" --poll-ms "$POLL_MS" \
  --batch "$BATCH" --timeout "$TIMEOUT" --result "$OUT" \
  || fail "the propagation run failed (see above)"

say ""
say "Event propagation (registration write answered -> GET /eligibility/cpf reflects it), $(prop "$OUT" changes) changes, one at a time, GET every ${POLL_MS} ms"
printf '  %-12s %9s %9s %9s %9s %9s\n' "" "p50 ms" "p90 ms" "p99 ms" "max ms" "mean ms"
printf '  %-12s %9s %9s %9s %9s %9s\n' propagation "$(prop "$OUT" p50_ms)" "$(prop "$OUT" p90_ms)" "$(prop "$OUT" p99_ms)" \
  "$(prop "$OUT" max_ms)" "$(prop "$OUT" mean_ms)"
printf '  %-12s %9s %9s %9s %9s %9s\n' "the write" "$(prop "$OUT" write_p50_ms)" "$(prop "$OUT" write_p90_ms)" \
  "$(prop "$OUT" write_p99_ms)" "$(prop "$OUT" write_max_ms)" "$(prop "$OUT" write_mean_ms)"
say "  (the write: the decision's own HTTP time, not included in the propagation; not reflected within $TIMEOUT: $(prop "$OUT" timeouts))"
