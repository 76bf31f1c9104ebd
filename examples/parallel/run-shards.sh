#!/bin/sh
# run-shards.sh N OUTPUT INPUT... - one verdict run cut into N shards, run
# side by side by GNU parallel (on this machine, or with --sshloginfile on
# several sharing OUTPUT).  Together the shards write exactly what one run
# writes.  Every shard reads and checks every input, so an input error is
# printed once per shard (--tag says which shard).  The exit status is 0
# when every shard exited 0, else the number of shards that failed.
set -eu
if [ $# -lt 3 ]; then
	echo "usage: run-shards.sh N OUTPUT INPUT..." >&2
	exit 2
fi
n=$1
out=$2
shift 2
seq 1 "$n" | parallel --tag --line-buffer --halt never \
	verdict -q -j 1 -o "$out" --shard "{}/$n" "$@"
