#!/bin/sh
# backfill rows/s against a raw pipeline (each MySQL table streamed by one SELECT into COPY on
# PostgreSQL, no locks), in one run on the same rows of embedded MariaDB (or MySQL with
# -Ddualwrite.test.databases=mysql) and PostgreSQL, without and with an application writing through
# the driver. The benchmark is admin-cli/src/test/java/io/dualwrite/admin/backfill/BackfillBenchIT.java;
# results go to standard output and to $OUT. Extra arguments go to Maven (e.g. -o).
#
# CHUNK_ROWS=2000,10000 measures backfill with each --chunk-rows (default: the tool's own).
#
#   ROWS=1000000 benchmarks/backfill/run.sh -o
set -eu
cd "$(dirname "$0")/../.."
ROWS=${ROWS:-1000000}
APP_THREADS=${APP_THREADS:-4}
OUT=${OUT:-$PWD/admin-cli/target/backfill-bench.md}
mvn -B -q verify -pl admin-cli -am \
  -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test=BackfillBenchIT \
  -Ddualwrite.backfill.bench=true -Ddualwrite.backfill.bench.rows="$ROWS" \
  -Ddualwrite.backfill.bench.appThreads="$APP_THREADS" \
  -Ddualwrite.backfill.bench.chunkRows="${CHUNK_ROWS:-}" \
  -Ddualwrite.backfill.bench.out="$OUT" "$@"
cat "$OUT"
