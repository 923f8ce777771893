#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the Flatpak manifest statically, since flatpak-builder cannot reach
Flathub here: valid JSON, the app id meson builds, sources pinned by sha256
(or the local tree), and exactly the sandbox holes we mean to open."""

import json
import re
import sys

path, app_id = sys.argv[1], sys.argv[2]
EXPECTED_FINISH_ARGS = {'--share=network', '--share=ipc', '--socket=wayland',
                        '--socket=fallback-x11', '--device=dri'}
errors = []

with open(path, encoding='utf-8') as f:
    manifest = json.load(f)

if manifest.get('id', manifest.get('app-id')) != app_id:
    errors.append(f"app id is {manifest.get('id')!r}, meson builds {app_id!r}")
if manifest.get('runtime') != 'org.gnome.Platform' or manifest.get('sdk') != 'org.gnome.Sdk':
    errors.append('runtime and sdk must be org.gnome.Platform and org.gnome.Sdk')
if not re.fullmatch(r'\d{2,}', str(manifest.get('runtime-version', ''))):
    errors.append(f"runtime-version {manifest.get('runtime-version')!r} is not a stable GNOME release")
if manifest.get('command') != 'vitrine':
    errors.append('command must be vitrine')

finish_args = manifest.get('finish-args', [])
if len(finish_args) != len(set(finish_args)) or set(finish_args) != EXPECTED_FINISH_ARGS:
    errors.append(f'finish-args must be exactly {sorted(EXPECTED_FINISH_ARGS)}, not {finish_args}')


def walk(modules):
    for module in modules:
        if isinstance(module, str):
            errors.append(f'module file {module} is not checked; inline it')
            continue
        yield module
        yield from walk(module.get('modules', []))


modules = list(walk(manifest.get('modules', [])))
if not modules or modules[-1].get('name') != 'vitrine':
    errors.append('the last module must be vitrine itself')
for module in modules:
    for source in module.get('sources', []):
        kind = source.get('type')
        if kind == 'dir':
            continue
        sha = source.get('sha256', '')
        if not re.fullmatch(r'[0-9a-f]{64}', sha) or sha == '0' * 64:
            errors.append(f"{module['name']}: source {source.get('url', source)} has no real sha256")
        if not str(source.get('url', '')).startswith('https://'):
            errors.append(f"{module['name']}: source is not fetched over https")

for e in errors:
    print(e)
print(f'{len(modules)} modules, {len(errors)} problems')
sys.exit(1 if errors else 0)
