#!/bin/sh
# log-tail FILE [LINES] [PATTERN]
#   The last LINES lines (default 100, 1..5000) of the regular, readable FILE; with PATTERN (a fixed
#   string, not a regular expression, 1..256 characters) only the last LINES lines containing it.
#   Bounded: reads at most the last 64 MiB of the file, prints lines cut to 4096 characters.
#   Refuses what is not a regular file (directories, devices, pipes, sockets) and anything under
#   /proc, /sys or /dev (reads there may block or never end).
# Exit: 0 printed (possibly nothing), 1 reading failed, 2 bad arguments or a file it refuses.
set -u
LC_ALL=C
export LC_ALL

MAX_LINES=5000
MAX_PATTERN=256
BYTE_CAP=67108864
LINE_CAP=4096

fail_usage() {
    echo "log-tail: $1" >&2
    echo "usage: log-tail FILE [LINES] [PATTERN]   (LINES 1 to $MAX_LINES, default 100; PATTERN a fixed string)" >&2
    exit 2
}

refuse() {
    echo "log-tail: $file: $1" >&2
    exit 2
}

if [ "$#" -lt 1 ] || [ "$#" -gt 3 ]; then
    fail_usage "expected 1 to 3 arguments, got $#"
fi
file=$1
lines=100
pattern=""
has_pattern=false

[ -n "$file" ] || fail_usage "empty file name"
case $file in
    -*) file="./$file" ;;
esac

if [ "$#" -ge 2 ]; then
    case $2 in
        ''|*[!0-9]*) fail_usage "LINES is not a number: '$2'" ;;
    esac
    # At most 4 significant digits before any arithmetic (no overflow, no octal).
    digits=$(printf '%s' "$2" | sed 's/^0*//')
    [ "${#digits}" -le 4 ] || fail_usage "LINES out of range: $2 (1 to $MAX_LINES)"
    lines=$((${digits:-0} + 0))
    if [ "$lines" -lt 1 ] || [ "$lines" -gt "$MAX_LINES" ]; then
        fail_usage "LINES out of range: $2 (1 to $MAX_LINES)"
    fi
fi

if [ "$#" -eq 3 ]; then
    pattern=$3
    has_pattern=true
    [ -n "$pattern" ] || fail_usage "empty PATTERN"
    [ "${#pattern}" -le "$MAX_PATTERN" ] || fail_usage "PATTERN longer than $MAX_PATTERN characters"
    # A newline would make grep -F search for several strings.
    case $pattern in
        *'
'*) fail_usage "PATTERN must not contain a newline" ;;
    esac
fi

# What the file is, after following symbolic links.
if [ ! -e "$file" ]; then
    if [ -L "$file" ]; then
        refuse "dangling symbolic link"
    fi
    refuse "no such file"
fi
if [ -d "$file" ]; then
    refuse "is a directory"
fi
if [ -b "$file" ] || [ -c "$file" ]; then
    refuse "refused: a device file"
fi
if [ -p "$file" ] || [ -S "$file" ]; then
    refuse "refused: a pipe or socket"
fi
real=$(readlink -f -- "$file" 2>/dev/null || printf '%s' "$file")
case $real in
    /proc|/proc/*|/sys|/sys/*|/dev|/dev/*) refuse "refused: under /proc, /sys or /dev ($real)" ;;
esac
if [ ! -f "$file" ]; then
    refuse "refused: not a regular file"
fi
if [ ! -r "$file" ]; then
    refuse "not readable"
fi

# tail -c seeks to the end of a regular file: the read is bounded by BYTE_CAP whatever the size.
# tail's exit status comes back through fd 3 (no pipefail in POSIX sh); the lines go to fd 4 = stdout.
exec 4>&1
read_status=$(
    {
        { tail -c "$BYTE_CAP" -- "$file"; echo "$?" >&3; } |
            if [ "$has_pattern" = true ]; then grep -F -e "$pattern"; else cat; fi |
            tail -n "$lines" | cut -c "1-$LINE_CAP" >&4
    } 3>&1
)
exec 4>&-
if [ "$read_status" != 0 ]; then
    echo "log-tail: $file: could not be read (tail exit $read_status)" >&2
    exit 1
fi
exit 0
