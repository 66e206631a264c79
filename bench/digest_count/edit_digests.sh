#!/bin/bash
# EVP_Digest calls and bytes of each make in bench/edit_cpu.py's order (make state and out/
# removed, cold make, `touch cases.csv`, a note-cell edit, a prose edit, two more cell edits),
# in a snapshot made as bench/edit_cpu.py says:  bench/digest_count/edit_digests.sh SNAPSHOT
set -e
here=$(cd "$(dirname "$0")" && pwd)
shim=$(mktemp -d)/evp_count.so
cc -shared -fPIC -O2 -o "$shim" "$here/evp_count.c" -ldl
cd "$1"
counts=$(mktemp)
step() {
  rm -f "$counts"
  EVPCOUNT_FILE=$counts LD_PRELOAD=$shim make -s --no-print-directory >/dev/null 2>&1
  awk -v s="$1" '$1=="dossier"{n+=$2; b+=$3} END {printf "%-8s %5d calls %8.2f MB\n", s, n, b/1e6}' "$counts" 2>/dev/null
}
rm -rf .build/make reports/china-lac-local/out
step cold; sleep 0.02
touch datasets/cases.csv; step touch; sleep 0.02
python3 "$here/../edit_input.py" csv datasets/cases.csv; step cell; sleep 0.02
python3 "$here/../edit_input.py" prose reports/china-lac-local/report.md; step prose
python3 "$here/../edit_input.py" csv datasets/cases.csv; step cell2
python3 "$here/../edit_input.py" csv datasets/cases.csv; step cell3
rm -rf "$counts" "$(dirname "$shim")"
