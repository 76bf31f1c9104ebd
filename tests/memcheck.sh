#!/bin/sh
# valgrind over every unit test and over the binary writing PDFs and JSON
# (the seed, alone and with --jobs, two layout stress inputs, the client
# overlays): no leak, no invalid access, no use of an uninitialised value.
# The cases run in parallel, one per processor at a time (MEMCHECK_JOBS
# says otherwise).
#
# What runs here and what under AddressSanitizer (make asan, which runs
# the unit tests and every end-to-end test): valgrind alone sees reads of
# uninitialised memory, ASan alone overruns of the stack and of globals,
# so the unit tests and the report-writing runs go through both.  The
# bad-input corpus and the e2e cases run only under ASan (with UBSan and
# LeakSanitizer): they exercise the loader's and checker's error paths,
# which the unit tests also take under valgrind on inline documents, and
# at a second or more of valgrind start-up each they were two thirds of
# this pass.
# usage: tests/memcheck.sh BINARY TEST...
set -u
vg="valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99"

# One case, run by xargs: NAME STATUS ARGS..., ARGS given to valgrind.
if [ "${1-}" = --case ]; then
	tmp=$2 name=$3 want=$4
	shift 4
	o=$tmp/$name
	mkdir "$o"
	$vg "$@" >"$o/out" 2>"$o/err"
	got=$?
	if [ "$got" -eq "$want" ]; then
		: >"$o.pass"
	else
		{ echo "FAIL  memcheck $name: exit $got, wanted $want"; tail -n 20 "$o/err"; } \
			>"$o.fail"
	fi
	exit 0
fi

bin=$1
shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
jobs=${MEMCHECK_JOBS:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)}

# One line a case, NAME STATUS then valgrind's arguments, the slow runs
# of the binary first so that the last to finish are short ones.  Case NAME writes in
# $tmp/NAME, made for it; every case runs from the top folder, where the
# binary finds its fonts.
{
	for n in twelve-frameworks long-texts; do
		echo "layout-$n 0 $bin -o $tmp/layout-$n tests/layout/$n.xml"
	done
	echo "seed 0 $bin -o $tmp/seed --json $tmp/seed/s.json input/pytorch-vs-tensorflow-2026.xml"
	echo "seed-jobs 0 --trace-children=yes $bin -o $tmp/seed-jobs -j 2 input/pytorch-vs-tensorflow-2026.xml"
	# The client overlays: includes and logos on the way.
	echo "overlays 0 $bin --check --json $tmp/overlays/c.json input/acme-logistics-brokers.xml input/globex-bank-brokers.xml"
	for t in "$@"; do
		echo "$(basename "$t") 0 $t"
	done
} >"$tmp/cases"
xargs -L 1 -P "$jobs" sh "$0" --case "$tmp" <"$tmp/cases"

passed=0 failed=0
for f in "$tmp"/*.pass; do
	[ -f "$f" ] && passed=$((passed + 1))
done
for f in "$tmp"/*.fail; do
	[ -f "$f" ] || continue
	failed=$((failed + 1))
	cat "$f"
done
missing=$(($(wc -l <"$tmp/cases") - passed - failed))
[ "$missing" -eq 0 ] || echo "FAIL  memcheck: $missing case(s) did not report"
failed=$((failed + missing))
echo "memcheck: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
