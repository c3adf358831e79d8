#!/usr/bin/env bash
# Latchkey speed benchmarks (BENCHMARKS.md): one command.
#
#   benchmarks/run.sh [h2|postgres] [--smoke] [--signin-only] [--startup-only] [--insights] [--two-instances]
#
# Packages the application, starts its own Liberty server `latchkey-bench` on port 9437 with its own
# database (an H2 file under benchmarks/target, or a fresh PostgreSQL database on 127.0.0.1:5432 as
# user postgres, dropped afterwards), measures start-up to ready and memory, signs up accounts with a
# software passkey and measures sign-ins and pages over HTTP (LoadRun), then the raw webauthn4j
# verification in-process (a thread-CPU loop and JMH). Results: benchmarks/results/<time>-<db>-<mode>.txt
#
#   --smoke          a short run (about a minute) that proves the harness works; its figures mean nothing
#   --signin-only    the CPU figures only (about 3 minutes): the sign-ups, the 600 warm-up and 2,000 sequential
#                    sign-ins and the sequential pages, then the raw verification's thread-CPU loop (no concurrency,
#                    ramp, open loop or JMH); for iterating on CPU per sign-in and per page
#   --startup-only   start the server three times (fresh database, then twice on it) and measure only that:
#                    wall time and the server JVM's CPU seconds to ready (JIT and GC split out), RSS, and
#                    the times of Liberty's start-up messages
#   --two-instances  PostgreSQL only: a second server latchkey-bench-2 on the next port, on the same database,
#                    both accepting the first one's origin as behind a load balancer; every browser sends its
#                    requests to the two in turn (a ceremony's options and finish land on different servers)
#                    and the server CPU is the sum of both JVMs'
#   --insights       the insights dashboard (issue 12): generate a demo population (DemoPopulation, niced)
#                    unless the database already holds one, start the server on it, and time
#                    /operator/insights over many date ranges and cohort filters (InsightsRun).
#                    PostgreSQL: the database ${BENCH_PG_DB:-latchkey_bench_insights} is kept for the next
#                    run (drop it with `dropdb -h 127.0.0.1 -U postgres latchkey_bench_insights`); H2: fresh each run.
# Environment:
#   SKIP_BUILD=1           use the WAR and runtime already under benchmarks/target/bench
#   BENCH_JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64   the JDK of the server(s) and of the raw verification
#                          (default: JAVA_HOME, else the java on the PATH)
#   BENCH_JVM_ARGS="..."   extra options for the server JVM (one jvm.options line each, split on spaces)
#   BENCH_JFR=1            record a JFR profile of the server (benchmarks/results/<time>-<db>-<mode>.jfr; with
#                          --startup-only one per start, <time>-<db>-startup-start<n>.jfr)
#   BENCH_HTTP_PORT=9437   the server's port
#   BENCH_STARTS=3         how many starts --startup-only takes (the first on a fresh database)
#   BENCH_AOT=1            JDK 25+: train an ahead-of-time cache with one start and stop first, then run every start
#                          with it (README, "Faster starts on JDK 25"); needs BENCH_JAVA_HOME on a JDK 25
#   BENCH_MAVEN_ARGS="-o"  extra Maven arguments for the build (for example offline)
#   BENCH_READY_SECONDS=600  how long to wait for /health/ready
#   BENCH_HEAP=1           the live heap at ready and after the load: a class histogram (a full GC first), the heap's use
#   BENCH_NMT=1            the server JVM's memory by kind (Native Memory Tracking: heap, metaspace, code, threads, ...)
#                          at ready and after the load, committed MiB; NMT itself costs a few MiB and a little CPU
#   BENCH_WARMUP=600       passkey sign-ins before the measured 2,000, and as many requests of each page before its
#                          measured 1,000 (default: none); the JIT compiler's share falls with more
#   INSIGHTS_ACCOUNTS=1000000 INSIGHTS_EVENTS=20000000 INSIGHTS_DAYS=365 INSIGHTS_SEED=42   the population (--insights)
#   INSIGHTS_REQUESTS=400    dashboard requests timed (--insights)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DB=h2
MODE=full
TWO=""
for arg in "$@"; do
  case "$arg" in
    h2|postgres) DB="$arg" ;;
    --smoke) MODE=smoke ;;
    --signin-only) MODE=signin ;;
    --startup-only) MODE=startup ;;
    --insights) MODE=insights ;;
    --two-instances) TWO=1 ;;
    *) echo "usage: $0 [h2|postgres] [--smoke] [--signin-only] [--startup-only] [--insights] [--two-instances]" >&2; exit 2 ;;
  esac
done
if [ -n "$TWO" ] && { [ "$DB" != "postgres" ] || [ "$MODE" = "insights" ] || [ "$MODE" = "startup" ]; }; then
  echo "--two-instances needs postgres and a full or smoke run" >&2; exit 2
fi

PORT="${BENCH_HTTP_PORT:-9437}"
BENCH="$ROOT/benchmarks/target/bench"
WLP="$BENCH/wlp"
SERVER=latchkey-bench
SDIR="$WLP/usr/servers/$SERVER"
RESULTS="$ROOT/benchmarks/results"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$RESULTS/$STAMP-$DB${TWO:+-2x}-$MODE.txt"
SERVER2=latchkey-bench-2
PORT2=$((PORT + 1))
SERVER_JAVA_HOME="${BENCH_JAVA_HOME:-${JAVA_HOME:-}}"
JAVA="${SERVER_JAVA_HOME:+$SERVER_JAVA_HOME/bin/}java"
mkdir -p "$RESULTS"

say() { printf '%s\n' "$*" | tee -a "$OUT"; }
now_ns() { date +%s%N; }

# ---------------------------------------------------------------- build
if [ "${SKIP_BUILD:-}" != "1" ]; then
  echo "Building (application WAR, harness, Liberty runtime) ..."
  (cd "$ROOT" && mvn -B -q ${BENCH_MAVEN_ARGS:-} -Pbench-server -pl benchmarks -am -DskipTests -Dliberty.skip package)
fi
[ -x "$WLP/bin/server" ] && [ -f "$BENCH/files/latchkey.war" ] || { echo "No runtime or WAR under $BENCH: run without SKIP_BUILD" >&2; exit 1; }
CP="$ROOT/benchmarks/target/classes:$(cat "$BENCH/classpath.txt")"

# ---------------------------------------------------------------- server
# What stays live (BENCH_HEAP=1): a full GC (GC.class_histogram forces one), the 40 largest classes, the heap's use.
live_heap() {
  local jcmd="${SERVER_JAVA_HOME:+$SERVER_JAVA_HOME/bin/}jcmd"
  say "live heap $1 (jcmd GC.class_histogram, after a full GC; the 40 largest classes):"
  "$jcmd" "$pid" GC.class_histogram 2>&1 | sed -n '2,44p' | tee -a "$OUT" >/dev/null || true
  "$jcmd" "$pid" GC.heap_info 2>&1 | sed -n '2,3p' | tee -a "$OUT" >/dev/null || true
}
# Native Memory Tracking's summary in one line: each kind's committed MiB (the total first), beside the RSS.
native_memory() {
  local jcmd="${SERVER_JAVA_HOME:+$SERVER_JAVA_HOME/bin/}jcmd"
  say "native memory $1 (NMT, committed MiB; RSS $(rss "$pid")): $("$jcmd" "$pid" VM.native_memory summary 2>&1 | awk '
    /^Total:/ { if (match($0, /committed=[0-9]+KB/)) printf "total %d", substr($0, RSTART + 10, RLENGTH - 12) / 1024 }
    /^-  *[A-Za-z]/ { name = $0; sub(/^- */, "", name); sub(/ *\(.*/, "", name)
      if (match($0, /committed=[0-9]+KB/)) { kb = substr($0, RSTART + 10, RLENGTH - 12); if (kb >= 1024) printf ", %s %d", name, kb / 1024 } }')"
}
server_pid() { cat "$WLP/usr/servers/.pid/${1:-$SERVER}.pid" 2>/dev/null || true; }
stop_server() {
  "$WLP/bin/server" stop "$SERVER" >/dev/null 2>&1 || true
  [ -z "$TWO" ] || "$WLP/bin/server" stop "$SERVER2" >/dev/null 2>&1 || true
}
PG_DB=""
DROP_DB=""
cleanup() {
  stop_server
  if [ -n "$DROP_DB" ]; then
    psql -h 127.0.0.1 -p 5432 -U postgres -d postgres -qtA -c "drop database if exists $DROP_DB with (force)" >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

stop_server
rm -rf "$SDIR" "$BENCH/db"
"$WLP/bin/server" create "$SERVER" >/dev/null
cp "$ROOT"/liberty/server.xml "$ROOT"/liberty/db-*.xml "$ROOT"/liberty/jvm.options "$ROOT"/liberty/bootstrap.properties "$SDIR/"
# Added to the server.env `server create` wrote, never over it: that one holds the generated keystore and
# LTPA keys passwords, without which Liberty answers every signed-in request 403 (CWWKS4000E).
# The generated file has no newline at its end: without one, a line added would join its last line (the LTPA
# keys password, and the server would run on the default JDK instead of BENCH_JAVA_HOME's).
[ -z "$(tail -c 1 "$SDIR/server.env")" ] || echo >> "$SDIR/server.env"
[ ! -f "$ROOT/liberty/server.env" ] || cat "$ROOT/liberty/server.env" >> "$SDIR/server.env"
mkdir -p "$SDIR/jdbc" "$SDIR/apps"
cp "$BENCH"/files/h2-*.jar "$BENCH"/files/postgresql-*.jar "$SDIR/jdbc/"
cp "$BENCH/files/latchkey.war" "$SDIR/apps/latchkey.war"
{
  echo "http.port=$PORT"
  echo "h2.path=$BENCH/db/latchkey"
} >> "$SDIR/bootstrap.properties"
for opt in ${BENCH_JVM_ARGS:-}; do echo "$opt" >> "$SDIR/jvm.options"; done
if [ -n "$SERVER_JAVA_HOME" ]; then echo "JAVA_HOME=$SERVER_JAVA_HOME" >> "$SDIR/server.env"; fi
if [ -n "$TWO" ]; then
  # The second instance: the same files on the next port; both accept the first one's origin only.
  rm -rf "$WLP/usr/servers/$SERVER2"
  cp -r "$SDIR" "$WLP/usr/servers/$SERVER2"
  sed -i "s/^http.port=.*/http.port=$PORT2/" "$WLP/usr/servers/$SERVER2/bootstrap.properties"
  for d in "$SDIR" "$WLP/usr/servers/$SERVER2"; do echo "latchkey.rp.origins=http://localhost:$PORT" >> "$d/bootstrap.properties"; done
fi
[ -z "${BENCH_NMT:-}" ] || echo "-XX:NativeMemoryTracking=summary" >> "$SDIR/jvm.options"
if [ "${BENCH_JFR:-}" = "1" ]; then
  echo "-XX:StartFlightRecording=filename=$RESULTS/$STAMP-$DB-$MODE.jfr,settings=profile,dumponexit=true" >> "$SDIR/jvm.options"
fi

if [ "$MODE" = "insights" ]; then
  # A kept database (generating a million accounts takes a while), never dropped by cleanup.
  INS_DB="${BENCH_PG_DB:-latchkey_bench_insights}"
  if [ "$DB" = "postgres" ]; then
    psql -h 127.0.0.1 -p 5432 -U postgres -d postgres -qtA -c "select 1 from pg_database where datname = '$INS_DB'" | grep -q 1 \
      || psql -h 127.0.0.1 -p 5432 -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA -c "create database $INS_DB"
    export DB_KIND=postgres PG_HOST=127.0.0.1 PG_PORT=5432 PG_DB="$INS_DB" PG_USER=postgres PG_PASSWORD=""
    JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$INS_DB"
  else
    unset DB_KIND || true
    echo "h2.options=;AUTO_SERVER=TRUE" >> "$SDIR/bootstrap.properties"
    JDBC_URL="jdbc:h2:file:$BENCH/db/latchkey;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE"
  fi
  # A new operator address each run: the last run's operator is already confirmed in a kept database.
  BENCH_OPERATOR="bench-operator-$(echo "$STAMP" | tr 'A-Z' 'a-z')@latchkey.demo"
  export LATCHKEY_OPERATORS="$BENCH_OPERATOR" LATCHKEY_INSIGHTS_SNAPSHOT_MINUTES=0
elif [ "$DB" = "postgres" ]; then
  PG_DB="latchkey_bench_$(date -u +%Y%m%d%H%M%S)_$$"
  DROP_DB="$PG_DB"
  psql -h 127.0.0.1 -p 5432 -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA -c "create database $PG_DB"
  export DB_KIND=postgres PG_HOST=127.0.0.1 PG_PORT=5432 PG_DB PG_USER=postgres PG_PASSWORD=""
else
  unset DB_KIND || true
fi

# Starts a server (default: the first, on $PORT); prints seconds from `server start` to /health/ready answering 200.
start_server() {
  local t0 code name="${1:-$SERVER}" port="${2:-$PORT}"
  t0=$(now_ns)
  "$WLP/bin/server" start "$name" >"$BENCH/start-$name.log" 2>&1 &
  local deadline=$((SECONDS + ${BENCH_READY_SECONDS:-600}))
  code=000
  while [ "$SECONDS" -lt "$deadline" ]; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://localhost:$port/health/ready" || true)
    [ "$code" = "200" ] && break
    sleep 0.1
  done
  [ "$code" = "200" ] || { echo "server not ready after ${BENCH_READY_SECONDS:-600} s; see $SDIR/logs" >&2; exit 1; }
  wait || true
  awk -v a="$t0" -v b="$(now_ns)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'
}
rss() { awk '/^VmRSS/ { printf "%d MiB", $2 / 1024 }' "/proc/$1/status"; }
# The server JVM's CPU seconds so far (utime + stime, /proc/<pid>/stat), with its JIT compiler threads
# and its GC/VM threads split out by thread name: a start-up figure that does not move with the other
# tenants of the machine the way wall-clock time does. Threads that already ended count in the total only.
cpu() {
  local pid="$1" hz total jit=0 gc=0 t name ticks
  hz=$(getconf CLK_TCK)
  total=$(sed 's/^.*) //' "/proc/$pid/stat" | awk '{ print $12 + $13 }')
  for t in /proc/"$pid"/task/*; do
    name=$(cat "$t/comm" 2>/dev/null || true)
    ticks=$(sed 's/^.*) //' "$t/stat" 2>/dev/null | awk '{ print $12 + $13 }' || echo 0)
    case "$name" in
      "C1 CompilerThre"*|"C2 CompilerThre"*) jit=$((jit + ${ticks:-0})) ;;
      "GC Thread"*|"G1 "*|"VM Thread"*) gc=$((gc + ${ticks:-0})) ;;
    esac
  done
  awk -v t="$total" -v j="$jit" -v g="$gc" -v hz="$hz" \
    'BEGIN { printf "%.1f s CPU (JIT %.1f s, GC/VM %.1f s, other %.1f s)", t / hz, j / hz, g / hz, (t - j - g) / hz }'
}
# Where the start went, from Liberty's messages.log: seconds from the server's "launched" message to the
# kernel, the application's start, the first and last persistence unit Hibernate builds, Liberty's own
# "server ready" (which does not wait for the application) and the application's "started".
milestones() {
  local log="$SDIR/logs/messages.log"
  [ -f "$log" ] || return 0
  awk '
    function secs(line,   m) { if (match(line, /[0-9]+:[0-9]+:[0-9]+:[0-9]+ /)) { split(substr(line, RSTART, RLENGTH - 1), m, ":"); return m[1] * 3600 + m[2] * 60 + m[3] + m[4] / 1000 } return -1 }
    function at(t) { return t == "" ? "?" : sprintf("+%.1f s", t - t0) }
    /CWWKE0001I/ { t0 = secs($0) }
    /CWWKE0002I/ { kernel = secs($0) }
    /CWWKZ0018I/ { starting = secs($0) }
    /HHH008540/ { if (pu1 == "") pu1 = secs($0); pun = secs($0); n++ }
    /CWWKF0011I/ { liberty = secs($0) }
    /CWWKZ0001I/ { app = secs($0) }
    END { if (t0 != "") printf "messages.log from launch: kernel %s, application starting %s, first of %d persistence units %s, last %s, Liberty ready %s, application started %s", at(kernel), at(starting), n, at(pu1), at(pun), at(liberty), at(app) }
  ' "$log"
}

# JDK 25+ ahead-of-time cache (JEP 483/514/515), as README "Faster starts on JDK 25" trains one: a start to ready and a
# stop with -XX:AOTCacheOutput, then every measured start with -XX:AOTCache. The training's database is wiped, so the
# first measured start is still on a fresh one. Two instances share the one cache file (same JDK, same runtime and WAR).
if [ "${BENCH_AOT:-}" = "1" ]; then
  major=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ { print $2 }')
  [ "${major:-0}" -ge 25 ] || { echo "BENCH_AOT=1 needs JDK 25 or later (BENCH_JAVA_HOME); this one is $major" >&2; exit 2; }
  AOT="$BENCH/latchkey.aot"
  rm -f "$AOT"
  echo "-XX:AOTCacheOutput=$AOT" >> "$SDIR/jvm.options"
  # Temurin 25.0.3 once crashed writing the cache as the training start stopped (SIGSEGV in
  # MethodTrainingData::cleanup, an hs_err_pid file in the server directory, no cache): train again once.
  for attempt in 1 2; do
    aot_secs=$(start_server)
    stop_server
    [ -f "$AOT" ] && break
    echo "no AOT cache written by training start $attempt (see $SDIR/hs_err_pid*.log)" >&2
    rm -f "$AOT.config"
  done
  [ -f "$AOT" ] || { echo "no AOT cache written; see $SDIR/logs/console.log" >&2; exit 1; }
  sed -i "s|^-XX:AOTCacheOutput=.*|-XX:AOTCache=$AOT|" "$SDIR/jvm.options"
  [ -z "$TWO" ] || echo "-XX:AOTCache=$AOT" >> "$WLP/usr/servers/$SERVER2/jvm.options"
  rm -f "$RESULTS/$STAMP-$DB-$MODE.jfr"
  if [ "$DB" = "postgres" ] && [ "$MODE" != "insights" ]; then
    psql -h 127.0.0.1 -p 5432 -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA \
      -c "drop database if exists $PG_DB with (force)" -c "create database $PG_DB"
  elif [ "$DB" = "h2" ] && [ "$MODE" != "insights" ]; then
    rm -rf "$BENCH/db"
  fi
fi

say "# Latchkey benchmark, $MODE, $DB, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
say "commit: $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown)$(cd "$ROOT" && git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
say "machine: $(nproc) CPUs, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
say "java: $("$JAVA" -version 2>&1 | head -1)"
say "server JVM options: $(grep -v '^#' "$SDIR/jvm.options" | tr '\n' ' ')"
[ -z "${BENCH_AOT:-}" ] || say "AOT cache: trained by one start (ready in $aot_secs s) and a stop; $(du -m "$AOT" | cut -f1) MiB"
say "load average at start: $(cat /proc/loadavg)"
say ""

if [ "$MODE" = "insights" ]; then
  existing=$("$JAVA" -cp "$CP" dev.latchkey.benchmarks.DemoPopulation --count-accounts --url "$JDBC_URL" --user "${PG_USER:-sa}" 2>/dev/null || echo 0)
  if [ "${existing:-0}" = "0" ]; then
    say "## Demo population (DemoPopulation, nice -n 10, seed ${INSIGHTS_SEED:-42})"
    t0=$(now_ns)
    nice -n 10 "$JAVA" -Xmx4g -cp "$CP" dev.latchkey.benchmarks.DemoPopulation --url "$JDBC_URL" --user "${PG_USER:-sa}" \
      --accounts "${INSIGHTS_ACCOUNTS:-1000000}" --events "${INSIGHTS_EVENTS:-20000000}" --days "${INSIGHTS_DAYS:-365}" \
      --seed "${INSIGHTS_SEED:-42}" 2>"$BENCH/population.log" | tee -a "$OUT"
    say "$(awk -v a="$t0" -v b="$(now_ns)" 'BEGIN { printf "generated in %.0f s (wall clock); load average: ", (b - a) / 1e9 }')$(cut -d' ' -f1-3 /proc/loadavg)"
  else
    say "## Demo population: reusing the $existing accounts already in the database"
  fi
  say ""
  secs=$(start_server)
  pid=$(server_pid)
  say "start: ready in $secs s; RSS at ready: $(rss "$pid"); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  ins_ok=0
  "$JAVA" -cp "$CP" dev.latchkey.benchmarks.InsightsRun --base "http://localhost:$PORT" --url "$JDBC_URL" \
    --user "${PG_USER:-sa}" --operator "$BENCH_OPERATOR" --requests "${INSIGHTS_REQUESTS:-400}" --out "$OUT.ins" || ins_ok=$?
  cat "$OUT.ins" >> "$OUT" 2>/dev/null && rm -f "$OUT.ins"
  say "server RSS after: $(rss "$pid"); load average at end: $(cat /proc/loadavg)"
  say ""
  say "Figures from a shared or busy machine are not comparable: retake them on a quiet one."
  echo "Results: $OUT"
  exit "$ins_ok"
fi

if [ "$MODE" = "startup" ]; then
  for run in $(seq 1 "${BENCH_STARTS:-3}"); do
    secs=$(start_server)
    pid=$(server_pid)
    used=$(cpu "$pid")
    sleep 5
    say "start $run ($([ $run = 1 ] && echo 'fresh database' || echo 'existing database')): ready in $secs s, $used; RSS at ready+5 s: $(rss "$pid"); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
    say "  $(milestones)"
    [ -z "${BENCH_NMT:-}" ] || native_memory "at ready+5 s"
    [ -z "${BENCH_HEAP:-}" ] || live_heap "at ready+5 s"
    stop_server
    # Each start keeps its own recording (the next JVM would not write over the file).
    [ ! -f "$RESULTS/$STAMP-$DB-$MODE.jfr" ] || mv "$RESULTS/$STAMP-$DB-$MODE.jfr" "$RESULTS/$STAMP-$DB-$MODE-start$run.jfr"
  done
  echo "Results: $OUT"
  exit 0
fi

secs=$(start_server)
pid=$(server_pid)
say "start (fresh database): ready in $secs s, $(cpu "$pid"); RSS at ready: $(rss "$pid"); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
[ -z "${BENCH_NMT:-}" ] || native_memory "at ready"
[ -z "${BENCH_HEAP:-}" ] || live_heap "at ready"
BASES="http://localhost:$PORT"
PIDS="$pid"
if [ -n "$TWO" ]; then
  secs2=$(start_server "$SERVER2" "$PORT2")
  pid2=$(server_pid "$SERVER2")
  say "second instance (same database, port $PORT2): ready in $secs2 s; RSS at ready: $(rss "$pid2"); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  BASES="$BASES,http://localhost:$PORT2"
  PIDS="$PIDS,$pid2"
fi
say ""

# ---------------------------------------------------------------- load over HTTP
LOAD_ARGS=(--base "$BASES" --pid "$PIDS" --out "$OUT.load")
[ "$MODE" = "smoke" ] && LOAD_ARGS+=(--smoke)
[ "$MODE" = "signin" ] && LOAD_ARGS+=(--signin-only)
[ -n "${BENCH_WARMUP:-}" ] && LOAD_ARGS+=(--warm-up "$BENCH_WARMUP")
[ "$DB" = "postgres" ] && LOAD_ARGS+=(--pg-url "jdbc:postgresql://127.0.0.1:5432/$PG_DB" --pg-user postgres)
load_ok=0
"$JAVA" -cp "$CP" dev.latchkey.benchmarks.LoadRun "${LOAD_ARGS[@]}" || load_ok=$?
cat "$OUT.load" >> "$OUT" && rm -f "$OUT.load"
say "server RSS after the load: $(rss "$pid")${TWO:+; second instance: $(rss "${pid2:-0}")}"
[ -z "${BENCH_NMT:-}" ] || native_memory "after the load"
if [ -n "${BENCH_HEAP:-}" ]; then
  live_heap "after the load"
fi
stop_server

# ---------------------------------------------------------------- raw verification, in-process
say ""
say "## Raw webauthn4j assertion verification (same JDK, server stopped)"
if [ "$MODE" = "smoke" ]; then
  say "$("$JAVA" -cp "$CP" dev.latchkey.benchmarks.VerificationCpu 200 3 100 2>>"$BENCH/raw.log")"
  "$JAVA" -cp "$CP" org.openjdk.jmh.Main AssertionVerificationBenchmark -f 0 -wi 0 -i 1 -r 1s -foe true > "$BENCH/jmh.log" 2>&1
else
  say "$("$JAVA" -cp "$CP" dev.latchkey.benchmarks.VerificationCpu 5000 7 2000 2>>"$BENCH/raw.log")"
  [ "$MODE" = "signin" ] || "$JAVA" -cp "$CP" org.openjdk.jmh.Main AssertionVerificationBenchmark -foe true > "$BENCH/jmh.log" 2>&1
fi
[ "$MODE" = "signin" ] || say "JMH: $(grep -E '^AssertionVerificationBenchmark' "$BENCH/jmh.log" | tr -s ' ')"
say "load average at end: $(cat /proc/loadavg)"

raw=$(grep -oE 'median [0-9.]+ ms' "$OUT" | head -1 | awk '{ print $2 }')
signin=$(grep -oE 'server CPU per sign-in: [0-9.]+ ms total = [0-9.]+' "$OUT" | head -1 | awk '{ print $5, $9 }')
if [ -n "$raw" ] && [ -n "$signin" ]; then
  say "$(echo "$signin $raw" | awk '{ printf "server CPU per sign-in / raw verification: %.1fx (application threads only: %.1fx; target <= 1.5x)", $1 / $3, $2 / $3 }')"
fi
say ""
say "Figures from a shared or busy machine are not comparable: retake them on a quiet one."
echo "Results: $OUT"
exit "$load_ok"
