# Karaf processes of a bench script: sourced by bench/agent.sh and bench/peers.sh. The Karaf NAME lives in
# $WORK/NAME; the pid of what was started (bin/karaf, which execs java in daemon mode) is kept in $RUN/NAME.pid.
# Needs from the sourcing script: WORK, RUN, say, and the launcher's is_ours.

# Starts the Karaf NAME as a daemon in its own session and records its pid; prints nothing. OPTS: words
# NAME=value go to its environment, the others to EXTRA_JAVA_OPTS (bin/setenv's JVM options stay).
start_karaf() {
    local name=$1 dir="$WORK/$1"
    mkdir -p "$RUN" "$dir/data/log"
    rm -f "$dir/karaf.pid"
    (
        cd "$dir"
        unset KARAF_HOME KARAF_BASE KARAF_DATA KARAF_ETC KARAF_LOG
        local word opts=""
        for word in ${2:-}; do
            if [[ "$word" =~ ^[A-Z_][A-Z0-9_]*= ]]; then export "${word?}"; else opts="$opts $word"; fi
        done
        export EXTRA_JAVA_OPTS=${opts# }
        exec setsid nohup bin/karaf daemon >>"$dir/data/log/stdout.log" 2>&1 </dev/null
    ) &
    echo $! > "$RUN/$name.pid"
}

# Ours: the Karaf of that folder, or still bin/karaf's shell of it (it execs java in daemon mode).
karaf_ours() {
    local pid=$1 dir=$2
    is_ours "$pid" "$dir" && return 0
    kill -0 "$pid" 2>/dev/null && [[ "$(readlink "/proc/$pid/cwd" 2>/dev/null)" == "$dir" ]] \
        && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q 'bin/karaf'
}

# Stops the named Karafs together (TERM, then KILL after 30 s); only processes of our folders are signalled.
stop_karafs() {
    local name pid waiting=() i
    for name in "$@"; do
        [[ -f "$RUN/$name.pid" ]] || continue
        pid=$(cat "$RUN/$name.pid")
        if karaf_ours "$pid" "$WORK/$name"; then kill -TERM "$pid" 2>/dev/null || true; waiting+=("$name:$pid"); fi
    done
    for i in $(seq 1 120); do
        local still=()
        for name in ${waiting[@]+"${waiting[@]}"}; do kill -0 "${name#*:}" 2>/dev/null && still+=("$name"); done
        waiting=(${still[@]+"${still[@]}"})
        [[ ${#waiting[@]} -eq 0 ]] && break
        sleep 0.25
    done
    for name in ${waiting[@]+"${waiting[@]}"}; do
        say "${name%%:*} (pid ${name#*:}) did not stop in 30 s: killing it"
        karaf_ours "${name#*:}" "$WORK/${name%%:*}" && kill -KILL "${name#*:}" 2>/dev/null || true
    done
    for name in "$@"; do rm -f "$RUN/$name.pid"; done
}
