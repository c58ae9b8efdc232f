#!/usr/bin/env bash
# Import throughput (issue 7, benchmark 4): fiches per second end to end, from the start of `./suite import` to the
# moment the eligibility-service answers GET /eligibility/cpf on the last fiche's code (the whole chain: importer,
# certification-service and registration-service directory imports, their outboxes, Kafka, the eligibility read
# model), for
#   (a) the 2 580-fiche official CSV export of January 2021 (demo-data/france-competences/csv-2021-01), and
#   (b) a synthetic export of 30 000 fiches in the same CSV schema, written by the bench (loadgen fiches: codes
#       RNCP60000.. that no real fiche has; 1 in 10 a CQP, 7 in 10 active).
#
#   bench/import.sh [--fiches 30000] [--skip-real] [--skip-synthetic] [--warm-up N] [--timeout 3600]
#
#   --fiches N        size of the synthetic export (at most 30000: codes RNCP60000..RNCP89999)
#   --skip-real       do not import the real 2 580-fiche set    --skip-synthetic  nor the synthetic one
#   --warm-up N       first import, unmeasured, another synthetic export of N fiches (at most 9000: codes
#                     RNCP90000..RNCP98999), so that the measured imports run on warm JVMs (JIT-compiled), as on
#                     services that have been up for a while; without it, the first import after ./suite up also
#                     measures the JIT's warm-up
#   --timeout S       give up waiting for the eligibility-service after S seconds (per part)
#
# A fiche already imported (an earlier run, ./suite demo) is imported again unchanged: the run then measures a
# re-import, and says so ("re-import"); a fresh suite home (CQP_SUITE_HOME) gives first imports. Needs the suite up
# (./suite up; exit code 2 otherwise). Same environment as ./suite. Figures in bench/target/import.properties, import
# logs in bench/target/import-*.log. See bench/README.md.
set -euo pipefail
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lib.sh"

FICHES=30000 SKIP_REAL=0 SKIP_SYNTHETIC=0 WARM_UP=0 TIMEOUT=3600
while [[ $# -gt 0 ]]; do
  case "$1" in
    --fiches) FICHES=$2; shift ;;
    --skip-real) SKIP_REAL=1 ;;
    --skip-synthetic) SKIP_SYNTHETIC=1 ;;
    --warm-up) WARM_UP=$2; shift ;;
    --timeout) TIMEOUT=$2; shift ;;
    *) usage ;;
  esac
  shift
done
[[ "$FICHES" =~ ^[0-9]+$ ]] && (( FICHES >= 1 && FICHES <= 30000 )) || usage
[[ "$WARM_UP" =~ ^[0-9]+$ ]] && (( WARM_UP <= 9000 )) || usage

require_services certification registration eligibility
build_loadgen
ELIG=$(base_url eligibility)
REAL="$ROOT/demo-data/france-competences/csv-2021-01"
SYNTH="$WORK/import-synthetic"
FIRST=60000
AWAIT_PID=""
cleanup() { if alive "$AWAIT_PID"; then kill "$AWAIT_PID" 2>/dev/null || true; wait "$AWAIT_PID" 2>/dev/null || true; fi; }
trap cleanup EXIT

machine_note
wait_caught_up_verbose 600
PROPS="$WORK/import.properties"
: >"$PROPS"
ROWS=()

# import_part NAME PATH LAST_CODE DATE CONTAINS: times ./suite import PATH until GET /eligibility/cpf?code=LAST_CODE
# answers 200 (with CONTAINS in the body, when given).
import_part() {
  local name=$1 path=$2 last=$3 date=$4 contains=$5 log="$WORK/import-$1.log" kind=first
  local url="$ELIG/eligibility/cpf?code=$last&date=$date" t0 t_import t_last t_all at rc
  if [[ "$(http_status "${PORT[eligibility]}" "/eligibility/cpf?code=$last&date=$date")" == 200 ]]; then
    kind=re-import
    say "  $last is already in the eligibility read model: this is a re-import (unchanged fiches), not a first import"
  fi
  rm -f "$WORK/import-$name.reflected"
  say ""
  say "Importing $name: ./suite import ${path#"$ROOT"/} (log: ${log#"$ROOT"/}); last fiche $last"
  t0=$(now_ns)
  if [[ "$kind" == first ]]; then
    loadgen await --url "$url" --status 200 ${contains:+--contains "$contains"} --poll-ms 20 \
      --timeout "${TIMEOUT}s" --out "$WORK/import-$name.reflected" >/dev/null &
    AWAIT_PID=$!
  fi
  set +e
  "$ROOT/suite" import "$path" --report "$WORK/import-$name.report" >"$log" 2>&1
  rc=$?
  set -e
  t_import=$(now_ns)
  (( rc == 0 )) || { tail -20 "$log" >&2; fail "./suite import $path failed (exit $rc); see $log"; }
  grep -E '^  (fiches read|created|updated|unchanged|rejected) ' "$log" | sed 's/^/  /'
  if [[ "$kind" == first ]]; then
    wait "$AWAIT_PID" || fail "the eligibility-service did not answer for $last within $TIMEOUT s"
    AWAIT_PID=""
    at=$(cat "$WORK/import-$name.reflected")
    t_last=$(( at * 1000000 ))
  else
    t_last=$t_import
  fi
  wait_caught_up_verbose "$TIMEOUT"
  t_all=$(now_ns)
  local read secs rate secs_import secs_all
  read=$(grep -m1 -E '^  fiches read ' "$log" | awk '{print $3}')
  secs=$(secs_between "$t0" "$t_last")
  secs_import=$(secs_between "$t0" "$t_import")
  secs_all=$(secs_between "$t0" "$t_all")
  rate=$(awk -v n="$read" -v s="$secs" 'BEGIN { printf "%.1f", (s > 0 ? n / s : 0) }')
  say "  $name ($kind): $read fiches; import command done in ${secs_import} s; $last answered after ${secs} s; read model caught up after ${secs_all} s: $rate fiches/s"
  ROWS+=("$(printf '  %-28s %-10s %7s %12s %12s %12s %11s' "$name" "$kind" "$read" "$secs_import" "$secs" "$secs_all" "$rate")")
  { echo "${name}_kind=$kind"; echo "${name}_fiches=$read"; echo "${name}_import_command_s=$secs_import";
    echo "${name}_last_fiche_s=$secs"; echo "${name}_caught_up_s=$secs_all"; echo "${name}_fiches_per_s=$rate";
    grep -E '^  (created|updated|unchanged|rejected) ' "$log" | awk -v n="$name" '{ print n "_" $1 "=" $2 }'
  } >>"$PROPS"
}

if (( WARM_UP > 0 )); then
  WARM="$WORK/import-warm-up"
  rm -rf "$WARM"
  loadgen fiches --out "$WARM" --fiches "$WARM_UP" --first 90000 --cpne-branches "$ROOT/demo-data/cpne-branches.csv"
  warm_date=$(ls "$WARM"/export_fiches_CSV_Standard_*.csv | grep -o '[0-9]\{4\}_[0-9]\{2\}_[0-9]\{2\}' | tr _ -)
  import_part "warm-up-$WARM_UP" "$WARM" "RNCP$((90000 + WARM_UP - 1))" "$warm_date" '"eligible":true'
  say "  (the warm-up: not one of the measured imports)"
fi
if (( ! SKIP_REAL )); then
  std=$(ls "$REAL"/export_fiches_CSV_Standard_*.csv)
  last_real=$(tail -n 1 "$std" | tr -d '\r' | cut -d';' -f2)
  import_part real-csv-2021-01 "$REAL" "$last_real" 2021-01-31 ""
fi
if (( ! SKIP_SYNTHETIC )); then
  rm -rf "$SYNTH"
  loadgen fiches --out "$SYNTH" --fiches "$FICHES" --first "$FIRST" --cpne-branches "$ROOT/demo-data/cpne-branches.csv"
  last_synth="RNCP$((FIRST + FICHES - 1))"
  export_date=$(ls "$SYNTH"/export_fiches_CSV_Standard_*.csv | grep -o '[0-9]\{4\}_[0-9]\{2\}_[0-9]\{2\}' | tr _ -)
  import_part "synthetic-$FICHES" "$SYNTH" "$last_synth" "$export_date" '"eligible":true'
fi

say ""
say "Import, end to end (./suite import start -> GET /eligibility/cpf answers for the last fiche)"
printf '  %-28s %-10s %7s %12s %12s %12s %11s\n' export kind fiches "command s" "last fiche s" "caught up s" "fiches/s"
for row in "${ROWS[@]}"; do say "$row"; done
say "  (fiches/s = fiches / time to the last fiche's answer; caught up: no consumer lag left on either topic)"
