#!/bin/sh
# Golden files of the middle of the pipeline: the layout of every report
# (NAME.layout, from the dump program with fake metrics) for each example
# input and layout stress input, and the JSON summary (NAME.json) of each
# example input.  Compared with diff, which is shown on failure; --regen
# rewrites them instead (read `git diff tests/golden` before committing).
# usage: tests/golden/run.sh [--regen] VERDICT DUMP   (from the top folder)
set -u
regen=false
if [ "${1-}" = --regen ]; then
	regen=true
	shift
fi
bin=$1 dump=$2
dir=tests/golden
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
# The JSON names no machine: inputs by relative path, no PDF written
# (--check), the date from SOURCE_DATE_EPOCH.
SOURCE_DATE_EPOCH=1764000000
LC_ALL=C
export SOURCE_DATE_EPOCH LC_ALL

fail() {   # fail NAME WHY
	failed=$((failed + 1))
	echo "FAIL  golden $1: $2"
}

# Compares (or, with --regen, stores) $tmp/NAME as $dir/NAME.
settle() {
	if $regen; then
		cp "$tmp/$1" "$dir/$1"
	elif [ ! -f "$dir/$1" ]; then
		fail "$1" "no golden file (make regen writes it)"
	elif diff -u "$dir/$1" - <"$tmp/$1" >"$tmp/diff"; then   # "-": what the build says
		passed=$((passed + 1))
	else
		fail "$1" "differs from $dir/$1 (make regen rewrites it on purpose)"
		head -n 80 "$tmp/diff"
	fi
}

for f in input/*.xml tests/layout/*.xml; do
	n=$(basename "$f" .xml).layout
	if "$dump" "$f" >"$tmp/$n" 2>"$tmp/err"; then
		settle "$n"
	else
		fail "$n" "$dump $f exited $?"
		head -n 20 "$tmp/err"
	fi
done
for f in input/*.xml; do
	n=$(basename "$f" .xml).json
	if "$bin" --check --json "$tmp/$n" "$f" 2>"$tmp/err"; then
		settle "$n"
	else
		fail "$n" "$bin --check --json $f exited $?"
		head -n 20 "$tmp/err"
	fi
done
# A golden whose input is gone would pass unseen for ever.
for g in "$dir"/*.layout "$dir"/*.json; do
	[ -f "$g" ] || continue
	[ -f "$tmp/$(basename "$g")" ] && continue
	if $regen; then
		rm "$g"
	else
		fail "$(basename "$g")" "no input makes it (make regen removes it)"
	fi
done
if $regen; then
	echo "golden: rewrote $dir; now read git diff $dir"
	exit 0
fi
echo "golden: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
