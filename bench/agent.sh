#!/usr/bin/env bash
# bench/agent.sh: one real agent's start time, idle RSS and CPU (./orrery bench agent).
#
#   bench/agent.sh [--settle S] [--seconds S] [--java-opts OPTS] [--variant OPTS]... [--agent-tgz FILE]
#
# Starts a center for the agent to register with (the all-in-one distribution: center + channel + its local
# agent, on private loopback ports), then ONE agent from the agent distribution, fresh, and measures:
#   start_s      process start (bin/karaf launched) -> the agent ONLINE at the center (GET /hosts), first start
#   connected_s  process start -> "Connected to channel" in the agent's log (log timestamp), first start
#   restart_s    the same agent stopped and started again (features already resolved) -> ONLINE
# After each start, once the agent has settled (--settle, default 20 s), it samples the JVM (the java pid, not
# the bin/karaf shell) every second for --seconds (default 60): VmRSS from /proc/<pid>/status, CPU from
# utime+stime in /proc/<pid>/stat, and prints the CPU of each thread. Last line:
#   agent start_s=... connected_s=... restart_s=... rss_mib=... rss_max_mib=... cpu_pct=... threads=...
#         restart_rss_mib=... restart_cpu_pct=...
# rss_mib is the mean of the samples after the first start (the agent as installed), restart_rss_mib after
# the restart; cpu_pct is percent of one core over the sampling window.
#
#   --java-opts OPTS  appended to the agent's EXTRA_JAVA_OPTS (bin/setenv's defaults stay unless OPTS contains
#                     -Dorrery.role=..., which replaces them); words NAME=value (no dash) go to the agent's
#                     environment instead, e.g. MALLOC_ARENA_MAX=2
#   --variant OPTS    measure one more agent with these options (repeatable; each prints its own result line,
#                     all against the same center); the last line is the last variant's
#   --agent-tgz FILE  another agent distribution (default distribution/agent/target/orrery-agent-<v>.tar.gz)
#
# Ports (loopback only; the bench fails if one is taken): center ORRERY_BENCH_AGENT_PORT (default 17900),
# channel +10, REST +81, SSH console +1. Scratch folder: .orrery/bench/agent/ (kept for its logs).
# Every process this script starts is stopped on exit.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VERSION=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$ROOT/pom.xml" | head -1)
ALLINONE_TGZ="$ROOT/distribution/allinone/target/orrery-allinone-$VERSION.tar.gz"
AGENT_TGZ="$ROOT/distribution/agent/target/orrery-agent-$VERSION.tar.gz"
WORK="$ROOT/.orrery/bench/agent"
RUN="$WORK/run"
BASE_PORT=${ORRERY_BENCH_AGENT_PORT:-17900}
CENTER_PORT=$BASE_PORT
CHANNEL_PORT=$((BASE_PORT + 10))
REST_PORT=$((BASE_PORT + 81))
SSH_PORT=$((BASE_PORT + 1))
API_URL="http://127.0.0.1:$REST_PORT/api/v1"
KEY_JSON="$WORK/center/data/orrery/admin-api-key.json"
AGENT_ID=bench-agent
SETTLE=20
SECONDS_SAMPLED=60
JAVA_OPTS_EXTRA=""
VARIANTS=()
TIMEOUT=${ORRERY_BENCH_TIMEOUT:-180}
CLK_TCK=$(getconf CLK_TCK)

say() { printf '[bench agent] %s\n' "$*"; }
die() { printf '[bench agent] ERROR: %s\n' "$*" >&2; exit 1; }
now_ms() { date +%s%3N; }
secs() { awk -v ms="$1" 'BEGIN { printf "%.2f", ms / 1000 }'; }

while [[ $# -gt 0 ]]; do
    case "$1" in
        --settle) [[ "${2:-}" =~ ^[0-9]+$ ]] || die "--settle needs seconds"; SETTLE=$2; shift 2 ;;
        --seconds) [[ "${2:-}" =~ ^[1-9][0-9]*$ ]] || die "--seconds needs seconds"; SECONDS_SAMPLED=$2; shift 2 ;;
        --java-opts) [[ $# -ge 2 ]] || die "--java-opts needs a value"; JAVA_OPTS_EXTRA=$2; shift 2 ;;
        --variant) [[ $# -ge 2 ]] || die "--variant needs a value"; VARIANTS+=("$2"); shift 2 ;;
        --agent-tgz) [[ -f "${2:-}" ]] || die "--agent-tgz needs an existing file"; AGENT_TGZ=$2; shift 2 ;;
        -h|--help) sed -n '2,28s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) die "unknown option: $1 (see bench/agent.sh --help)" ;;
    esac
done
[[ ${#VARIANTS[@]} -gt 0 ]] || VARIANTS=("$JAVA_OPTS_EXTRA")

for tool in java curl openssl tar awk; do
    command -v "$tool" >/dev/null 2>&1 || die "'$tool' is required"
done
[[ -f "$ALLINONE_TGZ" ]] || die "no all-in-one distribution at $ALLINONE_TGZ (build: mvn -B -q install -DskipTests)"
[[ -f "$AGENT_TGZ" ]] || die "no agent distribution at $AGENT_TGZ (build: mvn -B -q install -DskipTests)"

# ------------------------------------------------------------------------------------------------ processes

# A pid is ours only when alive and it is the Karaf of a folder under $WORK.
# The launcher's own helpers for editing .cfg files and recognising its Karafs (see ./orrery).
eval "$(awk '/^(cfg_file|set_cfg|write_identity|is_ours)\(\) \{$/,/^\}$/' "$ROOT/orrery")"
for f in cfg_file set_cfg write_identity is_ours; do
    declare -F "$f" >/dev/null || die "cannot reuse $f() from ./orrery (was it renamed?)"
done
# Starting and stopping the bench's Karafs (start_karaf, stop_karafs), shared with the other bench script.
source "$ROOT/bench/karaf.sh"

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    stop_karafs agent center
    exit "$rc"
}

# The JVM's pid: bin/karaf execs java in daemon mode, so the pid stays; Karaf's karaf.pid confirms it.
jvm_pid() {
    local name=$1 dir=$2 pid
    pid=$(cat "$RUN/$name.pid" 2>/dev/null || true)
    is_ours "$pid" "$dir" && [[ "$(readlink "/proc/$pid/exe" 2>/dev/null)" == */java ]] && { echo "$pid"; return 0; }
    if [[ -s "$dir/karaf.pid" ]]; then
        pid=$(tr -dc '0-9' < "$dir/karaf.pid")
        is_ours "$pid" "$dir" && { echo "$pid" > "$RUN/$name.pid"; echo "$pid"; return 0; }
    fi
    return 1
}

# Waits until "$@" succeeds, failing when the Karaf $1 in $2 died or after $TIMEOUT s.
wait_for() {
    local what=$1 name=$2 dir=$3 deadline=$((SECONDS + TIMEOUT)) next=$((SECONDS + 10)) pid
    shift 3
    while ! "$@" >/dev/null; do
        pid=$(cat "$RUN/$name.pid" 2>/dev/null || true)
        kill -0 "$pid" 2>/dev/null || die "$name stopped while waiting for $what; see $dir/data/log/karaf.log"
        [[ $SECONDS -ge $deadline ]] && die "timed out after $TIMEOUT s waiting for $what; see $dir/data/log/karaf.log"
        if [[ $SECONDS -ge $next ]]; then say "  waiting for $what..."; next=$((SECONDS + 10)); fi
        sleep 0.1
    done
}

# ------------------------------------------------------------------------------------------------ config files

# Always a fresh folder (the launcher's unpack keeps an up-to-date one): the first start is measured.
unpack_fresh() {
    rm -rf "$2"
    mkdir -p "$2"
    tar -xzf "$1" -C "$2" --strip-components=1
}

identity() {
    write_identity "$1" "$2" bench
    set_cfg "$(cfg_file "$1" dev.orrery.agent)" centerHost 127.0.0.1
    set_cfg "$(cfg_file "$1" dev.orrery.agent)" centerPort "$CENTER_PORT"
}

prepare_center() {
    local dir="$WORK/center" cfg
    unpack_fresh "$ALLINONE_TGZ" "$dir"
    set_cfg "$dir/etc/org.ops4j.pax.web.cfg" org.ops4j.pax.web.listening.addresses 127.0.0.1
    set_cfg "$dir/etc/org.ops4j.pax.web.cfg" org.osgi.service.http.port "$REST_PORT"
    set_cfg "$dir/etc/org.apache.karaf.shell.cfg" sshPort "$SSH_PORT"
    cfg=$(cfg_file "$dir" dev.orrery.center.link)
    set_cfg "$cfg" listenHost 127.0.0.1
    set_cfg "$cfg" port "$CENTER_PORT"
    cfg=$(cfg_file "$dir" dev.orrery.channel)
    set_cfg "$cfg" channelId bench-channel
    set_cfg "$cfg" listenHost 127.0.0.1
    set_cfg "$cfg" port "$CHANNEL_PORT"
    set_cfg "$cfg" advertisedAddress "127.0.0.1:$CHANNEL_PORT"
    set_cfg "$cfg" centerPort "$CENTER_PORT"
    identity "$dir" bench-center-agent
}

# ------------------------------------------------------------------------------------------------ probes

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
health_ok() { curl -fsS -o /dev/null --max-time 3 "$API_URL/health" 2>/dev/null; }

online() {
    local out
    out=$(ORRERY_URL="$API_URL" ORRERY_KEY_FILE="$KEY_JSON" "$ROOT/bin/orrery-api" GET "/hosts?status=ONLINE&q=$1" 2>/dev/null) \
        || return 1
    printf '%s' "$out" | grep -q "\"hostId\"[[:space:]]*:[[:space:]]*\"$1\""
}

# Epoch ms of the first "Connected to channel" line of a Karaf log (its timestamps are local time, ISO 8601).
connected_ms() {
    local line
    line=$(grep -m1 'Connected to channel' "$1/data/log/karaf.log" 2>/dev/null | cut -d'|' -f1) || return 1
    [[ -n "$line" ]] || return 1
    date -d "$(printf '%s' "$line" | sed -E 's/T/ /; s/,/./; s/[[:space:]]+$//')" +%s%3N
}

rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }
threads_of() { awk '/^Threads:/ { print $2 }' "/proc/$1/status"; }
# utime + stime in clock ticks (fields 14 and 15; the command name in field 2 may hold spaces).
cpu_ticks() { sed -E 's/^.*\) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'; }

# "ticks tid name" of every thread of $1, for a per-thread CPU breakdown.
thread_ticks() {
    local t
    for t in /proc/"$1"/task/*; do
        local ticks name
        ticks=$(sed -E 's/^.*\) //' "$t/stat" 2>/dev/null | awk '{ print $12 + $13 }') || continue
        name=$(tr ' ' '_' < "$t/comm" 2>/dev/null) || continue
        [[ -n "$ticks" && -n "$name" ]] && printf '%s %s %s\n' "$ticks" "${t##*/}" "$name"
    done 2>/dev/null
    return 0
}

# ------------------------------------------------------------------------------------------------ one agent

# Starts the agent in $WORK/agent with options $1 and waits until ONLINE; sets STARTED_MS and ONLINE_MS.
start_agent() {
    # TLS (docs/tls.md): the agent enrolls with the center's CA and default agent token (copied once it wrote them)
    wait_for "the center's CA and agent token" center "$WORK/center" test -s "$WORK/center/data/orrery/enroll-agent.token"
    mkdir -p "$WORK/agent/data/orrery"
    install -m 600 "$WORK/center/data/orrery/ca.pem" "$WORK/center/data/orrery/enroll-agent.token" "$WORK/agent/data/orrery/"
    STARTED_MS=$(now_ms)
    start_karaf agent "$1"
    wait_for "the agent ONLINE at the center" agent "$WORK/agent" online "$AGENT_ID"
    ONLINE_MS=$(now_ms)
}

# Samples the JVM $1 for $SECONDS_SAMPLED s after $SETTLE s; sets RSS_MEAN, RSS_MAX (MiB), CPU (% of a core), THREADS.
sample() {
    local pid=$1 dir="$WORK/agent" i rss sum=0 max=0 n=0 t_start t_end t0 c1
    say "settling for $SETTLE s, then sampling RSS and CPU every second for $SECONDS_SAMPLED s"
    sleep "$SETTLE"
    t_start=$(now_ms); t0=$(cpu_ticks "$pid")
    thread_ticks "$pid" > "$WORK/threads.before"
    for i in $(seq 1 "$SECONDS_SAMPLED"); do
        sleep 1
        kill -0 "$pid" 2>/dev/null || die "the agent stopped while sampled; see $dir/data/log/karaf.log"
        rss=$(rss_kib "$pid")
        sum=$((sum + rss)); n=$((n + 1)); [[ $rss -gt $max ]] && max=$rss
        if (( i % 10 == 0 )); then
            say "  ${i} s: RSS $((rss / 1024)) MiB, threads $(threads_of "$pid"), CPU so far $(awk -v t="$(cpu_ticks "$pid")" -v t0="$t0" -v hz="$CLK_TCK" -v ms=$(( $(now_ms) - t_start )) 'BEGIN { printf "%.2f%%", (t - t0) / hz * 100000 / ms }')"
        fi
    done
    c1=$(cpu_ticks "$pid"); t_end=$(now_ms)
    thread_ticks "$pid" > "$WORK/threads.after"
    say "  CPU by thread over the window (ms; threads that ran):"
    awk -v hz="$CLK_TCK" 'NR == FNR { b[$2] = $1; next }
        { d = $1 - (($2 in b) ? b[$2] : 0); if (d > 0) printf "      %6d  %s\n", d * 1000 / hz, $3 }' \
        "$WORK/threads.before" "$WORK/threads.after" | sort -rn | head -12
    THREADS=$(threads_of "$pid")
    CPU=$(awk -v t="$c1" -v t0="$t0" -v hz="$CLK_TCK" -v ms=$((t_end - t_start)) 'BEGIN { printf "%.2f", (t - t0) / hz * 100000 / ms }')
    RSS_MEAN=$(awk -v s="$sum" -v n="$n" 'BEGIN { printf "%.1f", s / n / 1024 }')
    RSS_MAX=$(awk -v m="$max" 'BEGIN { printf "%.1f", m / 1024 }')
    if command -v jcmd >/dev/null 2>&1; then
        say "  heap and metaspace after sampling (jcmd GC.heap_info):"
        timeout 20 jcmd "$pid" GC.heap_info 2>/dev/null | grep -E 'total|Metaspace|class space' | sed 's/^ */      /' || true
    fi
    if tr '\0' '\n' < "/proc/$pid/cmdline" | grep -q '^-XX:NativeMemoryTracking=' && command -v jcmd >/dev/null 2>&1; then
        say "  native memory (jcmd VM.native_memory summary, committed):"
        timeout 20 jcmd "$pid" VM.native_memory summary 2>/dev/null | grep -E '^(Total|-)' | sed 's/^/      /' || true
    fi
    say "  => RSS mean $RSS_MEAN MiB (max $RSS_MAX), CPU $CPU% of a core, $THREADS threads"
}

# The first start of a fresh agent (features resolved, as after an install), idle; then a restart, idle.
measure_agent() {
    local opts=$1 dir="$WORK/agent" pid first_ms conn_ms restart_ms first
    say "agent options (EXTRA_JAVA_OPTS): ${opts:-(bin/setenv defaults)}"
    unpack_fresh "$AGENT_TGZ" "$dir"
    identity "$dir" "$AGENT_ID"

    say "first start of the agent (fresh folder, as after an install)"
    start_agent "$opts"
    first_ms=$((ONLINE_MS - STARTED_MS))
    wait_for "\"Connected to channel\" in the agent's log" agent "$dir" connected_ms "$dir"
    conn_ms=$(( $(connected_ms "$dir") - STARTED_MS ))
    pid=$(jvm_pid agent "$dir") || die "cannot find the agent's JVM"
    say "  ONLINE after $(secs "$first_ms") s, connected to the channel after $(secs "$conn_ms") s (java pid $pid)"
    say "  JVM options in effect:"
    tr '\0' '\n' < "/proc/$pid/cmdline" | grep -E '^-(X|XX:|Xm|Xs|Dorrery)' | sed 's/^/      /'
    sample "$pid"
    first="rss_mib=$RSS_MEAN rss_max_mib=$RSS_MAX cpu_pct=$CPU threads=$THREADS"

    say "restart (stop, start again on the same folder: features already resolved)"
    stop_karafs agent
    wait_for "the agent OFFLINE" center "$WORK/center" offline "$AGENT_ID"
    start_agent "$opts"
    restart_ms=$((ONLINE_MS - STARTED_MS))
    pid=$(jvm_pid agent "$dir") || die "cannot find the agent's JVM"
    say "  ONLINE after $(secs "$restart_ms") s (java pid $pid)"
    sample "$pid"
    stop_karafs agent
    RESULT="agent start_s=$(secs "$first_ms") connected_s=$(secs "$conn_ms") restart_s=$(secs "$restart_ms") $first restart_rss_mib=$RSS_MEAN restart_cpu_pct=$CPU"
}

offline() { ! online "$1"; }

# ------------------------------------------------------------------------------------------------ main

mkdir -p "$RUN"
# Leftovers of an interrupted run (only Karafs of this scratch folder).
stop_karafs agent center
for port in "$CENTER_PORT" "$CHANNEL_PORT" "$REST_PORT" "$SSH_PORT"; do
    listening "$port" && die "port $port on 127.0.0.1 is taken by another program (this bench needs $CENTER_PORT, $CHANNEL_PORT, $REST_PORT, $SSH_PORT; set ORRERY_BENCH_AGENT_PORT to move them)"
done
trap cleanup EXIT
trap 'exit 130' INT TERM

say "load: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min); $(nproc) cores"
say "starting the center (all-in-one: center port $CENTER_PORT, channel $CHANNEL_PORT, REST $REST_PORT) in .orrery/bench/agent/center"
prepare_center
t=$(now_ms)
start_karaf center
wait_for "the REST API on $REST_PORT" center "$WORK/center" health_ok
wait_for "the admin key" center "$WORK/center" test -s "$KEY_JSON"
wait_for "the channel on $CHANNEL_PORT" center "$WORK/center" listening "$CHANNEL_PORT"
wait_for "the center's local agent ONLINE" center "$WORK/center" online bench-center-agent
say "center ready after $(secs $(( $(now_ms) - t ))) s"

RESULTS=()
for v in "${VARIANTS[@]}"; do
    measure_agent "$v"
    RESULTS+=("$RESULT")
    [[ ${#VARIANTS[@]} -gt 1 ]] && say "variant '${v}': $RESULT"
done
say "done; stopping the center"
stop_karafs center
echo "${RESULTS[${#RESULTS[@]}-1]}"
