# slow-server.py
#
# Copyright 2026 The Vitrine authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""The test bed's slow and flaky manifest routes (run through mod_cgi).

mod_rewrite sends the manifests of ghent-objects.json's "slow_servers"
here with ?id=<object id>. Each behaves as api.collectie.gent does when
its manifest generator is slow:
  * "delay": N   the answer starts after N seconds (nothing is sent
                 before, not even headers);
  * "fail": {"status": S, "times": T}
                 of every T + 1 requests, the first T answer S with the
                 page an nginx gateway sends, the last one the manifest.
The manifests were rendered at start into RUNTIME/slow/<id>.json with
RUNTIME/slow/behaviours.json beside them; the request count of each object
is kept in RUNTIME/state/<id>.count, under a lock, so that concurrent
requests count right. RUNTIME is the test bed's temporary directory, three
levels above this copy of the script (RUNTIME/www/_testbed/).
"""

import fcntl
import json
import os
import sys
import time
import urllib.parse

RUNTIME = os.path.dirname (os.path.dirname (os.path.dirname (os.path.abspath (__file__))))
REASONS = {502: "Bad Gateway", 503: "Service Temporarily Unavailable", 504: "Gateway Time-out"}


def file_name (object_id):
    # Object ids hold ':' and '.', never '/'; keep the name plain anyway.
    return urllib.parse.quote (object_id, safe="")


def count_request (object_id):
    """Returns how many requests for OBJECT_ID came before this one."""
    state = os.path.join (RUNTIME, "state")
    os.makedirs (state, exist_ok=True)
    with open (os.path.join (state, file_name (object_id) + ".count"), "a+") as f:
        fcntl.flock (f, fcntl.LOCK_EX)
        f.seek (0)
        text = f.read ().strip ()
        n = int (text) if text.isdigit () else 0
        f.seek (0)
        f.truncate ()
        f.write ("%d\n" % (n + 1))
        return n


def answer (status, content_type, data):
    headers = ["Status: %d" % status, "Access-Control-Allow-Origin: *",
               "Content-Type: " + content_type, "Content-Length: %d" % len (data)]
    sys.stdout.buffer.write (("\r\n".join (headers) + "\r\n\r\n").encode ("ascii") + data)
    sys.stdout.flush ()


def gateway_page (status):
    reason = REASONS.get (status, "Error")
    return ("<html>\r\n<head><title>%d %s</title></head>\r\n<body>\r\n"
            "<center><h1>%d %s</h1></center>\r\n<hr><center>nginx</center>\r\n"
            "</body>\r\n</html>\r\n" % (status, reason, status, reason)).encode ("ascii")


def main ():
    query = urllib.parse.parse_qs (os.environ.get ("QUERY_STRING", ""))
    object_id = query.get ("id", [""])[0]
    with open (os.path.join (RUNTIME, "slow", "behaviours.json"), encoding="utf-8") as f:
        behaviour = json.load (f).get (object_id)
    if behaviour is None:
        answer (404, "application/json",
                (json.dumps ({"message": "Item with id %s doesn't exist in collection entities"
                                         % object_id}) + "\n").encode ("utf-8"))
        return

    n = count_request (object_id)
    fail = behaviour.get ("fail")
    if fail and n % (fail["times"] + 1) < fail["times"]:
        answer (fail["status"], "text/html", gateway_page (fail["status"]))
        return

    time.sleep (behaviour.get ("delay", 0))
    with open (os.path.join (RUNTIME, "slow", file_name (object_id) + ".json"), "rb") as f:
        answer (200, "application/ld+json", f.read ())


if __name__ == "__main__":
    main ()
