#!/bin/sh
# top-processes [N] [cpu|mem]
#   The N processes (default 10, 1..100) using the most cpu (default) or mem, from
#   ps -eo pid,user,pcpu,pmem,rss,etime,comm; the arguments may come in either order.
# Exit: 0 listed, 1 ps failed, 2 bad arguments. Reads only; writes nothing.
set -u
LC_ALL=C
export LC_ALL

MAX_COUNT=100

fail_usage() {
    echo "top-processes: $1" >&2
    echo "usage: top-processes [N] [cpu|mem]   (N from 1 to $MAX_COUNT, default 10; sort by cpu by default)" >&2
    exit 2
}

count=""
key=""
if [ "$#" -gt 2 ]; then
    fail_usage "too many arguments: $#"
fi
for a in "$@"; do
    case $a in
        cpu|mem)
            [ -z "$key" ] || fail_usage "the sort key is given twice"
            key=$a
            ;;
        ''|*[!0-9]*)
            fail_usage "not a count nor a sort key: '$a'"
            ;;
        *)
            [ -z "$count" ] || fail_usage "the count is given twice"
            # At most 3 digits before any arithmetic, so no overflow; leading zeros are fine.
            digits=$(printf '%s' "$a" | sed 's/^0*//')
            [ "${#digits}" -le 3 ] || fail_usage "count out of range: $a (1 to $MAX_COUNT)"
            count=$((${digits:-0} + 0))
            if [ "$count" -lt 1 ] || [ "$count" -gt "$MAX_COUNT" ]; then
                fail_usage "count out of range: $a (1 to $MAX_COUNT)"
            fi
            ;;
    esac
done
[ -n "$count" ] || count=10
[ -n "$key" ] || key=cpu

# Fields: 1 pid, 2 user, 3 pcpu, 4 pmem, 5 rss, 6 etime, 7.. comm (may contain blanks).
if [ "$key" = cpu ]; then
    order="-k3,3nr -k4,4nr"
else
    order="-k4,4nr -k5,5nr"
fi
list=$(ps -eo pid=,user=,pcpu=,pmem=,rss=,etime=,comm= 2>/dev/null) || {
    echo "top-processes: ps failed" >&2
    exit 1
}
total=$(printf '%s\n' "$list" | grep -c .)

printf '%7s %-12s %6s %6s %10s %12s  %s\n' PID USER %CPU %MEM RSS_KB ELAPSED COMMAND
# shellcheck disable=SC2086 # $order is several sort keys on purpose
printf '%s\n' "$list" | sort -b $order | head -n "$count" | awk '{
    comm = $7
    for (i = 8; i <= NF; i++) comm = comm " " $i
    printf "%7s %-12s %6s %6s %10s %12s  %s\n", $1, substr($2, 1, 12), $3, $4, $5, $6, comm
}'
echo
echo "summary: top $count of $total processes by $key"
