#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Extract the strings of POTFILES.in afresh and fail when a language of
LINGUAS leaves any of them untranslated or fuzzy, or its .po does not compile."""

import os
import re
import subprocess
import sys

root, builddir = sys.argv[1], sys.argv[2]
po = os.path.join(root, 'po')
pot = os.path.join(builddir, 'check.pot')

with open(os.path.join(po, 'POTFILES.in'), encoding='utf-8') as f:
    files = [l.strip() for l in f if l.strip() and not l.startswith('#')]

# The same keywords and flags as meson's glib preset, so that this check sees
# the strings `ninja vitrine-pot` would.
args = ['xgettext', '--from-code=UTF-8', '--add-comments', '-o', pot,
        '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
        '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
        '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
        '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
        '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
        '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
        '--directory=' + root]
subprocess.run(args + files, check=True)

failed = False
with open(os.path.join(po, 'LINGUAS'), encoding='utf-8') as f:
    langs = [l.strip() for l in f if l.strip() and not l.startswith('#')]
for lang in langs:
    merged = os.path.join(builddir, f'check-{lang}.po')
    subprocess.run(['msgmerge', '--quiet', '--no-fuzzy-matching', '-o', merged,
                    os.path.join(po, f'{lang}.po'), pot], check=True)
    r = subprocess.run(['msgfmt', '--check', '--statistics', '-o', os.devnull, merged],
                       capture_output=True, text=True)
    stats = (r.stdout + r.stderr).strip()
    print(f'{lang}: {stats}')
    if r.returncode != 0 or re.search(r'untranslated|fuzzy', stats):
        failed = True
        subprocess.run(['msgattrib', '--untranslated', '--no-obsolete', merged])
        subprocess.run(['msgattrib', '--only-fuzzy', '--no-obsolete', merged])
sys.exit(1 if failed else 0)
