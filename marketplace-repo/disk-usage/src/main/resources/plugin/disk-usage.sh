#!/bin/sh
# disk-usage [PATH...]
#   Usage of every local filesystem (df -P, fullest first) and, for each PATH given (at most 16),
#   its size from du -sk (one filesystem only, symbolic links not followed, 30 s per path),
#   largest first, then a one-line summary.
# Exit: 0 all measured, 1 a path could not be measured (missing, timed out, unreadable parts),
#       2 bad arguments. Reads only; writes nothing.
set -u
LC_ALL=C
export LC_ALL

MAX_PATHS=16
PATH_SECONDS=30
FULL_PERCENT=90

fail_usage() {
    echo "disk-usage: $1" >&2
    echo "usage: disk-usage [PATH...]   (at most $MAX_PATHS paths)" >&2
    exit 2
}

if [ "$#" -gt "$MAX_PATHS" ]; then
    fail_usage "too many paths: $# (at most $MAX_PATHS)"
fi
nl='
'
tab=$(printf '\t')
for p in "$@"; do
    case $p in
        '') fail_usage "empty path" ;;
        -*) fail_usage "not a path: $p (options are not accepted; write ./$p)" ;;
        *"$nl"*|*"$tab"*) fail_usage "a path must not contain a newline or a tab" ;;
    esac
done

# -l (local filesystems only) is GNU/BSD; busybox df has no -l, so fall back to all.
df_out=$(df -P -k -l 2>/dev/null) || df_out=$(df -P -k 2>/dev/null) || {
    echo "disk-usage: df failed" >&2
    exit 1
}

echo "== Filesystems (df -P, fullest first) =="
printf '%-24s %12s %12s %12s %5s  %s\n' FILESYSTEM SIZE_KB USED_KB AVAIL_KB USE% MOUNTED_ON
# Each row: use% <TAB> mount point <TAB> the printed line; sorted fullest first.
fs_rows=$(printf '%s\n' "$df_out" | awk 'NR > 1 && $2 + 0 > 0 {
        use = $5; sub(/%$/, "", use)
        mount = $6
        for (i = 7; i <= NF; i++) mount = mount " " $i
        printf "%d\t%s\t%-24s %12s %12s %12s %4s%%  %s\n", use, mount, $1, $2, $3, $4, use, mount
    }' | sort -t "$tab" -k1,1nr)
fs_count=0
fs_full=0
fullest="none"
if [ -n "$fs_rows" ]; then
    printf '%s\n' "$fs_rows" | cut -f3-
    fs_count=$(printf '%s\n' "$fs_rows" | wc -l | tr -d ' ')
    fs_full=$(printf '%s\n' "$fs_rows" | awk -F '\t' -v lim="$FULL_PERCENT" '$1 >= lim { n++ } END { print n + 0 }')
    fullest=$(printf '%s\n' "$fs_rows" | head -n 1 | awk -F '\t' '{ print $2 " at " $1 "%" }')
fi

# du with a per-path time limit when timeout(1) exists (coreutils, busybox); else rely on the task's deadline.
if command -v timeout >/dev/null 2>&1; then
    limit="timeout $PATH_SECONDS"
else
    limit=""
fi

status=0
if [ "$#" -gt 0 ]; then
    echo
    echo "== Paths (du -skx, largest first) =="
    printf '%12s  %s\n' SIZE_KB PATH
    rows=""
    for p in "$@"; do
        if [ ! -e "$p" ] && [ ! -L "$p" ]; then
            echo "disk-usage: $p: no such file or directory" >&2
            status=1
            continue
        fi
        # shellcheck disable=SC2086 # $limit is empty or two words on purpose
        out=$($limit du -s -k -x -- "$p" 2>/dev/null)
        rc=$?
        size=$(printf '%s\n' "$out" | tail -n 1 | awk '{ print $1 }')
        if [ "$rc" -eq 124 ]; then
            echo "disk-usage: $p: timed out after $PATH_SECONDS s" >&2
            status=1
            continue
        fi
        case $size in
            ''|*[!0-9]*) echo "disk-usage: $p: could not be measured (du exit $rc)" >&2; status=1; continue ;;
        esac
        # du exits 1 when parts of the tree were unreadable: the total is then a lower bound.
        if [ "$rc" -ne 0 ]; then
            echo "disk-usage: $p: some entries could not be read, size is a lower bound" >&2
            status=1
        fi
        rows="$rows$size$tab$p$nl"
    done
    if [ -n "$rows" ]; then
        printf '%s' "$rows" | sort -t "$tab" -k1,1nr | awk -F '\t' '{ printf "%12s  %s\n", $1, $2 }'
    fi
fi

echo
echo "summary: $fs_count filesystems, fullest $fullest, $fs_full at or above $FULL_PERCENT%"
exit "$status"
