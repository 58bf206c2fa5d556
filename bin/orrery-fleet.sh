# Orrery launcher, part 2: the local fleet (sourced by ./orrery, not run by itself).
#
# `./orrery fleet up` starts, from the separate distributions, one center (REST 8181, center port 7700, console
# 127.0.0.1:8101, like the demo), channels channel-1..N (agents' port 7710+I, console 127.0.0.1:8110+I,
# advertised as 127.0.0.1:7710+I, IDC idc-((I-1) mod K)+1) and agents agent-1..M (hostId = hostname = name,
# group fleet, IDC spread the same way), each in its own Karaf folder .orrery/fleet/<name>. No Karaf here opens
# RMI/JMX ports (no management feature) and each shutdown port is random, so they run side by side.

FLEET_GROUP=fleet

fleet_mode() {
    FLEET_MODE=true
    RUN=$FLEET_RUN
    KEY_JSON=$FLEET_KEY
}

# True when any fleet process is alive (whatever mode the launcher is in).
fleet_running() {
    local f name
    for f in "$FLEET_RUN"/*.pid; do
        [[ -e "$f" ]] || continue
        name=$(basename "$f" .pid)
        is_ours "$(cat "$f")" "$FLEET/$name" && return 0
    done
    return 1
}

# True when any demo process (all-in-one or extra agent) is alive.
demo_running() {
    local f name dir
    for f in "$STATE/run"/*.pid; do
        [[ -e "$f" ]] || continue
        name=$(basename "$f" .pid)
        if [[ "$name" == allinone ]]; then dir=$ALLINONE; else dir="$STATE/$name"; fi
        is_ours "$(cat "$f")" "$dir" && return 0
    done
    return 1
}

fleet_idc() { echo "idc-$(( ($1 - 1) % $2 + 1 ))"; }

# TLS (docs/tls.md): a center writes its CA certificate and default enrollment tokens to data/orrery at first start.
# True when the Karaf in $1 has written them.
enroll_files_ready() {
    [[ -s "$1/data/orrery/ca.pem" && -s "$1/data/orrery/enroll-agent.token" && -s "$1/data/orrery/enroll-channel.token" ]]
}

# Copies the CA certificate and the $3 (agent|channel) token of the center in $1 into the data folder of the Karaf in $2,
# where its agent or channel looks for them by default; it enrolls with them at its first start (files 0600).
give_enrollment() {
    local from="$1/data/orrery" to="$2/data/orrery"
    mkdir -p "$to"
    install -m 600 "$from/ca.pem" "$to/ca.pem"
    install -m 600 "$from/enroll-$3.token" "$to/enroll-$3.token"
}

# The value of "key = value" in a .cfg file (empty when unset or commented out).
cfg_value() {
    sed -n -E "s/^[[:space:]]*${2//./\\.}[[:space:]]*=[[:space:]]*(.*[^[:space:]])[[:space:]]*$/\1/p" "$1" 2>/dev/null | tail -1
}

prepare_fleet_center() {
    local dir="$FLEET/center"
    unpack "$CENTER_TGZ" "$dir" && say "unpacked the center into .orrery/fleet/center" && forget_console_host_key
    set_cfg "$dir/etc/org.ops4j.pax.web.cfg" org.ops4j.pax.web.listening.addresses 127.0.0.1
    set_cfg "$dir/etc/org.ops4j.pax.web.cfg" org.osgi.service.http.port "$REST_PORT"
    set_cfg "$dir/etc/org.apache.karaf.shell.cfg" sshPort "$SSH_PORT"
    local link
    link=$(cfg_file "$dir" dev.orrery.center.link)
    set_cfg "$link" listenHost 127.0.0.1
    set_cfg "$link" port 7700
    authorize_key "$dir"
}

prepare_fleet_channel() {
    local i=$1 idcs=$2 name="channel-$1" dir="$FLEET/channel-$1" cfg port=$((7710 + $1))
    unpack "$CHANNEL_TGZ" "$dir" && say "unpacked $name into .orrery/fleet/$name"
    set_cfg "$dir/etc/org.apache.karaf.shell.cfg" sshPort $((8110 + i))
    cfg=$(cfg_file "$dir" dev.orrery.channel)
    set_cfg "$cfg" channelId "$name"
    set_cfg "$cfg" idc "$(fleet_idc "$i" "$idcs")"
    set_cfg "$cfg" listenHost 127.0.0.1
    set_cfg "$cfg" port "$port"
    set_cfg "$cfg" advertisedAddress "127.0.0.1:$port"
    set_cfg "$cfg" centerHost 127.0.0.1
    set_cfg "$cfg" centerPort 7700
    authorize_key "$dir"
}

prepare_fleet_agent() {
    local j=$1 idcs=$2 name="agent-$1" dir="$FLEET/agent-$1"
    unpack "$AGENT_TGZ" "$dir" && say "unpacked $name into .orrery/fleet/$name"
    write_identity "$dir" "$name" "$FLEET_GROUP"
    set_cfg "$(cfg_file "$dir" dev.orrery.agent.hostinfo)" idc "$(fleet_idc "$j" "$idcs")"
    local cfg
    cfg=$(cfg_file "$dir" dev.orrery.agent)
    set_cfg "$cfg" centerHost 127.0.0.1
    set_cfg "$cfg" centerPort 7700
}

# Prints "hostId channel" for every ONLINE host of the fleet group, as the center sees them.
fleet_hosts() {
    local out
    out=$(api GET "/hosts?status=ONLINE&group=$FLEET_GROUP&limit=10000" 2>/dev/null) || return 1
    if command -v jq >/dev/null 2>&1; then
        printf '%s' "$out" | jq -r '.hosts[] | "\(.hostId) \(.channel // "-")"'
    else
        printf '%s' "$out" | tr '{' '\n' | grep '"hostId"' | sed -E \
            's/.*"hostId"[[:space:]]*:[[:space:]]*"([^"]*)".*"channel"[[:space:]]*:[[:space:]]*("([^"]*)"|null).*/\1 \3/'
    fi
}

# True when agent-1..$1 are all ONLINE.
fleet_agents_online() {
    local online j
    online=$(fleet_hosts) || return 1
    for j in $(seq 1 "$1"); do
        printf '%s\n' "$online" | grep -q "^agent-$j " || return 1
    done
}

fleet_channel_listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Agents first, then channels, then the center: nobody logs a storm of reconnects.
fleet_stop_all() {
    local all=() agents=() channels=() n
    mapfile -t all < <(names)
    for n in ${all[@]+"${all[@]}"}; do
        case "$n" in
            agent-*) agents+=("$n") ;;
            center) ;;
            *) channels+=("$n") ;;
        esac
    done
    [[ ${#agents[@]} -gt 0 ]] && stop_names "${agents[@]}"
    [[ ${#channels[@]} -gt 0 ]] && stop_names "${channels[@]}"
    [[ -f "$RUN/center.pid" ]] && stop_names center
    return 0
}

fleet_count_opt() {
    [[ "$2" =~ ^[0-9]+$ && "$2" -ge "$3" && "$2" -le "$4" ]] || die "$1 needs a number from $3 to $4"
}

cmd_fleet_up() {
    local channels=2 agents=5 idcs=1 i j
    while [[ $# -gt 0 ]]; do
        case "$1" in
            --channels|--agents|--idcs) [[ $# -ge 2 ]] || die "$1 needs a number"; set -- "$1=$2" "${@:3}" ;;
            --channels=*) channels=${1#*=}; fleet_count_opt --channels "$channels" 1 60; shift ;;
            --agents=*) agents=${1#*=}; fleet_count_opt --agents "$agents" 0 500; shift ;;
            --idcs=*) idcs=${1#*=}; fleet_count_opt --idcs "$idcs" 1 60; shift ;;
            *) die "unknown option for fleet up: $1 (usage: ./orrery fleet up [--channels N] [--agents M] [--idcs K])" ;;
        esac
    done
    [[ "$idcs" -le "$channels" ]] || warn "$idcs IDCs but only $channels channels: IDCs without a channel borrow one"
    need curl openssl tar
    check_java
    demo_running && die "the demo is running and uses the same ports (./orrery status); stop it with ./orrery stop"
    fleet_running && die "the fleet is already running (./orrery fleet status); stop it with ./orrery fleet down"
    local ports=("$REST_PORT" "$SSH_PORT" 7700)
    for i in $(seq 1 "$channels"); do ports+=($((7710 + i)) $((8110 + i))); done
    check_ports_free "${ports[@]}"
    rm -f "$FLEET_RUN"/*.pid
    build_if_needed
    ensure_ssh_key
    mkdir -p "$FLEET_RUN"
    prepare_fleet_center
    for i in $(seq 1 "$channels"); do prepare_fleet_channel "$i" "$idcs"; done
    for j in $(seq 1 "$agents"); do prepare_fleet_agent "$j" "$idcs"; done

    START=$SECONDS
    ON_FAIL=all
    trap 'echo; say "interrupted: stopping the fleet"; fleet_stop_all; exit 130' INT TERM
    say "starting the center, $channels channel(s) and $agents agent(s) over $idcs IDC(s)"
    start_karaf center "$FLEET/center"
    wait_until "the center's CA and enrollment tokens" enroll_files_ready "$FLEET/center"
    for i in $(seq 1 "$channels"); do
        give_enrollment "$FLEET/center" "$FLEET/channel-$i" channel
        start_karaf "channel-$i" "$FLEET/channel-$i"
    done
    for j in $(seq 1 "$agents"); do
        give_enrollment "$FLEET/center" "$FLEET/agent-$j" agent
        start_karaf "agent-$j" "$FLEET/agent-$j"
    done
    wait_until "the REST API at $API_URL/health" health_ok
    say "REST API healthy after $((SECONDS - START)) s"
    wait_until "the admin key" test -s "$FLEET_KEY"
    for i in $(seq 1 "$channels"); do wait_until "channel-$i on port $((7710 + i))" fleet_channel_listening $((7710 + i)); done
    wait_until "$agents agents ONLINE" fleet_agents_online "$agents"
    trap - INT TERM
    say "fleet up: $agents agents ONLINE after $((SECONDS - START)) s"
    echo
    cmd_fleet_status
    cat <<EOT

  The fleet is running (detached).
    REST API     $API_URL     API key: ./orrery key     console: ./orrery shell
    Try          bin/orrery-api POST /cmd '{"targets":{"groups":["$FLEET_GROUP"]},"command":"hostname"}'
    Crash one    ./orrery fleet kill channel-1      and back: ./orrery fleet start channel-1
    Stop         ./orrery fleet down                logs: .orrery/fleet/<name>/data/log/karaf.log

EOT
}

cmd_fleet_status() {
    local name pid dir state ports role found=false
    printf '%-12s %-8s %-6s %-22s %s\n' NAME PID ALIVE PORTS ROLE
    for name in $(names | sed 's/^center$/0 &/; s/^channel-/1 &/; s/^agent-/2 &/' | sort -k1,1n -k2V | cut -d' ' -f2); do
        found=true
        dir="$FLEET/$name"
        pid=$(pid_of "$name")
        if is_ours "$pid" "$dir"; then state=yes; ports=$(ports_of "$pid"); else state=no; ports=""; fi
        case "$name" in
            center) role="center (REST $REST_PORT, center port 7700)" ;;
            channel-*) role="channel $(cfg_value "$dir/etc/dev.orrery.channel.cfg" channelId) idc $(cfg_value "$dir/etc/dev.orrery.channel.cfg" idc)" ;;
            *) role="agent idc $(cfg_value "$dir/etc/dev.orrery.agent.hostinfo.cfg" idc)" ;;
        esac
        printf '%-12s %-8s %-6s %-22s %s\n' "$name" "${pid:--}" "$state" "${ports:--}" "$role"
    done
    $found || { say "no fleet started (./orrery fleet up starts one)"; return 0; }
    local hosts
    if ! alive center || ! hosts=$(fleet_hosts); then
        echo; say "the center does not answer: no agent list"; return 0
    fi
    echo
    printf '%-12s %-7s %s\n' CHANNEL AGENTS "ONLINE AGENTS (from GET /hosts)"
    printf '%s\n' "$hosts" | awk 'NF { n[$2]++; h[$2] = h[$2] (h[$2] ? " " : "") $1 }
        END { for (c in n) printf "%-12s %-7d %s\n", c, n[c], h[c] }' | sort -V
}

cmd_fleet_kill() {
    local name=$1 pid
    [[ -f "$RUN/$name.pid" ]] || die "no fleet process $name (./orrery fleet status)"
    pid=$(pid_of "$name")
    is_ours "$pid" "$FLEET/$name" || die "$name is not running"
    kill -KILL "$pid"
    say "killed $name (pid $pid) with SIGKILL; start it again with ./orrery fleet start $name"
}

cmd_fleet_start() {
    local name=$1 port
    [[ "$name" =~ ^(center|channel-[0-9]+|agent-[0-9]+)$ && -f "$FLEET/$name/.orrery-unpacked" ]] \
        || die "no fleet process $name (./orrery fleet up creates center, channel-1.., agent-1..)"
    alive "$name" && die "$name is already running"
    demo_running && die "the demo is running and uses the same ports; stop it with ./orrery stop"
    START=$SECONDS
    ON_FAIL=$name
    say "starting $name"
    start_karaf "$name" "$FLEET/$name"
    case "$name" in
        center) wait_until "the REST API at $API_URL/health" health_ok ;;
        channel-*) port=$(cfg_value "$FLEET/$name/etc/dev.orrery.channel.cfg" port)
                   wait_until "$name on port $port" fleet_channel_listening "$port" ;;
        agent-*) alive center || { say "$name started; the center is not running, so it is not ONLINE yet"; return 0; }
                 wait_until "$name ONLINE" host_online "$name" ;;
    esac
    say "$name up after $((SECONDS - START)) s"
}

cmd_fleet() {
    local action=${1:-}
    [[ $# -gt 0 ]] && shift
    fleet_mode
    case "$action" in
        up) cmd_fleet_up "$@" ;;
        status) cmd_fleet_status ;;
        kill|start)
            [[ $# -eq 1 ]] || die "usage: ./orrery fleet $action NAME"
            "cmd_fleet_$action" "$1" ;;
        down)
            [[ -n "$(names)" ]] || { say "no fleet process to stop"; return 0; }
            fleet_stop_all
            say "fleet stopped" ;;
        *) die "usage: ./orrery fleet up [--channels N] [--agents M] [--idcs K] | status | kill NAME | start NAME | down" ;;
    esac
}
