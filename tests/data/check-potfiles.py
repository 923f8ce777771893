#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fail when a file with translatable strings is missing from POTFILES.in,
or when POTFILES.in names a file that does not exist."""

import os
import re
import subprocess
import sys

root = sys.argv[1]
MARKERS = re.compile(r'(?<![A-Za-z0-9_])(_|N_|C_|NC_|g_dgettext|ngettext)\s*\(|translatable="yes"')

with open(os.path.join(root, 'po', 'POTFILES.in'), encoding='utf-8') as f:
    listed = {line.strip() for line in f if line.strip() and not line.startswith('#')}

try:
    tracked = subprocess.run(['git', '-C', root, 'ls-files', '--cached', '--others',
                              '--exclude-standard', 'src', 'data'],
                             check=True, capture_output=True, text=True).stdout.split()
except (OSError, subprocess.CalledProcessError):
    tracked = []
    for base in ('src', 'data'):
        for dirpath, _, names in os.walk(os.path.join(root, base)):
            tracked += [os.path.relpath(os.path.join(dirpath, n), root) for n in names]

errors = []
for path in sorted(set(tracked)):
    if not re.search(r'\.(c|ui|in|xml)$', path) or not os.path.exists(os.path.join(root, path)):
        continue
    with open(os.path.join(root, path), encoding='utf-8', errors='replace') as f:
        text = f.read()
    wants = MARKERS.search(text) is not None
    if path.endswith(('.desktop.in.in', '.metainfo.xml.in.in', '.gschema.xml')):
        wants = True
    if wants and path not in listed:
        errors.append(f'{path}: has translatable strings but is not in po/POTFILES.in')

for path in sorted(listed):
    if not os.path.exists(os.path.join(root, path)):
        errors.append(f'po/POTFILES.in names {path}, which does not exist')

for e in errors:
    print(e)
print(f'{len(listed)} files listed, {len(errors)} problems')
sys.exit(1 if errors else 0)
