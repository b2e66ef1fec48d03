#!/bin/sh
# verify rows/s on equal tables: the row-by-row compare (--mode=rows, verify before checksums)
# against checksums of key ranges, in one run on the same tables of embedded MariaDB (or MySQL with
# -Ddualwrite.test.databases=mysql) and PostgreSQL. The benchmark is
# admin-cli/src/test/java/io/dualwrite/admin/verify/VerifyBenchIT.java; results go to standard
# output and to $OUT. Extra arguments go to Maven (e.g. -o).
#
# BASELINE_JAR=path/to/an/older/dualwrite-admin.jar adds a run of that build and of this one, each
# with java -jar, on bench_composite (BASELINE_ONLY=true: that comparison alone).
#
#   ROWS=1000000 benchmarks/verify/run.sh -o
set -eu
cd "$(dirname "$0")/../.."
ROWS=${ROWS:-1000000}
OUT=${OUT:-$PWD/admin-cli/target/verify-bench.md}
mvn -B -q verify -pl admin-cli -am \
  -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test=VerifyBenchIT \
  -Ddualwrite.verify.bench=true -Ddualwrite.verify.bench.rows="$ROWS" \
  -Ddualwrite.verify.bench.out="$OUT" \
  -Ddualwrite.verify.bench.baselineJar="${BASELINE_JAR:-}" \
  -Ddualwrite.verify.bench.baselineOnly="${BASELINE_ONLY:-false}" "$@"
cat "$OUT"
