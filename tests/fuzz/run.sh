#!/bin/sh
# Runs each libFuzzer target for a while on a corpus seeded from the
# examples, the bad-input corpus and the layout stress inputs, with a
# dictionary of format 1's element and attribute names.
# usage: tests/fuzz/run.sh BUILD SECONDS TARGET...
set -u
build=$1 seconds=$2; shift 2
dict=$build/verdict.dict
python3 - schema/verdict-1.xsd >"$dict" <<'PY' || exit 1
import re, sys
names = set(re.findall(r'<xs:(?:element|attribute)\s+name="([^"]+)"', open(sys.argv[1]).read()))
words = ['<?xml version="1.0" encoding="UTF-8"?>', 'format="1"',
         'xmlns:xi="http://www.w3.org/2001/XInclude"', '<xi:include href="', 'xpointer="',
         '&#x', ']]>', '<![CDATA[', '{profile}', '{framework}', '{winner}']
for n in sorted(names):
    words += ['<%s>' % n, '</%s>' % n, ' %s="' % n]
for w in words:
    print('"%s"' % w.replace('\\', '\\\\').replace('"', '\\"'))
PY
status=0 passed=0 failed=0
for t in "$@"; do
	corpus=$build/corpus-$t
	mkdir -p "$corpus"
	# Seeds are copied in once; the corpus grows across runs.
	for f in input/*.xml input/shared/*.xml tests/bad/*.xml tests/layout/*.xml \
	         tests/e2e/cases/*.xml tests/json/*.xml tests/fuzz/regressions/*.xml; do
		[ -f "$f" ] && cp -n "$f" "$corpus/seed-$(echo "$f" | tr / _)"
	done
	echo "fuzz: $t for $seconds s"
	"$build/fuzz_$t" -max_total_time="$seconds" -dict="$dict" -max_len=131072 \
		-timeout=20 -rss_limit_mb=4096 -print_final_stats=1 \
		-artifact_prefix="$build/$t-" "$corpus" >"$build/$t.log" 2>&1
	rc=$?
	grep -E '^(#[0-9]+[[:space:]]+(INITED|DONE)|stat::number_of_executed_units|stat::peak_rss_mb)' \
		"$build/$t.log" | sed "s/^/fuzz: $t: /"
	if [ "$rc" -ne 0 ]; then
		echo "fuzz: $t FAILED (exit $rc); see $build/$t.log and $build/$t-*"
		grep -m 5 -E 'ERROR|SUMMARY|==[0-9]+==' "$build/$t.log"
		status=1 failed=$((failed + 1))
	else
		passed=$((passed + 1))
	fi
done
echo "fuzz: $passed passed, $failed failed"
exit $status
