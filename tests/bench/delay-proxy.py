#!/usr/bin/env python3
# delay-proxy.py
#
# Copyright 2026 The Vitrine authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""A TCP proxy that makes 127.0.0.1 look like a far server: a measurement
tool for the network benchmark, never part of the app.

  delay-proxy.py --target PORT [--listen PORT] [--delay MS] [--rate MBIT]

Every connection to 127.0.0.1:LISTEN is forwarded to 127.0.0.1:TARGET. Each
chunk read on either side is delivered to the other side DELAY ms later
(one way, so a round trip costs 2 × DELAY), after it has gone through a
link of RATE Mbit/s per direction that all connections share: a chunk
waits while the link sends the chunks that arrived before it, from any
connection, then takes len × 8 / RATE seconds of its own. This is the
model of a path with a bottleneck and a propagation delay:

  leaves = max (arrival, link free) + bytes / rate;  delivered = leaves + delay

Bytes are passed through untouched, so TLS and HTTP/2 go through it.

Prints `READY PORT` on stdout once it listens, and runs until SIGTERM or
SIGINT, or until its stdin reaches end of file when stdin is a pipe.
With --log FILE it appends one line per connection when it closes:
`conn N opened T0 closed T1 up BYTES down BYTES` (times in seconds since
the proxy started).
"""

import argparse
import asyncio
import os
import signal
import socket
import stat
import sys
import time

CHUNK = 16 * 1024
# A chunk per read, and at most this much waiting per direction of a
# connection before its reader stops reading: TCP then pushes back on the
# sender, as a router's finite buffer does.
MAX_BUFFERED = 512 * 1024


class Link:
    """One direction of the shared bottleneck."""

    def __init__ (self, rate_bps):
        self.rate = rate_bps
        self.free_at = 0.0

    def leave_time (self, now, nbytes):
        if not self.rate:
            return now
        start = max (now, self.free_at)
        self.free_at = start + nbytes * 8.0 / self.rate
        return self.free_at


class Proxy:
    def __init__ (self, target, delay_s, rate_bps, log):
        self.target = target
        self.delay = delay_s
        self.up = Link (rate_bps)
        self.down = Link (rate_bps)
        self.log = log
        self.start = time.monotonic ()
        self.n = 0

    async def pipe (self, reader, writer, link, counter):
        """Copy READER to WRITER through LINK and the delay."""
        loop = asyncio.get_running_loop ()
        queue = asyncio.Queue ()
        buffered = [0]
        room = asyncio.Event ()
        room.set ()

        async def deliver ():
            while True:
                due, data = await queue.get ()
                if data is None:
                    break
                wait = due - loop.time ()
                if wait > 0:
                    await asyncio.sleep (wait)
                writer.write (data)
                buffered[0] -= len (data)
                if buffered[0] < MAX_BUFFERED:
                    room.set ()
                await writer.drain ()
            if writer.can_write_eof ():
                writer.write_eof ()

        sender = asyncio.ensure_future (deliver ())
        try:
            while True:
                await room.wait ()
                data = await reader.read (CHUNK)
                now = loop.time ()
                if not data:
                    # The end of the stream travels as data does.
                    queue.put_nowait ((link.leave_time (now, 0) + self.delay, None))
                    break
                counter[0] += len (data)
                buffered[0] += len (data)
                if buffered[0] >= MAX_BUFFERED:
                    room.clear ()
                queue.put_nowait ((link.leave_time (now, len (data)) + self.delay, data))
            await sender
        except (ConnectionError, OSError):
            sender.cancel ()

    async def handle (self, client_reader, client_writer):
        self.n += 1
        n = self.n
        opened = time.monotonic () - self.start
        loop = asyncio.get_running_loop ()
        # The connection itself costs a round trip, as a SYN and SYN-ACK
        # over the path do; the connection upstream is made meanwhile, by
        # address (no resolver thread on the way).
        handshake = loop.time () + 2 * self.delay
        sock = socket.socket (socket.AF_INET, socket.SOCK_STREAM)
        sock.setblocking (False)
        try:
            await loop.sock_connect (sock, ("127.0.0.1", self.target))
            server_reader, server_writer = await asyncio.open_connection (sock=sock)
        except OSError:
            sock.close ()
            client_writer.close ()
            return
        up, down = [0], [0]
        try:
            await asyncio.sleep (max (0.0, handshake - loop.time ()))
            await asyncio.gather (self.pipe (client_reader, server_writer, self.up, up),
                                  self.pipe (server_reader, client_writer, self.down, down),
                                  return_exceptions=True)
        except asyncio.CancelledError:
            # The proxy is stopping.
            pass
        for w in (server_writer, client_writer):
            w.close ()
        if self.log:
            with open (self.log, "a", encoding="utf-8") as f:
                f.write ("conn %d opened %.4f closed %.4f up %d down %d\n"
                         % (n, opened, time.monotonic () - self.start, up[0], down[0]))


def watch_stdin (loop, stop):
    try:
        mode = os.fstat (0).st_mode
    except OSError:
        return
    if not (stat.S_ISFIFO (mode) or stat.S_ISSOCK (mode)):
        return

    def readable ():
        try:
            if os.read (0, 4096):
                return
        except OSError:
            pass
        loop.remove_reader (0)
        stop.set ()

    loop.add_reader (0, readable)


def realtime ():
    """Ask for real-time scheduling when allowed (root, or CAP_SYS_NICE): on a
    busy machine a normal process wakes from a 40 ms sleep tens of ms late,
    which the benchmark would count as network time. Says whether it got it."""
    try:
        os.sched_setscheduler (0, os.SCHED_FIFO, os.sched_param (10))
        return True
    except (AttributeError, OSError):
        return False


async def main_async (args):
    proxy = Proxy (args.target, args.delay / 1000.0, args.rate * 1e6, args.log)
    server = await asyncio.start_server (proxy.handle, "127.0.0.1", args.listen)
    port = server.sockets[0].getsockname ()[1]
    loop = asyncio.get_running_loop ()
    stop = asyncio.Event ()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler (sig, stop.set)
    watch_stdin (loop, stop)
    if not args.no_realtime and not realtime ():
        sys.stderr.write ("delay-proxy: no real-time scheduling; delays may run long on a "
                          "busy machine\n")
    sys.stdout.write ("READY %d\n" % port)
    sys.stdout.flush ()
    await stop.wait ()
    server.close ()


def main ():
    parser = argparse.ArgumentParser (
        description="TCP proxy adding a one-way delay per chunk in each direction and a "
                    "bandwidth cap shared by all connections (a benchmark tool).")
    parser.add_argument ("--target", type=int, required=True, metavar="PORT",
                         help="forward to 127.0.0.1:PORT")
    parser.add_argument ("--listen", type=int, default=0, metavar="PORT",
                         help="listen on 127.0.0.1:PORT (default: a free port)")
    parser.add_argument ("--delay", type=float, default=40.0, metavar="MS",
                         help="one-way delay in ms (a round trip is twice this; default 40)")
    parser.add_argument ("--rate", type=float, default=50.0, metavar="MBIT",
                         help="bandwidth per direction, shared, in Mbit/s (0: no cap; default 50)")
    parser.add_argument ("--log", metavar="FILE", help="append a line per closed connection")
    parser.add_argument ("--no-realtime", action="store_true",
                         help="do not ask for SCHED_FIFO (asked by default when allowed)")
    args = parser.parse_args ()
    if args.delay < 0 or args.rate < 0:
        parser.error ("--delay and --rate must not be negative")
    asyncio.run (main_async (args))
    return 0


if __name__ == "__main__":
    sys.exit (main ())
