#!/bin/sh
# Makes sure the Debian packages verdict builds and tests with are present.
# As root it installs what is missing; otherwise it prints the exact command.
set -u
PKGS="make gcc libc6-dev pkg-config libhpdf-dev libxml2-dev libxml2-utils libpcre2-dev
libcmocka-dev libmd-dev zlib1g-dev libpng-dev fonts-dejavu-core python3-fonttools
poppler-utils qpdf valgrind locales time"

missing=""
for p in $PKGS; do
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)
	case "$status" in
	*" installed") ;;
	*) missing="$missing $p" ;;
	esac
done
command -v python3 >/dev/null 2>&1 || missing="$missing python3"

# The tests also run under a decimal-comma locale when one exists (numbers
# in PDFs and JSON must never print with a comma); as root, make one.
ensure_locale() {
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
