#!/usr/bin/env python3
# test-delay-proxy.py
#
# Copyright 2026 The Vitrine authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""The delay proxy's own test (TAP): a measurement tool is checked against
what it claims, with wide tolerances since it runs on a shared machine.

Through delay-proxy.py --delay 40 --rate 20 in front of an echo/source
server on 127.0.0.1:
  1. a byte echoed on an open connection comes back after ~2 × 40 ms;
  2. a new connection's first answer takes ~4 × 40 ms (handshake + request);
  3. 2 MB downloaded arrive at ~20 Mbit/s;
  4. two connections downloading at once share the 20 Mbit/s;
  5. the bytes arrive unchanged, in order, in both directions.
"""

import os
import socket
import statistics
import subprocess
import sys
import threading
import time

HERE = os.path.dirname (os.path.abspath (__file__))
PROXY = os.path.join (HERE, "delay-proxy.py")
DELAY_MS = 40.0
RATE_MBIT = 20.0
BULK = 2 * 1000 * 1000

results = []


def check (ok, name, detail):
    results.append ((ok, name, detail))
    print ("%s %d - %s (%s)" % ("ok" if ok else "not ok", len (results), name, detail), flush=True)


def serve (listener):
    """Echo server: 'E' + byte echoes one byte; 'B' + 8 digits sends that many bytes;
    'X' + 8 digits reads that many bytes, then answers their sum mod 256."""
    def one (conn):
        with conn:
            conn.setsockopt (socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            f = conn.makefile ("rb")
            while True:
                cmd = f.read (1)
                if not cmd:
                    return
                if cmd == b"E":
                    conn.sendall (f.read (1))
                elif cmd == b"B":
                    n = int (f.read (8))
                    block = bytes (range (256)) * 64
                    sent = 0
                    while sent < n:
                        part = block[:min (len (block), n - sent)]
                        conn.sendall (part)
                        sent += len (part)
                elif cmd == b"X":
                    n = int (f.read (8))
                    data = f.read (n)
                    conn.sendall (bytes ([sum (data) % 256]) + data[-16:])

    while True:
        try:
            conn, _ = listener.accept ()
        except OSError:
            return
        threading.Thread (target=one, args=(conn,), daemon=True).start ()


def recv_exact (sock, n):
    buf = bytearray ()
    while len (buf) < n:
        part = sock.recv (min (1 << 16, n - len (buf)))
        if not part:
            raise ConnectionError ("closed after %d of %d bytes" % (len (buf), n))
        buf += part
    return bytes (buf)


def download (port, n, out, index):
    with socket.create_connection (("127.0.0.1", port)) as s:
        s.sendall (b"B%08d" % n)
        first = recv_exact (s, 1)
        t0 = time.monotonic ()
        rest = recv_exact (s, n - 1)
        out[index] = (t0, time.monotonic (), first + rest)


def main ():
    listener = socket.socket ()
    listener.bind (("127.0.0.1", 0))
    listener.listen (16)
    threading.Thread (target=serve, args=(listener,), daemon=True).start ()
    target = listener.getsockname ()[1]

    proxy = subprocess.Popen ([sys.executable, PROXY, "--target", str (target),
                               "--delay", str (DELAY_MS), "--rate", str (RATE_MBIT)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    line = proxy.stdout.readline ().split ()
    if len (line) != 2 or line[0] != "READY":
        print ("Bail out! the proxy said %r" % line)
        return 1
    port = int (line[1])
    print ("1..5", flush=True)
    rtt = DELAY_MS * 2 / 1000.0
    rate = RATE_MBIT * 1e6

    try:
        # 2: a new connection's first answer.
        t0 = time.monotonic ()
        s = socket.create_connection (("127.0.0.1", port))
        s.setsockopt (socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        s.sendall (b"Ea")
        recv_exact (s, 1)
        first = time.monotonic () - t0
        # 1: round trips on the open connection.
        rtts = []
        for i in range (8):
            t0 = time.monotonic ()
            s.sendall (b"E" + bytes ([i]))
            got = recv_exact (s, 1)
            rtts.append (time.monotonic () - t0)
            assert got == bytes ([i])
        s.close ()
        med = statistics.median (rtts)
        check (rtt * 0.95 <= med <= rtt * 1.5, "round trip on an open connection ≈ 2 × delay",
               "median %.1f ms, expected %.0f ms" % (med * 1000, rtt * 1000))
        check (2 * rtt * 0.95 <= first <= 2 * rtt * 1.5,
               "first answer on a new connection ≈ 4 × delay",
               "%.1f ms, expected %.0f ms" % (first * 1000, 2 * rtt * 1000))

        # 3: one download at the cap.
        out = [None]
        download (port, BULK, out, 0)
        t0, t1, data = out[0]
        got = (BULK - 1) * 8 / (t1 - t0)
        check (0.75 * rate <= got <= 1.15 * rate, "one download runs at the cap",
               "%.1f Mbit/s, cap %.0f" % (got / 1e6, RATE_MBIT))
        expect = (bytes (range (256)) * ((BULK // 256) + 1))[:BULK]
        intact = data == expect

        # 4: two at once share it.
        out = [None, None]
        threads = [threading.Thread (target=download, args=(port, BULK // 2, out, i)) for i in range (2)]
        for t in threads:
            t.start ()
        for t in threads:
            t.join ()
        span = max (o[1] for o in out) - min (o[0] for o in out)
        got = (BULK - 2) * 8 / span
        check (0.75 * rate <= got <= 1.15 * rate, "two downloads share the cap",
               "%.1f Mbit/s together, cap %.0f" % (got / 1e6, RATE_MBIT))

        # 5: upstream bytes arrive whole and in order too.
        payload = os.urandom (300 * 1000)
        with socket.create_connection (("127.0.0.1", port)) as s:
            s.sendall (b"X%08d" % len (payload) + payload)
            answer = recv_exact (s, 17)
        intact = intact and answer == bytes ([sum (payload) % 256]) + payload[-16:]
        check (intact, "bytes pass unchanged both ways", "checked %d down, %d up" % (BULK, len (payload)))
    finally:
        proxy.stdin.close ()
        try:
            proxy.wait (5)
        except subprocess.TimeoutExpired:
            proxy.kill ()
            proxy.wait ()
        listener.close ()
    return 0 if all (r[0] for r in results) else 1


if __name__ == "__main__":
    sys.exit (main ())
