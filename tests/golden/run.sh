#!/bin/sh
# Golden files of the middle of the pipeline: the layout of every report
# (NAME.layout, from the dump program with fake metrics) for each example
# input and layout stress input, the JSON summary (NAME.json) of each
# example input, and the sentences of its PDFs (NAME.text: pdftotext of
# every report, lines joined into paragraphs, footers left out) so that a
# wording change shows in a diff; skipped without pdftotext.  Compared with diff, which is shown on failure; --regen
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
# Every report's text, in file name order: "== NAME.pdf ==", then one
# paragraph a line.  The footer (date, input hash and path, page number)
# says nothing about the wording and is left out.
text_of() {   # text_of PDF_DIR
	for p in $(find "$1" -name '*.pdf' | sort); do
		echo "== $(basename "$p") =="
		pdftotext -enc UTF-8 "$p" - 2>/dev/null | tr '\f' '\n' |
		grep -v -e '^Generated .* · SHA-256 ' -e '^Page [0-9]* of [0-9]*$' |
		awk 'NF { p = p == "" ? $0 : p " " $0; next }
		     p != "" { print p; p = "" }
		     END { if (p != "") print p }'
	done
}
texts=false
if command -v pdftotext >/dev/null 2>&1; then
	texts=true
	for f in input/*.xml; do
		n=$(basename "$f" .xml).text
		rm -rf "$tmp/pdf"
		if "$bin" -o "$tmp/pdf" "$f" >"$tmp/out" 2>"$tmp/err"; then
			text_of "$tmp/pdf" >"$tmp/$n"
			settle "$n"
		else
			fail "$n" "$bin -o DIR $f exited $?"
			head -n 20 "$tmp/err"
		fi
	done
else
	echo "golden: no pdftotext, NAME.text skipped"
fi
# A golden whose input is gone would pass unseen for ever.
for g in "$dir"/*.layout "$dir"/*.json "$dir"/*.text; do
	case $g in *.text) $texts || continue ;; esac
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
