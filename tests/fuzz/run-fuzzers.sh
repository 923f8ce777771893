#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# run-fuzzers.sh BUILD-FUZZ-DIR [SECONDS]
#
# Runs each libFuzzer target of the IIIF core for SECONDS (default 30),
# seeded from the shared IIIF corpus when VITRINE_SHARED_DIR (or
# ../shared beside the source tree) exists. The seed corpus and anything
# found are kept in BUILD-FUZZ-DIR/fuzz-work, never in the source tree.
# Exits non-zero when a target crashes.
set -eu

builddir=${1:?usage: run-fuzzers.sh BUILD-FUZZ-DIR [SECONDS]}
seconds=${2:-30}
here=$(cd "$(dirname "$0")" && pwd)
shared=${VITRINE_SHARED_DIR:-$here/../../../shared}

# The fuzz executables are in tests/fuzz of the build directory.
if [ -x "$builddir/tests/fuzz/fuzz-manifest" ]; then
  bindir=$builddir/tests/fuzz
else
  bindir=$builddir
fi
work=$bindir/fuzz-work
mkdir -p "$work"

seed () {
  target=$1
  dir=$work/$target-corpus
  mkdir -p "$dir"
  if [ -d "$shared/iiif-corpus" ]; then
    case $target in
      fuzz-info) find "$shared/iiif-corpus/image-info" "$shared/iiif-corpus/bad" "$shared/ghent-samples/info" \
                   -name '*.json' -size -256k -exec cp -n {} "$dir" \; 2>/dev/null || true ;;
      *) find "$shared/iiif-corpus" "$shared/ghent-samples/manifests" -name '*.json' -size -256k \
           -exec cp -n {} "$dir" \; 2>/dev/null || true ;;
    esac
  fi
  if [ "$target" = fuzz-html ]; then
    # Hand-written seeds in the shape of IIIF values.
    printf '%s' '<p>A <b>bold</b> <a href="https://example.org/">link</a><br/>next</p>' > "$dir/seed-html-1"
    printf '%s' '<span><img src="x.png" alt="logo"/> <script>x()</script><!-- c --></span>' > "$dir/seed-html-2"
    printf '%s' '<x> <y> <plain text>' > "$dir/seed-html-3"
    printf '%s' 'plain & text' > "$dir/seed-html-4"
  fi
  echo "$dir"
}

status=0
for target in fuzz-manifest fuzz-info fuzz-html; do
  exe=$bindir/$target
  if [ ! -x "$exe" ]; then
    echo "missing $exe (configure with -Dfuzzing=true and CC=clang)" >&2
    exit 2
  fi
  corpus=$(seed "$target")
  dict=iiif.dict
  [ "$target" = fuzz-html ] && dict=html.dict
  echo "== $target for ${seconds}s (seeds: $(ls "$corpus" | wc -l))"
  if ! ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
       "$exe" -dict="$here/$dict" -max_total_time="$seconds" -max_len=262144 -rss_limit_mb=2048 -timeout=10 \
       -artifact_prefix="$work/$target-" -print_final_stats=1 "$corpus" 2>"$work/$target.log"; then
    echo "$target FAILED: see $work/$target.log" >&2
    tail -40 "$work/$target.log" >&2
    status=1
  fi
  grep -E 'stat::number_of_executed_units|Done [0-9]+ runs' "$work/$target.log" || true
done
exit $status
