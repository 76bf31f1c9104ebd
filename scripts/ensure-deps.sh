#!/bin/sh
# Makes sure the Debian packages verdict needs are present.
#
#   sh scripts/ensure-deps.sh          what building, make report and make
#                                      install need
#   sh scripts/ensure-deps.sh --test   that and what only the tests need
#
# As root it installs what is missing; otherwise it prints the exact
# command and fails.
set -u

# Building and reporting: the compiler and make, the libraries and their
# headers, pkg-config (Makefile), python3 (schema/embed.py) and, for the
# font subsets in fonts/, the DejaVu faces and fontTools.
BUILD_PKGS="make gcc libc6-dev pkg-config libhpdf-dev libxml2-dev libpcre2-dev libmd-dev
zlib1g-dev libpng-dev fonts-dejavu-core python3-fonttools"
# Only the tests: cmocka (unit), xmllint (the schema), poppler and qpdf (the
# PDFs), valgrind (memcheck), a decimal-comma locale, /usr/bin/time and
# strace (the order of syncs and renames, tests/e2e/test_durability.py).
# The man page is linted with man-db and mandoc; the completion, the
# GNU parallel example and the JSON Schema are exercised by e2e tests.
TEST_PKGS="libcmocka-dev libxml2-utils poppler-utils qpdf valgrind locales time strace
man-db mandoc bash-completion parallel python3-jsonschema"

case "${1:-}" in
"") PKGS=$BUILD_PKGS tests=false ;;
--test) PKGS="$BUILD_PKGS $TEST_PKGS" tests=true ;;
*) echo "usage: sh scripts/ensure-deps.sh [--test]" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
	echo "verdict: no dpkg-query (not Debian?): not checking for packages:" $PKGS >&2
	exit 0
fi

# One dpkg-query for them all; a package it does not know is missing.
installed=$(dpkg-query -W -f='${Package} ${Status}\n' $PKGS 2>/dev/null |
	awk '$NF == "installed" { sub(/:.*/, "", $1); print $1 }')
missing=""
for p in $PKGS; do
	case " $(echo $installed) " in
	*" $p "*) ;;
	*) missing="$missing $p" ;;
	esac
done
command -v python3 >/dev/null 2>&1 || missing="$missing python3"

# The tests also run under a decimal-comma locale when one exists (numbers
# in PDFs and JSON must never print with a comma); as root, make one.
ensure_locale() {
	$tests || return 0
	locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$' && return 0
	[ "$(id -u)" -eq 0 ] && command -v localedef >/dev/null 2>&1 || return 0
	localedef -i de_DE -f UTF-8 de_DE.UTF-8 >/dev/null 2>&1 ||
		echo "verdict: could not generate de_DE.UTF-8; locale tests will be skipped" >&2
	return 0
}

if [ -z "$missing" ]; then
	ensure_locale
	exit 0
fi

line="apt-get install -y$missing"
if [ "$(id -u)" -ne 0 ]; then
	echo "verdict: these Debian packages are missing:$missing" >&2
	echo "verdict: install them as root, then run make again:" >&2
	echo "    sudo apt-get update && sudo $line" >&2
	exit 1
fi
echo "verdict: installing:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing >&2 ||
	{ echo "verdict: '$line' failed" >&2; exit 1; }
ensure_locale
