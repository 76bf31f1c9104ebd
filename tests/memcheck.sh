#!/bin/sh
# valgrind over every unit test and over the binary on the seed (writing
# PDFs and JSON) and on every bad input: no leak, no invalid access.
# usage: tests/memcheck.sh BINARY TEST...
set -u
bin=$1; shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
vg="valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99"
passed=0 failed=0

one() {   # one NAME EXPECTED-STATUS COMMAND...
	name=$1 want=$2; shift 2
	"$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	if [ "$got" -eq "$want" ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL  memcheck $name: exit $got, wanted $want"
		tail -n 20 "$tmp/err"
	fi
}

for t in "$@"; do
	one "$(basename "$t")" 0 $vg "$t"
done
one seed 0 $vg "$bin" -o "$tmp/o" --json "$tmp/s.json" input/pytorch-vs-tensorflow-2026.xml
one seed-jobs 0 $vg --trace-children=yes "$bin" -o "$tmp/o" -j 2 input/pytorch-vs-tensorflow-2026.xml
# Reports that stress the layout: long texts, logos, column groups.
one layout-long-texts 0 $vg "$bin" -o "$tmp/l" tests/layout/long-texts.xml
one layout-twelve 0 $vg "$bin" -o "$tmp/l" tests/layout/twelve-frameworks.xml
# The client overlays: includes and logos on the way.
one overlays 0 $vg "$bin" --check --json "$tmp/c.json" input/acme-logistics-brokers.xml \
	input/globex-bank-brokers.xml
for f in tests/e2e/cases/*.xml tests/bad/*.xml; do
	[ -f "$f" ] || continue
	# NAME.expect beside it gives the exit status and any extra options.
	want=1 args=
	e=${f%.xml}.expect
	if [ -f "$e" ]; then
		want=$(sed -n 's/^exit //p' "$e")
		args=$(sed -n 's/^args //p' "$e")
	fi
	one "$f" "$want" $vg "$bin" --check $args --json "$tmp/b.json" "$f"
done
echo "memcheck: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
