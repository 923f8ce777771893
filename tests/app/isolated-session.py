#!/usr/bin/env python3
# Run one test of the window in an X server, a session bus and data and
# cache directories of its own, so that the window's tests can run side by
# side: two of them on one display or one bus would share the
# application's unique name, keyboard focus and catalogue.
#
#   isolated-session.py PROGRAM [ARGS…]
#
# Xvfb picks a free display itself (-displayfd), so that two starting at
# once never race for one number as xvfb-run -a can.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import signal
import subprocess
import sys
import tempfile


def start_xvfb():
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(
        ['Xvfb', '-displayfd', str(write_end), '-screen', '0', '1280x1024x24',
         '-nolisten', 'tcp', '-noreset'],
        pass_fds=(write_end,),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)
    os.close(write_end)
    number = b''
    while not number.endswith(b'\n'):
        chunk = os.read(read_end, 16)
        if not chunk:
            break
        number += chunk
    os.close(read_end)
    if not number.strip().isdigit():
        xvfb.kill()
        xvfb.wait()
        sys.exit('isolated-session: Xvfb did not start')
    return xvfb, ':' + number.decode().strip()


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)

    xvfb, display = start_xvfb()
    home = tempfile.mkdtemp(prefix='vitrine-test-session-')
    env = dict(os.environ, DISPLAY=display)
    env.pop('WAYLAND_DISPLAY', None)
    for name in ('XDG_DATA_HOME', 'XDG_CACHE_HOME', 'XDG_RUNTIME_DIR'):
        path = os.path.join(home, name.lower())
        os.mkdir(path, 0o700)
        env[name] = path

    # Meson stops a test that runs out of time with SIGTERM: pass it on,
    # so that the test and its servers end rather than outlive the run.
    child = subprocess.Popen(['dbus-run-session', '--'] + sys.argv[1:], env=env)
    signal.signal(signal.SIGTERM, lambda signum, frame: child.terminate())
    try:
        status = child.wait()
    finally:
        xvfb.terminate()
        xvfb.wait()
        shutil.rmtree(home, ignore_errors=True)

    if status < 0:
        signal.signal(-status, signal.SIG_DFL)
        os.kill(os.getpid(), -status)
    sys.exit(status)


if __name__ == '__main__':
    main()
