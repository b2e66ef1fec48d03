#!/usr/bin/env bash
# Builds the benchmarks module and runs the JMH suite, then replaces its own section of
# benchmarks/RESULTS.md (between the `run.sh report` markers; report.py keeps every other section,
# e.g. the BenchBase runs and hand-written before/after comparisons).
#
#   benchmarks/run.sh                 # full run (~20 min on 2 cores): micro groups + real databases
#   benchmarks/run.sh --only micro    # stub pass-through, rewriter, routing (with -prof gc)
#   benchmarks/run.sh --only real     # embedded MariaDB + PostgreSQL benchmarks
#   benchmarks/run.sh --only socket   # SocketDeadlineBenchmark: the side's socket vs a plain one
#                                     # (JMH's table on stdout, recorded by hand in RESULTS.md)
#   benchmarks/run.sh --only overlap  # MirrorOverlapBenchmark: dualwrite.overlapMirror on/off with
#                                     # both databases behind a delaying proxy (~6 min); prints
#                                     # JMH's table, target/jmh-overlap/overlap.json; no report
#   benchmarks/run.sh --quick         # 1 short iteration each, to check the suite works (~8 min);
#                                     # writes benchmarks/target/RESULTS-quick.md, not RESULTS.md
#   benchmarks/run.sh --out FILE      # write the report elsewhere
#   benchmarks/run.sh --report-only   # rewrite the report from the last run's JSON (e.g. after
#                                     # editing benchmarks/RESULTS-analysis.md)
#
# Settings are sized for a 2-core machine: one fork per benchmark, 3 warm-up and 5 measured
# iterations of 2 s. Each real-database fork starts its own embedded servers (5-20 s). Extra
# arguments after `--` go to JMH (e.g. `-- -prof stack`). Never part of `mvn verify`.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
only=all
quick=false
report_only=false
out="$here/RESULTS.md"
extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --only) only="$2"; shift 2 ;;
    --quick) quick=true; shift ;;
    --report-only) report_only=true; shift ;;
    --out) out="$2"; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    -h|--help) sed -n '2,23p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$only" in all|micro|real|overlap|socket) ;; *) echo "--only takes micro, real, overlap, socket or all" >&2; exit 2 ;; esac
if $quick && [[ "$out" == "$here/RESULTS.md" ]]; then
  out="$here/target/RESULTS-quick.md"
fi

results="$here/target/jmh"
report() {
  # shellcheck disable=SC1091
  source "$results/run-info.sh"
  python3 "$here/report.py" --out "$out" --started "$started" \
    --load-start "$load_start" --load-end "$load_end" --settings "$settings" "$results"/*.json
  echo "== wrote $out"
}
if $report_only; then
  report
  exit 0
fi

cd "$root"
echo "== building (mvn package, no tests)"
mvn -B -q -pl benchmarks -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
cp="$(cat "$here/target/classpath.txt"):$here/target/classes"

if $quick; then
  iters=(-f 1 -wi 1 -w 1s -i 1 -r 1s)
  micro_iters=("${iters[@]}")
  rewriter_iters=("${iters[@]}")
else
  # real databases: 3 x 2 s warm-up; the stub group: 5 x 2 s (the JIT needs longer on a loaded
  # 2-core machine); the rewriter: 10 x 2 s (JSqlParser's parser takes long to compile).
  iters=(-f 1 -wi 3 -w 2s -i 5 -r 2s)
  micro_iters=(-f 1 -wi 5 -w 2s -i 5 -r 2s)
  rewriter_iters=(-f 1 -wi 10 -w 2s -i 5 -r 2s)
fi
jmh() {
  java -Xms1g -Xmx1g -cp "$cp" org.openjdk.jmh.Main "$@"
}

if [[ "$only" == socket ]]; then
  jmh 'io\.dualwrite\.benchmarks\.SocketDeadlineBenchmark\.' "${micro_iters[@]}" \
    -jvmArgs "-Xms1g -Xmx1g" "${extra[@]}"
  exit 0
fi

if [[ "$only" == overlap ]]; then
  # Not part of the report: its own JSON, JMH's table on stdout (recorded by hand in RESULTS.md).
  mkdir -p "$here/target/jmh-overlap"
  jmh 'io\.dualwrite\.benchmarks\.MirrorOverlapBenchmark\.' \
    "${iters[@]}" -jvmArgs "-Xms1g -Xmx1g -Djmh.shutdownTimeout=1 -Djmh.shutdownTimeout.step=1" \
    -rf json -rff "$here/target/jmh-overlap/overlap.json" "${extra[@]}"
  exit 0
fi

mkdir -p "$results"
rm -f "$results"/*.json
load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
started="$(date -u +%Y-%m-%dT%H:%M:%SZ)"

if [[ "$only" != real ]]; then
  echo "== micro benchmarks: stub pass-through, routing (-prof gc)"
  jmh 'io\.dualwrite\.benchmarks\.(PassThroughBenchmark|BindBenchmark|RowReadBenchmark|RoutingBenchmark)\.' \
    "${micro_iters[@]}" -prof gc -jvmArgs "-Xms1g -Xmx1g" -rf json -rff "$results/micro.json" "${extra[@]}"
  echo "== rewriter (-prof gc)"
  jmh 'io\.dualwrite\.benchmarks\.RewriterBenchmark\.' \
    "${rewriter_iters[@]}" -prof gc -jvmArgs "-Xms1g -Xmx1g" -rf json -rff "$results/rewriter.json" "${extra[@]}"
fi
if [[ "$only" != micro ]]; then
  echo "== real databases: embedded MariaDB 10.11 + PostgreSQL 16"
  # The embedded servers' process watchers are non-daemon threads: without a short shutdown
  # timeout every fork would idle 30 s before JMH exits it (the shutdown hook stops the servers).
  jmh 'io\.dualwrite\.benchmarks\.RealDatabaseBenchmark\.' \
    "${iters[@]}" -jvmArgs "-Xms1g -Xmx1g -Djmh.shutdownTimeout=1 -Djmh.shutdownTimeout.step=1" -rf json -rff "$results/real.json" "${extra[@]}"
fi

load_end="$(cut -d' ' -f1-3 /proc/loadavg)"
{
  printf 'started=%q\n' "$started"
  printf 'load_start=%q\n' "$load_start"
  printf 'load_end=%q\n' "$load_end"
  printf 'settings=%q\n' "stub+routing: ${micro_iters[*]} -prof gc; rewriter: ${rewriter_iters[*]} -prof gc; real databases: ${iters[*]}"
} > "$results/run-info.sh"
report
