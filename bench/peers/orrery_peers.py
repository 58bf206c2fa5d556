#!/usr/bin/env python3
"""Signed Orrery REST calls for bench/peers.sh: waits for hosts ONLINE, times one command to DONE.

  orrery_peers.py online HOST...        exit 0 when every HOST is ONLINE (prints how many are)
  orrery_peers.py run EXPECTED HOST...  POST /cmd {"targets":{"hosts":[HOST...]},"command":"uname -a"}, polls
                                        GET /tasks/{id} until DONE, checks GET /tasks/{id}/results (one
                                        SUCCEEDED result per HOST whose stdout is the line EXPECTED), prints
                                        "elapsed_s=<s> task=<id>" then where the time went, per host.

Environment: ORRERY_URL (API base, e.g. http://127.0.0.1:17881/api/v1), ORRERY_KEY_FILE (the key JSON),
ORRERY_COMMAND (default "uname -a"), ORRERY_RESULTS_FILE (run: where to write the task's
results and timestamps as JSON). The signing follows bin/orrery-api (and docs/design): base64 of
HMAC-SHA256(secret, METHOD \\n path?query \\n epoch-ms \\n nonce \\n hex sha256(body)).
Exit status: 0 ok, 1 a check failed (the reason on stderr), 2 usage or the API unreachable.
"""
import base64
import hashlib
import hmac
import http.client
import json
import os
import secrets
import statistics
import sys
import time
import urllib.parse

POLL_SECONDS = 0.005   # between two GET /tasks/{id} while waiting for DONE (each GET takes ~2-5 ms): ~10 ms resolution
TIMEOUT_SECONDS = 120


class Api:
    def __init__(self, url, key_file):
        u = urllib.parse.urlsplit(url.rstrip("/"))
        self.host, self.port, self.base = u.hostname, u.port or 80, u.path
        with open(key_file, encoding="utf-8") as f:
            key = json.load(f)
        self.key_id, self.secret = key["keyId"], key["secret"].encode("utf-8")
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)

    def call(self, method, path, body=None):
        data = b"" if body is None else json.dumps(body).encode("utf-8")
        full = self.base + path
        ts = str(int(time.time() * 1000))
        nonce = secrets.token_hex(16)
        canonical = "\n".join([method, full, ts, nonce, hashlib.sha256(data).hexdigest()])
        sig = base64.b64encode(hmac.new(self.secret, canonical.encode("utf-8"), hashlib.sha256).digest()).decode()
        headers = {"Accept": "application/json", "X-Orrery-Key": self.key_id, "X-Orrery-Timestamp": ts,
                   "X-Orrery-Nonce": nonce, "X-Orrery-Signature": sig}
        if body is not None:
            headers["Content-Type"] = "application/json"
        for attempt in (1, 2):  # a kept-alive connection the server closed: reconnect once
            try:
                self.conn.request(method, full, body=data if body is not None else None, headers=headers)
                resp = self.conn.getresponse()
                text = resp.read().decode("utf-8")
                break
            except (http.client.HTTPException, OSError):
                self.conn.close()
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
                if attempt == 2:
                    raise
        if resp.status // 100 != 2:
            raise RuntimeError(f"{method} {path}: HTTP {resp.status} {text[:300]}")
        return json.loads(text) if text else {}


def online(api, hosts):
    out = api.call("GET", "/hosts?status=ONLINE&limit=10000")
    up = {h["hostId"] for h in out.get("hosts", [])}
    n = sum(1 for h in hosts if h in up)
    print(n)
    return 0 if n == len(hosts) else 1


def ms(a, b):
    return None if a is None or b is None else b - a


def spread(values):
    v = sorted(x for x in values if x is not None)
    if not v:
        return "n/a"
    return f"median {statistics.median(v):.0f} ms, min {v[0]} ms, max {v[-1]} ms"


def run(api, expected, hosts):
    command = os.environ.get("ORRERY_COMMAND", "uname -a")
    body = {"targets": {"hosts": hosts}, "command": command}
    t_wall0 = time.time()
    t0 = time.perf_counter()
    task = api.call("POST", "/cmd", body)
    t_posted = time.perf_counter()
    task_id = task["taskId"]
    polls = 0
    while True:
        state = api.call("GET", f"/tasks/{task_id}")
        polls += 1
        if state.get("state") == "DONE":
            break
        if time.perf_counter() - t0 > TIMEOUT_SECONDS:
            print(f"orrery: task {task_id} not DONE after {TIMEOUT_SECONDS} s: {json.dumps(state)}", file=sys.stderr)
            return 1
        time.sleep(POLL_SECONDS)
    t1 = time.perf_counter()
    t_wall1 = time.time()
    elapsed = t1 - t0

    results = api.call("GET", f"/tasks/{task_id}/results?limit={min(1000, max(100, len(hosts) * 2))}").get("results", [])
    by_host = {}
    for r in results:
        by_host.setdefault(r["hostId"], []).append(r)
    bad = []
    for h in hosts:
        rs = by_host.get(h, [])
        if len(rs) != 1:
            bad.append(f"{h}: {len(rs)} results")
            continue
        r = rs[0]
        out = (r.get("stdout") or "").rstrip("\n")
        if r.get("state") != "SUCCEEDED" or out != expected:
            bad.append(f"{h}: state {r.get('state')} exit {r.get('exitCode')} stdout {out!r} error {r.get('error')}")
    extra = sorted(set(by_host) - set(hosts))
    if extra:
        bad.append(f"results from hosts not targeted: {extra}")
    if bad:
        print(f"orrery: task {task_id}: {len(hosts) - len(bad)} of {len(hosts)} correct answers; wrong:", file=sys.stderr)
        for b in bad[:20]:
            print("  " + b, file=sys.stderr)
        return 1

    dump = os.environ.get("ORRERY_RESULTS_FILE")
    if dump:
        with open(dump, "w", encoding="utf-8") as f:
            json.dump({"taskId": task_id, "postWallMs": int(t_wall0 * 1000), "doneWallMs": int(t_wall1 * 1000),
                       "elapsedSeconds": elapsed, "polls": polls, "results": results}, f, indent=1)
    print(f"elapsed_s={elapsed:.4f} task={task_id} post_ms={(t_posted - t0) * 1000:.1f} polls={polls} "
          f"answers={len(hosts)}/{len(hosts)}")
    ts = [r["timestamps"] | {"updatedAt": r.get("updatedAt")} for r in results]
    post_ms = int(t_wall0 * 1000)
    done_ms = int(t_wall1 * 1000)
    created = [t["created"] for t in ts if t.get("created") is not None]
    print(f"  POST sent -> task created (center):   {spread([ms(post_ms, c) for c in created])}")
    print(f"  created -> dispatched (center):       {spread([ms(t['created'], t['dispatched']) for t in ts])}")
    print(f"  dispatched -> received (agent ack):   {spread([ms(t['dispatched'], t['received']) for t in ts])}")
    print(f"  received -> started (agent):          {spread([ms(t['received'], t['started']) for t in ts])}")
    print(f"  started -> finished (the command):    {spread([ms(t['started'], t['finished']) for t in ts])}")
    print(f"  finished -> stored (result at center): {spread([ms(t['finished'], t['updatedAt']) for t in ts])}")
    disp = sorted(t["dispatched"] for t in ts if t.get("dispatched") is not None)
    if disp:
        print(f"  dispatch of the {len(disp)} hosts:        first {disp[0] - post_ms} ms after POST, last "
              f"{disp[-1] - post_ms} ms (spread {disp[-1] - disp[0]} ms)")
    last = max((t["updatedAt"] for t in ts if t.get("updatedAt") is not None), default=None)
    if last is not None:
        print(f"  last result stored -> DONE seen:      {done_ms - last} ms (poll every {POLL_SECONDS * 1000:.0f} ms)")
    return 0


def main(argv):
    if len(argv) < 2 or argv[1] not in ("online", "run"):
        print(__doc__, file=sys.stderr)
        return 2
    try:
        api = Api(os.environ.get("ORRERY_URL", "http://127.0.0.1:8181/api/v1"), os.environ["ORRERY_KEY_FILE"])
        if argv[1] == "online":
            return online(api, argv[2:])
        if len(argv) < 4:
            print(__doc__, file=sys.stderr)
            return 2
        return run(api, argv[2], argv[3:])
    except (OSError, RuntimeError, KeyError, ValueError, http.client.HTTPException) as e:
        print(f"orrery: {type(e).__name__}: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
