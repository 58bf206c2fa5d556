#!/usr/bin/env bash
# bench/peers.sh: the same real command on K hosts with Orrery, pdsh and Ansible (./orrery bench peers).
#
#   bench/peers.sh [--hosts K] [--runs R] [--tools T]
#       K hosts (default 20, at most 250), R timed runs per tool (default 3), T the tools to measure, comma-separated
#       (default pdsh,ansible,orrery; a tool left out shows as n/a in the last line)
#
# Each host is an address of its own on loopback, 127.0.10.1..K, and every tool runs `uname -a` on all K:
#   pdsh     pdsh -R ssh -f K -w <the K addresses> uname -a
#   ansible  ansible all -i <inventory of the K addresses> -m command -a 'uname -a' -f K   (the default module)
#   orrery   POST /api/v1/cmd {"targets":{"hosts":[peer-1..peer-K]},"command":"uname -a"}, timed until the task
#            is DONE (GET /tasks/{id} polled every 5 ms): one all-in-one (center + channel; its own local agent is
#            not one of the K) and K real agent processes, agent peer-I connecting from 127.0.10.I (bindAddress)
# Every run is checked: K answers, one per host, each the local `uname -a` line, else the bench fails naming the
# tool. Each tool gets one untimed warm-up run, then the tools take turns for R timed rounds (a change of the
# machine's background load hits them alike); the median of each tool's R runs is reported. Last line:
#   peers hosts=K orrery_s=<median> pdsh_s=<median> ansible_s=<median>
#
# SSH: openssh-server, pdsh and ansible are installed from Debian's packages when missing (apt-get, as root
# only). The bench runs its own sshd instances (at most 16 addresses each) on 127.0.10.1..K, port
# ORRERY_BENCH_PEERS_PORT+22, with their own host key, config and authorized key (a generated key for the current
# user) under .orrery/bench/peers/ssh/; the system's sshd and ~/.ssh are never touched; the clients use a private
# ssh config and known_hosts (host key checking off). Ansible's temporary files stay under .orrery/bench/peers/.
# The sessions' HOME is an empty folder (sshd SetEnv), so that a heavy ~/.bashrc of the user running the bench
# (bash reads it even for `ssh host cmd`; e.g. `pyenv init` costs 0.75 s per session here) does not count: Orrery
# runs /bin/sh -c without rc files, as an ordinary fleet host's sshd does. ORRERY_BENCH_PEERS_KEEP_HOME=1 keeps
# the user's real HOME.
#
# Ports, loopback only (the bench fails at once if one is taken; move them all with ORRERY_BENCH_PEERS_PORT,
# default 17400): center P, Karaf console P+1, channel P+10, sshd P+22, REST P+81.
# Scratch folder: .orrery/bench/peers/ (Karafs, logs, outputs). Every process it starts is stopped on exit.
# Diagnosis: ORRERY_BENCH_PEERS_TMPFS=/dev/shm/<folder> puts the agents' ledger, outbox and command spools on that
# (memory) folder, to see what the agents' fsyncs cost; such a figure is not a measurement of Orrery as shipped.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VERSION=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$ROOT/pom.xml" | head -1)
ALLINONE_TGZ="$ROOT/distribution/allinone/target/orrery-allinone-$VERSION.tar.gz"
AGENT_TGZ="$ROOT/distribution/agent/target/orrery-agent-$VERSION.tar.gz"
WORK="$ROOT/.orrery/bench/peers"
RUN="$WORK/run"
SSHW="$WORK/ssh"
ANS="$WORK/ansible"
OUT="$WORK/out"
PY="$ROOT/bench/peers/orrery_peers.py"
BASE_PORT=${ORRERY_BENCH_PEERS_PORT:-17400}
CENTER_PORT=$BASE_PORT
CONSOLE_PORT=$((BASE_PORT + 1))
CHANNEL_PORT=$((BASE_PORT + 10))
SSHD_PORT=$((BASE_PORT + 22))
REST_PORT=$((BASE_PORT + 81))
API_URL="http://127.0.0.1:$REST_PORT/api/v1"
KEY_JSON="$WORK/allinone/data/orrery/admin-api-key.json"
NET=127.0.10
HOSTS=20
RUNS=3
TOOLS=pdsh,ansible,orrery
TIMEOUT=${ORRERY_BENCH_TIMEOUT:-300}
BENCH_START=$SECONDS

say() { printf '[bench peers] %s\n' "$*"; }
warn() { printf '[bench peers] WARNING: %s\n' "$*" >&2; }
die() { printf '[bench peers] ERROR: %s\n' "$*" >&2; exit 1; }

while [[ $# -gt 0 ]]; do
    case "$1" in
        --hosts|--runs|--tools) [[ $# -ge 2 ]] || die "$1 needs a value"; set -- "$1=$2" "${@:3}" ;;
        --hosts=*) HOSTS=${1#*=}; shift ;;
        --runs=*) RUNS=${1#*=}; shift ;;
        --tools=*) TOOLS=${1#*=}; shift ;;
        -h|--help) sed -n '2,36s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) die "unknown option: $1 (usage: bench/peers.sh [--hosts K] [--runs R] [--tools T])" ;;
    esac
done
[[ "$HOSTS" =~ ^[0-9]+$ && $HOSTS -ge 1 && $HOSTS -le 250 ]] || die "--hosts needs a number from 1 to 250"
[[ "$RUNS" =~ ^[0-9]+$ && $RUNS -ge 1 && $RUNS -le 20 ]] || die "--runs needs a number from 1 to 20"
[[ ",$TOOLS," =~ ^(,(pdsh|ansible|orrery))+,$ ]] || die "--tools takes a comma-separated list of pdsh, ansible, orrery"
wants() { [[ ",$TOOLS," == *",$1,"* ]]; }

# The launcher's own helpers for unpacking a distribution and editing its .cfg files (see ./orrery).
eval "$(awk '/^(unpack|cfg_file|set_cfg|write_identity|is_ours)\(\) \{$/,/^\}$/' "$ROOT/orrery")"
for f in unpack cfg_file set_cfg write_identity is_ours; do
    declare -F "$f" >/dev/null || die "cannot reuse $f() from ./orrery (was it renamed?)"
done
# Starting and stopping the bench's Karafs (start_karaf, stop_karafs), shared with the other bench script.
source "$ROOT/bench/karaf.sh"

addr() { echo "$NET.$1"; }
ADDRS=(); PEERS=()
for i in $(seq 1 "$HOSTS"); do ADDRS+=("$(addr "$i")"); PEERS+=("peer-$i"); done
now() { echo "${EPOCHREALTIME/,/.}"; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { printf "%.3f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
listening() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# ------------------------------------------------------------------------------------------------ packages

# apt-get's output goes to apt.log; its main steps are shown as they happen.
apt_get() {
    DEBIAN_FRONTEND=noninteractive apt-get -y -q -o Dpkg::Use-Pty=0 "$@" 2>&1 | tee -a "$WORK/apt.log" \
        | grep --line-buffered -E '^(Get:|Fetched|Setting up|E:|Err:)' | sed -u 's/^/    /'
    return "${PIPESTATUS[0]}"
}

ensure_packages() {
    local missing=()
    [[ -x /usr/sbin/sshd ]] || missing+=(openssh-server)
    command -v ssh >/dev/null 2>&1 && command -v ssh-keygen >/dev/null 2>&1 || missing+=(openssh-client)
    command -v pdsh >/dev/null 2>&1 || missing+=(pdsh)
    command -v ansible >/dev/null 2>&1 || missing+=(ansible)
    [[ ${#missing[@]} -eq 0 ]] && { say "openssh-server, pdsh and ansible are installed"; return 0; }
    if [[ $(id -u) -ne 0 ]]; then
        die "missing: ${missing[*]}. This bench installs packages only when it runs as root, and it runs as $(id -un).
  Install them first, e.g.: sudo apt-get install -y ${missing[*]}"
    fi
    command -v apt-get >/dev/null 2>&1 || die "missing: ${missing[*]}, and there is no apt-get here to install them"
    say "installing ${missing[*]} from Debian's packages (apt-get install; full log .orrery/bench/peers/apt.log)"
    if ! apt_get install --no-install-recommends "${missing[@]}"; then
        say "the install failed; refreshing the package lists (apt-get update) and trying once more"
        apt_get update || die "apt-get update failed (see .orrery/bench/peers/apt.log)"
        apt_get install --no-install-recommends "${missing[@]}" || die "apt-get install ${missing[*]} failed (see .orrery/bench/peers/apt.log)"
    fi
    [[ -x /usr/sbin/sshd ]] && command -v pdsh >/dev/null && command -v ansible >/dev/null \
        || die "after apt-get install, sshd, pdsh or ansible is still missing"
    say "installed: $(/usr/sbin/sshd -V 2>&1 | head -1); $(pdsh -V 2>&1 | head -1); $(ansible --version | head -1)"
}

# ------------------------------------------------------------------------------------------------ sshd

SSHD_PIDS=()

ssh_setup() {
    local user i n first last conf
    user=$(id -un)
    mkdir -p "$SSHW/home"
    chmod 700 "$SSHW"
    [[ -f "$SSHW/host_ed25519" ]] || ssh-keygen -q -t ed25519 -N '' -C "orrery-bench-peers-host" -f "$SSHW/host_ed25519"
    [[ -f "$SSHW/id_ed25519" ]] || ssh-keygen -q -t ed25519 -N '' -C "orrery-bench-peers" -f "$SSHW/id_ed25519"
    cp "$SSHW/id_ed25519.pub" "$SSHW/authorized_keys"
    chmod 600 "$SSHW/authorized_keys"
    rm -f "$SSHW/known_hosts" "$SSHW"/sshd-*.log
    cat > "$SSHW/ssh_config" <<EOF
# The clients' private config (pdsh, ansible, checks): only the bench's sshds, host keys not checked.
Host $NET.*
    Port $SSHD_PORT
    User $user
    IdentityFile $SSHW/id_ed25519
    IdentitiesOnly yes
    StrictHostKeyChecking no
    UserKnownHostsFile $SSHW/known_hosts
    GlobalKnownHostsFile /dev/null
    BatchMode yes
    PasswordAuthentication no
    ConnectTimeout 10
    LogLevel ERROR
EOF
    if [[ $(id -u) -eq 0 && ! -d /run/sshd ]]; then
        mkdir -p -m 0755 /run/sshd   # sshd's privilege separation folder (the package creates it at boot only)
    fi
    if getent shadow "$user" 2>/dev/null | cut -d: -f2 | grep -q '^!'; then
        warn "the account $user is locked ('!' password): sshd without PAM refuses it even with a key"
    fi
    n=0
    for ((first = 1; first <= HOSTS; first += 16)); do
        n=$((n + 1))
        last=$((first + 15 > HOSTS ? HOSTS : first + 15))
        conf="$SSHW/sshd-$n.conf"
        {
            echo "# bench/peers.sh: sshd $n of the bench, for $(addr "$first")..$(addr "$last") (generated)"
            echo "Port $SSHD_PORT"
            for i in $(seq "$first" "$last"); do echo "ListenAddress $(addr "$i")"; done
            cat <<EOF
HostKey $SSHW/host_ed25519
PidFile $SSHW/sshd-$n.pid
AuthorizedKeysFile $SSHW/authorized_keys
AllowUsers $user
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
UseDNS no
PrintMotd no
PrintLastLog no
X11Forwarding no
# a real host has its own sshd: do not throttle the K parallel logins this shared one gets
MaxStartups 1000
MaxSessions 100
Subsystem sftp internal-sftp
LogLevel INFO
EOF
            if [[ -z "${ORRERY_BENCH_PEERS_KEEP_HOME:-}" ]]; then
                echo "# the sessions' HOME: an empty folder, so the user's ~/.bashrc here is not run for each command"
                echo "SetEnv HOME=$SSHW/home"
            fi
        } > "$conf"
        /usr/sbin/sshd -t -f "$conf" || die "sshd refuses its config $conf"
    done
    SSHD_COUNT=$n
}

ssh_start() {
    local n i deadline
    for n in $(seq 1 "$SSHD_COUNT"); do
        /usr/sbin/sshd -D -f "$SSHW/sshd-$n.conf" -E "$SSHW/sshd-$n.log" </dev/null &
        SSHD_PIDS+=($!)
    done
    say "started $SSHD_COUNT sshd (pids ${SSHD_PIDS[*]}) on ${ADDRS[0]}..${ADDRS[-1]} port $SSHD_PORT"
    deadline=$((SECONDS + 15))
    for i in "${ADDRS[@]}"; do
        until listening "$i" "$SSHD_PORT"; do
            for n in "${SSHD_PIDS[@]}"; do kill -0 "$n" 2>/dev/null || die "an sshd stopped; see $SSHW/sshd-*.log"; done
            [[ $SECONDS -lt $deadline ]] || die "sshd does not listen on $i:$SSHD_PORT; see $SSHW/sshd-*.log"
            sleep 0.1
        done
    done
    # One login per host, which also checks the key and fills the private known_hosts.
    for i in "${ADDRS[@]}"; do
        [[ "$(ssh -F "$SSHW/ssh_config" "$i" uname -a 2>"$OUT/ssh-check.err")" == "$EXPECTED" ]] \
            || die "ssh to $i does not work: $(tail -3 "$OUT/ssh-check.err"); see $SSHW/sshd-*.log"
    done
    say "ssh logins work on all $HOSTS addresses"
}

ssh_stop() {
    local p
    for p in ${SSHD_PIDS[@]+"${SSHD_PIDS[@]}"}; do kill -TERM "$p" 2>/dev/null || true; done
    for p in ${SSHD_PIDS[@]+"${SSHD_PIDS[@]}"}; do wait "$p" 2>/dev/null || true; done
    SSHD_PIDS=()
}

# An sshd of an interrupted earlier run (its pid file names a live sshd on our config): stopped.
ssh_leftovers() {
    local f pid
    for f in "$SSHW"/sshd-*.pid; do
        [[ -e "$f" ]] || continue
        pid=$(tr -dc '0-9' < "$f")
        if [[ -n "$pid" ]] && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$SSHW/sshd-"; then
            say "stopping the sshd (pid $pid) left by an earlier run"
            kill -TERM "$pid" 2>/dev/null || true
        fi
        rm -f "$f"
    done
}

# ------------------------------------------------------------------------------------------------ pdsh, ansible

# Checks "<host>\t<line>" pairs in $2: exactly one per address, each the expected line.
check_answers() {
    local tool=$1 file=$2 a got bad=0
    for a in "${ADDRS[@]}"; do
        got=$(awk -F'\t' -v h="$a" '$1 == h' "$file")
        if [[ "$(printf '%s\n' "$got" | grep -c .)" -ne 1 || "${got#*$'\t'}" != "$EXPECTED" ]]; then
            [[ $bad -lt 5 ]] && warn "$tool: host $a answered: ${got:-(nothing)}"
            bad=$((bad + 1))
        fi
    done
    [[ $bad -eq 0 ]] || die "$tool FAILED: $bad of $HOSTS hosts without the correct answer (outputs in $OUT/)"
}

run_pdsh() {
    local tag=$1 t0 t1 rc=0 list
    list=$(IFS=,; echo "${ADDRS[*]}")
    t0=$(now)
    PDSH_SSH_ARGS_APPEND="-F $SSHW/ssh_config" timeout 120 pdsh -S -R ssh -f "$HOSTS" -w "$list" uname -a \
        >"$OUT/pdsh-$tag.out" 2>"$OUT/pdsh-$tag.err" || rc=$?
    t1=$(now)
    [[ $rc -eq 0 ]] || die "pdsh FAILED (exit $rc): $(head -3 "$OUT/pdsh-$tag.err")"
    sed -n 's/^\([0-9.]*\): /\1\t/p' "$OUT/pdsh-$tag.out" > "$OUT/pdsh-$tag.tsv"
    check_answers pdsh "$OUT/pdsh-$tag.tsv"
    LAST=$(elapsed "$t0" "$t1")
}

ansible_setup() {
    mkdir -p "$ANS/home" "$ANS/tmp" "$ANS/remote-tmp"
    : > "$ANS/ansible.cfg"   # no stray ansible.cfg (cwd, ~, /etc) changes the defaults
    { echo "[peers]"; printf '%s\n' "${ADDRS[@]}"; } > "$ANS/hosts.ini"
}

# Closes the ControlPersist masters Ansible left (its default ssh_args keep them 60 s), then any process on
# that control folder still alive.
ansible_masters_stop() {
    local dir=$1 s p
    for s in "$dir"/*; do
        [[ -S "$s" ]] && ssh -o ControlPath="$s" -O exit x >/dev/null 2>&1 || true
    done
    for p in $(pgrep -f -- "$dir/" 2>/dev/null || true); do
        [[ "$p" != "$$" ]] && kill -TERM "$p" 2>/dev/null || true
    done
}

run_ansible() {
    local tag=$1 t0 t1 rc=0 cp="$ANS/cp-$1"
    rm -rf "$cp"; mkdir -p "$cp"
    t0=$(now)
    ANSIBLE_CONFIG="$ANS/ansible.cfg" ANSIBLE_HOME="$ANS/home" ANSIBLE_LOCAL_TEMP="$ANS/tmp" \
    ANSIBLE_REMOTE_TEMP="$ANS/remote-tmp" ANSIBLE_SSH_CONTROL_PATH_DIR="$cp" ANSIBLE_HOST_KEY_CHECKING=False \
    ANSIBLE_SSH_COMMON_ARGS="-F $SSHW/ssh_config" ANSIBLE_REMOTE_PORT="$SSHD_PORT" ANSIBLE_REMOTE_USER="$(id -un)" \
    ANSIBLE_PRIVATE_KEY_FILE="$SSHW/id_ed25519" ANSIBLE_NOCOLOR=1 ANSIBLE_RETRY_FILES_ENABLED=False \
        timeout 300 ansible all -i "$ANS/hosts.ini" -m command -a 'uname -a' -f "$HOSTS" \
        >"$OUT/ansible-$tag.out" 2>"$OUT/ansible-$tag.err" || rc=$?
    t1=$(now)
    ansible_masters_stop "$cp"
    [[ $rc -eq 0 ]] || die "ansible FAILED (exit $rc): $(grep -m3 -E 'UNREACHABLE|FAILED|ERROR' "$OUT/ansible-$tag.out" "$OUT/ansible-$tag.err")"
    awk '/^[0-9.]+ \| CHANGED \| rc=0 >>$/ { h = $1; next } h != "" { print h "\t" $0; h = "" }' \
        "$OUT/ansible-$tag.out" > "$OUT/ansible-$tag.tsv"
    check_answers ansible "$OUT/ansible-$tag.tsv"
    LAST=$(elapsed "$t0" "$t1")
}

# ------------------------------------------------------------------------------------------------ orrery

KARAFS=()

orrery_stop() {
    local agents=() n
    for n in ${KARAFS[@]+"${KARAFS[@]}"}; do [[ "$n" != allinone ]] && agents+=("$n"); done
    [[ ${#agents[@]} -gt 0 ]] && { say "stopping the $HOSTS agents"; stop_karafs "${agents[@]}"; }
    if [[ " ${KARAFS[*]-} " == *" allinone "* ]]; then say "stopping the all-in-one"; stop_karafs allinone; fi
    KARAFS=()
}

orrery_leftovers() {
    local f names=()
    for f in "$RUN"/*.pid; do [[ -e "$f" ]] && names+=("$(basename "$f" .pid)"); done
    [[ ${#names[@]} -gt 0 ]] && { say "stopping Karafs left by an earlier run: ${names[*]}"; stop_karafs "${names[@]}"; }
    return 0
}

orrery_prepare() {
    local dir="$WORK/allinone" cfg i
    unpack "$ALLINONE_TGZ" "$dir" && say "unpacked the all-in-one into .orrery/bench/peers/allinone"
    set_cfg "$dir/etc/org.ops4j.pax.web.cfg" org.ops4j.pax.web.listening.addresses 127.0.0.1
    set_cfg "$dir/etc/org.ops4j.pax.web.cfg" org.osgi.service.http.port "$REST_PORT"
    set_cfg "$dir/etc/org.apache.karaf.shell.cfg" sshPort "$CONSOLE_PORT"
    set_cfg "$dir/etc/org.apache.karaf.shell.cfg" sshHost 127.0.0.1
    cfg=$(cfg_file "$dir" dev.orrery.center.link)
    set_cfg "$cfg" listenHost 127.0.0.1
    set_cfg "$cfg" port "$CENTER_PORT"
    cfg=$(cfg_file "$dir" dev.orrery.channel)
    set_cfg "$cfg" channelId peers-channel
    set_cfg "$cfg" listenHost 127.0.0.1
    set_cfg "$cfg" port "$CHANNEL_PORT"
    set_cfg "$cfg" advertisedAddress "127.0.0.1:$CHANNEL_PORT"
    set_cfg "$cfg" centerHost 127.0.0.1
    set_cfg "$cfg" centerPort "$CENTER_PORT"
    write_identity "$dir" peers-center-agent peers-center
    cfg=$(cfg_file "$dir" dev.orrery.agent)
    set_cfg "$cfg" centerHost 127.0.0.1
    set_cfg "$cfg" centerPort "$CENTER_PORT"

    local unpacked=0
    for i in $(seq 1 "$HOSTS"); do
        dir="$WORK/peer-$i"
        unpack "$AGENT_TGZ" "$dir" 2>/dev/null && unpacked=$((unpacked + 1))   # fresh when the build is newer
        write_identity "$dir" "peer-$i" peers
        set_cfg "$(cfg_file "$dir" dev.orrery.agent.hostinfo)" ips "$(addr "$i")"
        cfg=$(cfg_file "$dir" dev.orrery.agent)
        set_cfg "$cfg" centerHost 127.0.0.1
        set_cfg "$cfg" centerPort "$CENTER_PORT"
        set_cfg "$cfg" reconnectMaxMillis 2000
        if [[ -n "${ORRERY_BENCH_PEERS_TMPFS:-}" ]]; then
            # diagnosis only: the agents' ledger, outbox and spools in memory, so fsync costs nothing
            set_cfg "$cfg" dataDir "$ORRERY_BENCH_PEERS_TMPFS/peer-$i/agent"
            set_cfg "$(cfg_file "$dir" dev.orrery.agent.cmd)" spoolDir "$ORRERY_BENCH_PEERS_TMPFS/peer-$i/spool"
        else
            set_cfg "$cfg" dataDir ""
            set_cfg "$(cfg_file "$dir" dev.orrery.agent.cmd)" spoolDir ""
        fi
        if grep -q 'bindAddress' "$cfg"; then
            set_cfg "$cfg" bindAddress "$(addr "$i")"
        elif [[ $i -eq 1 ]]; then
            warn "this agent build has no bindAddress setting: the agents connect from 127.0.0.1 (rebuild distribution/agent)"
        fi
    done
    [[ $unpacked -gt 0 ]] && say "unpacked $unpacked agent(s) into .orrery/bench/peers/peer-*"
    return 0
}

orrery_api() { ORRERY_URL="$API_URL" ORRERY_KEY_FILE="$KEY_JSON" python3 "$PY" "$@"; }

wait_for() {
    local what=$1 deadline=$((SECONDS + TIMEOUT)) next=$((SECONDS + 10)) name pid up
    shift
    until "$@" >/dev/null 2>&1; do
        for name in ${KARAFS[@]+"${KARAFS[@]}"}; do
            pid=$(cat "$RUN/$name.pid" 2>/dev/null || true)
            kill -0 "$pid" 2>/dev/null || die "$name stopped while waiting for $what; see $WORK/$name/data/log/karaf.log"
        done
        [[ $SECONDS -lt $deadline ]] || die "timed out after $TIMEOUT s waiting for $what (logs: $WORK/<name>/data/log/karaf.log)"
        if [[ $SECONDS -ge $next ]]; then
            up=$(orrery_api online "${PEERS[@]}" 2>/dev/null) || true
            say "  waiting for $what... (${up:-0} of $HOSTS agents ONLINE)"
            next=$((SECONDS + 10))
        fi
        sleep 0.5
    done
}

health_ok() { curl -fsS -o /dev/null --max-time 3 "$API_URL/health"; }

orrery_start() {
    local t=$SECONDS i
    say "starting the all-in-one (center $CENTER_PORT, channel $CHANNEL_PORT, REST $REST_PORT) and $HOSTS agents"
    start_karaf allinone
    KARAFS+=(allinone)
    wait_for "the REST API on $REST_PORT" health_ok
    wait_for "the admin key" test -s "$KEY_JSON"
    # the agents only once the center answers: on 2 cores, 20 Karafs starting with it slow it down
    say "center up after $((SECONDS - t)) s; starting the $HOSTS agents"
    for i in $(seq 1 "$HOSTS"); do
        # TLS (docs/tls.md): each agent enrolls with the all-in-one's CA and default agent token
        mkdir -p "$WORK/peer-$i/data/orrery"
        install -m 600 "$WORK/allinone/data/orrery/ca.pem" "$WORK/allinone/data/orrery/enroll-agent.token" "$WORK/peer-$i/data/orrery/"
        start_karaf "peer-$i"; KARAFS+=("peer-$i")
    done
    wait_for "all $HOSTS agents ONLINE" orrery_api online "${PEERS[@]}"
    say "all $HOSTS agents ONLINE after $((SECONDS - t)) s; letting them settle for 5 s"
    if command -v ss >/dev/null 2>&1; then
        say "  channel connections from the hosts' own addresses: $(ss -Htn state established "( dport = :$CHANNEL_PORT )" \
            | awk '{ a = $3; sub(/:[0-9]+$/, "", a); gsub(/[][]/, "", a); sub(/^::ffff:/, "", a); print a }' \
            | grep -c "^$NET\." || true) of $HOSTS"
    fi
    sleep 5
}

run_orrery() {
    local tag=$1 rc=0
    ORRERY_RESULTS_FILE="$OUT/orrery-$tag.json" orrery_api run "$EXPECTED" "${PEERS[@]}" >"$OUT/orrery-$tag.out" 2>"$OUT/orrery-$tag.err" || rc=$?
    [[ $rc -eq 0 ]] || die "orrery FAILED: $(cat "$OUT/orrery-$tag.err")"
    sed 's/^/      /' "$OUT/orrery-$tag.out" | tail -n +2
    LAST=$(sed -n 's/^elapsed_s=\([0-9.]*\).*/\1/p' "$OUT/orrery-$tag.out" | head -1)
    [[ -n "$LAST" ]] || die "orrery FAILED: no timing in $OUT/orrery-$tag.out"
}

# ------------------------------------------------------------------------------------------------ main

# Every tool wanted runs once untimed (warm-up), then the tools take turns, $RUNS rounds, so that a change in
# the machine's background load hits them alike. Sets TIMES[tool] (the timed runs) and MEDIAN[tool].
declare -A TIMES=() MEDIAN=()

measure_all() {
    local tool r
    for tool in "$@"; do
        say "$tool: warm-up run (not counted)"
        "run_$tool" warmup
        say "$tool warm-up: $LAST s"
    done
    for r in $(seq 1 "$RUNS"); do
        for tool in "$@"; do
            sleep 1
            "run_$tool" "$r"
            TIMES[$tool]="${TIMES[$tool]-}${TIMES[$tool]:+ }$LAST"
            say "$tool run $r/$RUNS: $LAST s ($HOSTS of $HOSTS answers correct; load $(cut -d' ' -f1 /proc/loadavg))"
        done
    done
    for tool in "$@"; do
        # shellcheck disable=SC2086
        MEDIAN[$tool]=$(median ${TIMES[$tool]})
        say "$tool: median ${MEDIAN[$tool]} s of ${TIMES[$tool]}"
    done
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    orrery_stop
    local cp
    for cp in "$ANS"/cp-*; do [[ -d "$cp" ]] && ansible_masters_stop "$cp"; done
    ssh_stop
    exit "$rc"
}

for tool in java curl tar awk python3 setsid; do command -v "$tool" >/dev/null 2>&1 || die "'$tool' is required"; done
[[ -f "$ALLINONE_TGZ" ]] || die "no all-in-one distribution at $ALLINONE_TGZ (build: mvn -B -q install -DskipTests)"
[[ -f "$AGENT_TGZ" ]] || die "no agent distribution at $AGENT_TGZ (build: mvn -B -q install -DskipTests)"
mkdir -p "$WORK" "$RUN" "$OUT"
rm -f "$OUT"/*
orrery_leftovers
ssh_leftovers
for port in "$CENTER_PORT" "$CONSOLE_PORT" "$CHANNEL_PORT" "$REST_PORT" "$SSHD_PORT"; do
    listening 127.0.0.1 "$port" && die "port $port on 127.0.0.1 is taken by another program; this bench needs $CENTER_PORT, $CONSOLE_PORT, $CHANNEL_PORT, $SSHD_PORT and $REST_PORT (move them all with ORRERY_BENCH_PEERS_PORT=<base>)"
done
for a in "${ADDRS[@]}"; do
    listening "$a" "$SSHD_PORT" && die "port $SSHD_PORT on $a is taken by another program (move it with ORRERY_BENCH_PEERS_PORT=<base>)"
done
EXPECTED=$(uname -a)
say "$HOSTS hosts ${ADDRS[0]}..${ADDRS[-1]}, $RUNS timed runs per tool; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
say "the command: uname -a, expected answer: $EXPECTED"

trap cleanup EXIT
trap 'exit 130' INT TERM
TOOL_LIST=()
for tool in pdsh ansible orrery; do wants "$tool" && TOOL_LIST+=("$tool"); done
if wants pdsh || wants ansible; then
    ensure_packages
    ssh_setup
    ssh_start
    ansible_setup
fi
if wants orrery; then
    orrery_prepare
    orrery_start
fi
measure_all "${TOOL_LIST[@]}"
orrery_stop
ssh_stop
PDSH_S=${MEDIAN[pdsh]:-n/a}; ANSIBLE_S=${MEDIAN[ansible]:-n/a}; ORRERY_S=${MEDIAN[orrery]:-n/a}

trap - EXIT INT TERM
ratio() { awk -v o="$1" -v t="$2" 'BEGIN { if (o + 0 > 0 && t + 0 > 0) printf "%.1fx", t / o; else print "n/a" }'; }
say "whole run: $((SECONDS - BENCH_START)) s; Orrery is $(ratio "$ORRERY_S" "$PDSH_S") faster than pdsh and $(ratio "$ORRERY_S" "$ANSIBLE_S") faster than Ansible (outputs: .orrery/bench/peers/out/)"
echo "peers hosts=$HOSTS orrery_s=$ORRERY_S pdsh_s=$PDSH_S ansible_s=$ANSIBLE_S"
