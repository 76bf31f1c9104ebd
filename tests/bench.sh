#!/bin/sh
# Benchmarks, kept out of make test: wall time and peak memory of --check
# and of a full report run, on the seed and on generated inputs.
# usage: tests/bench.sh BINARY
set -eu
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

measure() {   # measure LABEL COMMAND...
	label=$1; shift
	/usr/bin/time -f "%e %M" -o "$tmp/t" "$@" >/dev/null 2>"$tmp/err" || {
		echo "bench: $label failed:"; cat "$tmp/err"; exit 1; }
	set -- $(cat "$tmp/t")
	printf '%-46s %8.2f s %9d KiB peak\n' "$label" "$1" "$2"
}

python3 tests/gen_input.py 12 500 50 200 > "$tmp/big.xml"
python3 tests/gen_input.py 12 300 10 4 > "$tmp/wide.xml"
printf 'inputs: seed %s bytes, 12x500x50x200 %s bytes, 12x300x10x4 %s bytes\n' \
	"$(wc -c < input/pytorch-vs-tensorflow-2026.xml)" "$(wc -c < "$tmp/big.xml")" \
	"$(wc -c < "$tmp/wide.xml")"
measure "--check seed" "$bin" --check input/pytorch-vs-tensorflow-2026.xml
measure "--check 12 fw x 500 crit x 50 scen x 200 prof" "$bin" --check "$tmp/big.xml"
measure "report seed (5 PDFs)" "$bin" -o "$tmp/o1" input/pytorch-vs-tensorflow-2026.xml
measure "report seed (5 PDFs), -j 2" "$bin" -o "$tmp/o2" -j 2 input/pytorch-vs-tensorflow-2026.xml
measure "report 12 fw x 300 crit (5 PDFs)" "$bin" -o "$tmp/o3" "$tmp/wide.xml"
# Acceptability (SPEC 6.7: 10,000 samples per profile) is computed with the
# verdicts, so --check, which writes no PDF, bounds its cost from above.
python3 tests/gen_input.py 6 400 30 200 > "$tmp/accept.xml"
measure "--check 6 fw x 400 crit x 30 scen x 200 prof" "$bin" --check --json "$tmp/a.json" "$tmp/accept.xml"
check_s=$(cut -d' ' -f1 "$tmp/t")
measure "report 6 fw x 400 crit x 30 scen x 200 prof" "$bin" -o "$tmp/o4" "$tmp/accept.xml"
report_s=$(cut -d' ' -f1 "$tmp/t")
awk -v c="$check_s" -v r="$report_s" 'BEGIN { printf "acceptability (200 profiles x 10,000 samples): at most %.2f s, %.1f %% of the report run\n", c, (r > 0 ? 100 * c / r : 0) }'
pages=$(for f in "$tmp"/o1/*/*.pdf; do pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}'; done | awk '{s += $1} END {print s}')
bytes=$(cat "$tmp"/o1/*/*.pdf | wc -c)
echo "seed PDFs: $bytes bytes in $pages pages ($((bytes / pages)) bytes per page)"
