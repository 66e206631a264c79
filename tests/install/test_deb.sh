#!/bin/bash
# The Debian package as a user meets it (run by `make package-test`, part of `make test`):
#
#   tests/install/test_deb.sh DEB_DIR
#
# Extracts the newest DEB_DIR/dossier_*.deb into a temporary root with `dpkg-deb -x`, then,
# with an empty environment, HOME and the working folder in a temporary folder outside the
# repository and only that package's binary on PATH: `dossier new` a project from a CSV,
# `make` builds its PDF, a second `make` does nothing, a prose edit redraws no chart, a CSV
# edit redraws only the charts that read it, `make check` passes (and fails on a stale
# output). Also: the manual page renders and names every command and option, `dossier new`
# refuses to overwrite, and `make install`/`make uninstall` leave nothing behind.
set -euo pipefail

deb_dir=$1
repository=$(cd "$(dirname "$0")/../.." && pwd)
deb=$(ls -t "$deb_dir"/dossier_*.deb | head -1)
scratch=$(mktemp -d /tmp/dossier-package-test.XXXXXX)
trap '[ -n "${KEEP:-}" ] || rm -rf "$scratch"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "  ok      $*"; }

root=$scratch/root
dpkg-deb -x "$deb" "$root"
mkdir -p "$scratch/home" "$scratch/work"

# Runs a command as a new user would: nothing from this shell's environment, the package's
# binary alone on PATH, in a folder outside the repository.
user() {
  (cd "$1" && shift && env -i HOME="$scratch/home" PATH="$root/usr/bin:/usr/bin:/bin" "$@")
}

# --- The package's files.
for path in usr/bin/dossier usr/share/dossier/dossier.mk usr/share/dossier/fonts/NotoSans-Regular.ttf \
            usr/share/man/man1/dossier.1.gz usr/share/doc/dossier/copyright usr/share/doc/dossier/changelog.gz \
            usr/share/bash-completion/completions/dossier usr/share/zsh/vendor-completions/_dossier \
            usr/share/fish/vendor_completions.d/dossier.fish; do
  [ -f "$root/$path" ] || fail "the package has no /$path"
done
cmp -s "$root/usr/share/dossier/dossier.mk" "$repository/make/dossier.mk" || fail "the packaged dossier.mk is not make/dossier.mk"
[ "$(user "$scratch/work" dossier --print-mk-path)" = "$root/usr/share/dossier/dossier.mk" ] \
  || fail "dossier --print-mk-path does not name the dossier.mk beside the binary"
pass "package files; dossier --print-mk-path"

# --- The manual page renders and names every command and option of `dossier --help`.
manual=$(LC_ALL=C.UTF-8 MANWIDTH=200 man -l "$root/usr/share/man/man1/dossier.1.gz" 2> "$scratch/man.err")
[ -s "$scratch/man.err" ] && fail "man -l warns: $(cat "$scratch/man.err")"
grep -q "dossier - build reproducible data briefings" <<< "$manual" || fail "the manual page has no NAME line"
# `man dossier` finds it where the package puts it.
[ "$(MANPATH="$root/usr/share/man" man -w dossier 2>/dev/null)" = "$root/usr/share/man/man1/dossier.1.gz" ] \
  || fail "man dossier does not find usr/share/man/man1/dossier.1.gz"
# A command's line starts with two spaces and its name; wrapped text is indented further.
commands=$(user "$scratch/work" dossier --help | sed -n '/^SUBCOMMANDS:/,/^$/p' | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p')
[ -n "$commands" ] || fail "dossier --help lists no subcommands"
for command in $commands; do
  grep -q "^ *$command " <<< "$manual" || fail "the manual page does not describe 'dossier $command'"
  for option in $(user "$scratch/work" dossier "$command" --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
    grep -q -- "$option" <<< "$manual" || fail "the manual page does not name $option of 'dossier $command'"
  done
done
pass "man -l renders the manual page; it names every command and option"

# --- A briefing project from a CSV, outside the repository.
cat > "$scratch/home/rainfall.csv" <<'EOF'
station,region,month,rain_mm
Alpha,north,1,82.5
Alpha,north,2,61.0
Bravo,south,1,40.2
Bravo,south,2,35.9
Charlie,north,1,77.1
Delta,east,1,12.4
EOF
cp "$scratch/home/rainfall.csv" "$scratch/home/stations.csv"
user "$scratch/work" dossier new briefing --from "$scratch/home/rainfall.csv" > "$scratch/new.out" \
  || fail "dossier new failed: $(cat "$scratch/new.out")"
project=$scratch/work/briefing
for path in Makefile .gitignore .dossier-project datasets/datapackage.json datasets/rainfall.csv \
            reports/rainfall/report.md .github/workflows/briefing.yml .gitlab-ci.yml; do
  [ -f "$project/$path" ] || fail "dossier new wrote no $path"
done
# A second report with its own data, to see that a CSV edit leaves it alone.
user "$project" dossier init reports/stations --from "$scratch/home/stations.csv" > /dev/null

status=0
user "$scratch/work" dossier new briefing --from "$scratch/home/rainfall.csv" > /dev/null 2> "$scratch/again.err" || status=$?
[ "$status" = 64 ] || fail "dossier new over an existing project exited $status, expected 64"
grep -q "Makefile: error: already exists" "$scratch/again.err" || fail "dossier new did not name the existing Makefile: $(cat "$scratch/again.err")"
pass "dossier new; refuses to overwrite (exit 64, names the file)"

user "$project" make > "$scratch/make1.out" 2>&1 || { cat "$scratch/make1.out" >&2; fail "make in the new project failed"; }
[ -f "$project/reports/rainfall/out/rainfall.pdf" ] || fail "make built no reports/rainfall/out/rainfall.pdf"
[ -f "$project/reports/stations/out/stations.pdf" ] || fail "make built no reports/stations/out/stations.pdf"
user "$project" make -q || fail "make -q after make: work left to do (a second make would rebuild)"
user "$project" make > "$scratch/make2.out" 2>&1
grep -q "Nothing to be done" "$scratch/make2.out" || fail "a second make did something: $(cat "$scratch/make2.out")"
pass "make builds both PDFs; a second make does nothing"

echo "Rain was measured at four stations." >> "$project/reports/rainfall/report.md"
user "$project" make > "$scratch/prose.out" 2>&1
grep -q "CHART" "$scratch/prose.out" && fail "a prose edit redrew a chart: $(cat "$scratch/prose.out")"
grep -q "PDF     reports/rainfall/out/rainfall.pdf" "$scratch/prose.out" || fail "a prose edit did not rebuild the PDF"
echo "Echo,west,1,5.0" >> "$project/datasets/rainfall.csv"
user "$project" make > "$scratch/csv.out" 2>&1
grep -q "CHART   reports/rainfall/out/charts/" "$scratch/csv.out" || fail "a CSV edit redrew no chart: $(cat "$scratch/csv.out")"
grep -q "reports/stations" "$scratch/csv.out" && fail "a CSV edit rebuilt the report that does not read it: $(cat "$scratch/csv.out")"
user "$project" make -q || fail "make -q after the CSV edit's make: work left to do"
pass "a prose edit rebuilds only the PDF; a CSV edit only what reads it"

user "$project" make check > "$scratch/check.out" 2>&1 || fail "make check failed: $(cat "$scratch/check.out")"
printf '\n' >> "$project/reports/rainfall/out/stats.json"
status=0
user "$project" make check > "$scratch/stale.out" 2>&1 || status=$?
[ "$status" != 0 ] || fail "make check passed with an edited stats.json"
pass "make check passes, and fails on a stale output"

# --- make install / make uninstall leave nothing behind.
staging=$scratch/staging
make -C "$repository" --no-print-directory install DESTDIR="$staging" PREFIX=/usr/local > /dev/null
[ -x "$staging/usr/local/bin/dossier" ] || fail "make install put no /usr/local/bin/dossier"
[ "$("$staging/usr/local/bin/dossier" --print-fonts-path)" = "$staging/usr/local/share/dossier/fonts" ] \
  || fail "the installed binary does not find its fonts in ../share/dossier/fonts"
make -C "$repository" --no-print-directory uninstall DESTDIR="$staging" PREFIX=/usr/local > /dev/null
left=$(find "$staging" -type f)
[ -z "$left" ] || fail "make uninstall left: $left"
pass "make install finds its fonts beside the binary; make uninstall removes every file"

if [ "$failures" -gt 0 ]; then
  echo "$failures package test(s) failed ($deb)" >&2
  exit 1
fi
echo "  PACKAGE $deb: extracted and used outside the repository — all checks pass"
