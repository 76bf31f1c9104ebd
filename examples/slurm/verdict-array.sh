#!/bin/sh
# verdict-array.sh - one verdict run as a Slurm job array, one shard a task:
#   sbatch examples/slurm/verdict-array.sh
# The array must be one contiguous range (1-8, not 1-8:2); its size is the
# number of shards.  Every task writes into the same shared OUTPUT; together
# they write exactly what one run writes.  Each task's log holds its errors.
#SBATCH --job-name=verdict
#SBATCH --array=1-8
#SBATCH --ntasks=1
#SBATCH --cpus-per-task=1
#SBATCH --mem=1G
#SBATCH --time=00:30:00
#SBATCH --output=verdict-%A_%a.log
set -eu
INPUT=${VERDICT_INPUT:-/srv/verdict/input}
OUTPUT=${VERDICT_OUTPUT:-/srv/reports}
k=$((SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN + 1))
exec verdict -q -o "$OUTPUT" --shard "$k/$SLURM_ARRAY_TASK_COUNT" "$INPUT"
