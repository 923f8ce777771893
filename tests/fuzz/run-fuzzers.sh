#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# run-fuzzers.sh BUILD-FUZZ-DIR [SECONDS]
#
# Runs each libFuzzer target for SECONDS (default $VITRINE_FUZZ_SECONDS,
# else 20), seeded from the test fixtures of the source tree (IIIF
# documents, the test bed's documents, the strings of the link and Ghent
# tests, small images made with libvips' command line), and from the shared
# IIIF corpus too when VITRINE_SHARED_DIR (or ../shared beside the source
# tree) exists. The seed corpus and anything found are kept in
# BUILD-FUZZ-DIR/fuzz-work, never in the source tree. Prints each target's
# coverage (libFuzzer's `cov:`, edges reached) and speed; exits non-zero
# when a target crashes.
#
# A longer run, to look for bugs rather than to test the build:
#   VITRINE_FUZZ_SECONDS=600 tests/fuzz/run-fuzzers.sh _build-fuzz
set -eu

builddir=${1:?usage: run-fuzzers.sh BUILD-FUZZ-DIR [SECONDS]}
seconds=${2:-${VITRINE_FUZZ_SECONDS:-20}}
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
shared=${VITRINE_SHARED_DIR:-$top/../shared}
targets=${VITRINE_FUZZ_TARGETS:-"fuzz-manifest fuzz-info fuzz-html fuzz-link fuzz-decoder fuzz-svg fuzz-webvtt"}

# The fuzz executables are in tests/fuzz of the build directory.
if [ -x "$builddir/tests/fuzz/fuzz-manifest" ]; then
  bindir=$builddir/tests/fuzz
else
  bindir=$builddir
fi
work=$bindir/fuzz-work
mkdir -p "$work"

# Every C string literal of a test file, one seed each.
seed_strings () {
  python3 - "$1" "$2" <<'EOF'
import hashlib, os, re, sys
source, out = sys.argv[1], sys.argv[2]
text = open(source, encoding='utf-8').read()
literal = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
escapes = {'n': b'\n', 'r': b'\r', 't': b'\t', '"': b'"', '\\': b'\\', '0': b'\0'}
def unescape(s):
    out, i = b'', 0
    while i < len(s):
        if s[i] == '\\' and i + 1 < len(s):
            c = s[i + 1]
            if c == 'x':
                m = re.match(r'[0-9a-fA-F]{1,2}', s[i + 2:])
                out += bytes([int(m.group(0), 16)])
                i += 2 + len(m.group(0))
                continue
            out += escapes.get(c, c.encode())
            i += 2
        else:
            out += s[i].encode()
            i += 1
    return out
# Adjacent literals ("a" "b") are one string in C.
for line in re.split(r'[,;{}()]', text):
    parts = literal.findall(line)
    if not parts:
        continue
    data = b''.join(unescape(p) for p in parts)
    if len(data) < 2 or b'#include' in data:
        continue
    name = hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(out, 'seed-' + name), 'wb') as f:
        f.write(data)
EOF
}

# Small images of every format the decoder takes, each behind the five
# bytes of fuzz-decoder's header: as a static image, as a tile of its own
# size (32 × 24), as a thumbnail, as two tiles of a level.
seed_images () {
  dir=$1
  command -v vips >/dev/null || return 0
  tmp=$(mktemp -d)
  vips xyz "$tmp/xy.v" 32 24 && vips cast "$tmp/xy.v" "$tmp/xyu.v" uchar &&
    vips bandjoin_const "$tmp/xyu.v" "$tmp/rgb.v" 64 &&
    vips bandjoin_const "$tmp/rgb.v" "$tmp/rgba.v" 200 || { rm -rf "$tmp"; return 0; }
  for out in small.jpg small.png small.webp small.gif small.tif small.jp2 \
             small-alpha.png small-alpha.webp small-lossless.webp[lossless] \
             small-progressive.jpg[interlace] small-q10.jpg[Q=10]; do
    case $out in
      *alpha*) in=$tmp/rgba.v ;;
      *) in=$tmp/rgb.v ;;
    esac
    vips copy "$in" "$tmp/$out" 2>/dev/null || continue
  done
  for image in "$tmp"/small*; do
    [ -f "$image" ] || continue
    base=$(basename "$image")
    for prefix in '\000\000\000\000\000' '\001\000\040\000\030' '\002\077\000\000\000' '\003\000\040\000\030'; do
      { printf "$prefix"; cat "$image"; } > "$dir/seed-$(printf "$prefix" | od -An -tx1 | tr -d ' \n')-$base"
    done
  done
  rm -rf "$tmp"
}

seed () {
  target=$1
  dir=$work/$target-corpus
  mkdir -p "$dir"
  case $target in
    fuzz-manifest)
      find "$top/tests/iiif/data" "$top/tests/testbed/documents" -name '*.json' \
        ! -name 'info-*' -exec cp {} "$dir" \;
      cp "$top/tests/testbed/ghent-objects.json" "$dir"
      if [ -d "$shared/iiif-corpus" ]; then
        find "$shared/iiif-corpus" "$shared/ghent-samples/manifests" -name '*.json' -size -256k \
          -exec cp -n {} "$dir" \; 2>/dev/null || true
      fi ;;
    fuzz-info)
      find "$top/tests/iiif/data" -name 'info-*.json' -exec cp {} "$dir" \;
      if [ -d "$shared/iiif-corpus" ]; then
        find "$shared/iiif-corpus/image-info" "$shared/iiif-corpus/bad" "$shared/ghent-samples/info" \
          -name '*.json' -size -256k -exec cp -n {} "$dir" \; 2>/dev/null || true
      fi ;;
    fuzz-html)
      # Hand-written seeds in the shape of IIIF values, and the HTML of the
      # test fixtures.
      printf '%s' '<p>A <b>bold</b> <a href="https://example.org/">link</a><br/>next</p>' > "$dir/seed-html-1"
      printf '%s' '<span><img src="x.png" alt="logo"/> <script>x()</script><!-- c --></span>' > "$dir/seed-html-2"
      printf '%s' '<x> <y> <plain text>' > "$dir/seed-html-3"
      printf '%s' 'plain & text' > "$dir/seed-html-4"
      printf '%s' '<b>Jan</b> <i>Smith</i>' > "$dir/seed-html-5"
      printf '%s' '<a href="https://a.example/">A</a> <a href="https://b.example/">B</a>' > "$dir/seed-html-6"
      seed_strings "$top/tests/iiif/test-html.c" "$dir" ;;
    fuzz-link)
      seed_strings "$top/tests/net/test-iiif-link.c" "$dir"
      seed_strings "$top/tests/net/test-ghent-catalogue.c" "$dir" ;;
    fuzz-decoder)
      seed_images "$dir" ;;
    fuzz-svg)
      seed_strings "$top/tests/iiif/test-svg-shape.c" "$dir" ;;
    fuzz-webvtt)
      find "$top/tests/testbed/documents" -name '*.vtt' -exec cp {} "$dir" \;
      seed_strings "$top/tests/iiif/test-webvtt.c" "$dir" ;;
  esac
  echo "$dir"
}

status=0
printf '%-14s %8s %8s %8s %10s\n' target corpus 'cov' 'ft' 'exec/s' > "$work/summary"
for target in $targets; do
  exe=$bindir/$target
  if [ ! -x "$exe" ]; then
    echo "missing $exe (configure with -Dfuzzing=true and CC=clang)" >&2
    exit 2
  fi
  corpus=$(seed "$target")
  max_len=262144
  case $target in
    fuzz-html) dict=html.dict ;;
    fuzz-decoder) dict=image.dict; max_len=65536 ;;
    fuzz-link) dict=iiif.dict; max_len=16384 ;;
    fuzz-svg) dict=svg.dict; max_len=65536 ;;
    fuzz-webvtt) dict=webvtt.dict; max_len=65536 ;;
    *) dict=iiif.dict ;;
  esac
  echo "== $target for ${seconds}s (seeds: $(ls "$corpus" | wc -l))"
  if ! ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
       "$exe" -dict="$here/$dict" -max_total_time="$seconds" -max_len=$max_len -rss_limit_mb=2048 -timeout=10 \
       -artifact_prefix="$work/$target-" -print_final_stats=1 "$corpus" 2>"$work/$target.log"; then
    echo "$target FAILED: see $work/$target.log" >&2
    tail -40 "$work/$target.log" >&2
    status=1
  fi
  grep -E 'stat::number_of_executed_units|Done [0-9]+ runs' "$work/$target.log" || true
  # libFuzzer's last status line: "#N DONE cov: E ft: F corp: … exec/s: X …".
  done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$work/$target.log" | tail -1 || true)
  printf '%-14s %8s %8s %8s %10s\n' "$target" "$(ls "$corpus" | wc -l)" \
    "$(echo "$done_line" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')" \
    "$(echo "$done_line" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')" \
    "$(echo "$done_line" | sed -n 's/.* exec\/s: \([0-9]*\).*/\1/p')" >> "$work/summary"
done
cat "$work/summary"
exit $status
