#!/usr/bin/env bash
# A filled insights dashboard on H2, in one command (README, "Insights demo"):
#
#   benchmarks/demo.sh
#
# Builds Latchkey, generates a small demo population (DemoPopulation: 2,000 accounts, 60,000
# sign-ins over 120 days, nudges, shared branch computers; seeded, so always the same) into its own
# H2 database under ~/.latchkey/demo (never your ~/.latchkey/h2), then runs the server on it with
# the demo operator as operator and admin. Sign in as that operator by email code (the code is at
# /dev/outbox) and open /operator/insights. A second run reuses the population; delete
# ~/.latchkey/demo to make it anew.
#
# Environment: DEMO_DIR (~/.latchkey/demo), DEMO_ACCOUNTS (2000), DEMO_EVENTS (60000), DEMO_DAYS (120),
# DEMO_PORT (9080), DEMO_MAVEN_ARGS (extra Maven arguments, for example -o).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIR="${DEMO_DIR:-$HOME/.latchkey/demo}"
PORT="${DEMO_PORT:-9080}"
OPERATOR="demo-operator@latchkey.demo"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
cd "$ROOT"

mvn -B -q ${DEMO_MAVEN_ARGS:-} -DskipTests -Dliberty.skip package
if [ ! -f "$DIR/latchkey.mv.db" ]; then
  mkdir -p "$DIR"
  "$JAVA" -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" dev.latchkey.benchmarks.DemoPopulation \
    --url "jdbc:h2:file:$DIR/latchkey;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" --user sa \
    --accounts "${DEMO_ACCOUNTS:-2000}" --events "${DEMO_EVENTS:-60000}" --days "${DEMO_DAYS:-120}" --operator "$OPERATOR"
fi
cat <<TEXT

  Insights demo: http://localhost:$PORT/operator/insights (once the server says it is ready)
  Sign in as $OPERATOR with "Email me a code"; the code is at http://localhost:$PORT/dev/outbox.
  The coverage figures appear with the first snapshot (it starts 30 s after start and reads every
  account: a few minutes on a busy machine); the rest at once.

TEXT
export LATCHKEY_OPERATORS="$OPERATOR" LATCHKEY_ADMINS="$OPERATOR"
# Bootstrap properties given here replace liberty/bootstrap.properties, so its one line comes along.
exec mvn -B ${DEMO_MAVEN_ARGS:-} -DskipTests package liberty:run "-Dliberty.bootstrap.h2.path=$DIR/latchkey" \
  "-Dliberty.bootstrap.http.port=$PORT" -Dliberty.bootstrap.com.ibm.ws.logging.console.format=simple
