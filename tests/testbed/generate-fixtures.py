#!/usr/bin/env python3
# generate-fixtures.py
#
# Copyright 2026 The Vitrine authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Generate the images the local IIIF test bed serves, with the vips CLI.

Nothing here is committed: meson runs this at build time (see meson.build).
The pictures are procedural but shaped like photographs (cellular texture
over soft colour clouds, Worley + Perlin noise), so tiles differ from each
other and compress like real JPEG photographs; pure noise would be a worst
case, flat colour a best case, and neither is what a viewer meets.

Outputs in OUTDIR (see README.md for where each one is served):
  ghent.tif          12000x9000 pyramidal JPEG TIFF, 256 px tiles (IIPImage)
  portrait.tif       3000x4000 pyramidal JPEG TIFF (IIPImage, second canvas)
  level0-v2/photo/   6000x4000 static tiles, vips dzsave --layout iiif
  level0-v3/photo/   the same, --layout iiif3
  static.jpg         1200x800 plain JPEG with no image service
  tone.wav           5 s of audio for the time-based canvas
  fixtures.json      sizes of all of the above, read by vitrine-testbed
With --bench, only bench.tif: 16384x12288 pyramidal JPEG TIFF, 256 px tiles.

The info.json files of the static tile sets are written with the id base
PLACEHOLDER_BASE; vitrine-testbed rewrites it to the real URL when serving.
"""

import argparse
import json
import math
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import wave

PLACEHOLDER_BASE = "http://testbed.invalid/level0"

MAIN_SIZE = (12000, 9000)
PORTRAIT_SIZE = (3000, 4000)
LEVEL0_SIZE = (6000, 4000)
STATIC_SIZE = (1200, 800)
BENCH_SIZE = (16384, 12288)

TIFF_OPTS = "[tile,pyramid,compression=jpeg,Q=85,tile-width=256,tile-height=256]"


def vips (*args):
    subprocess.run (["vips"] + [str (a) for a in args], check=True)


def photo (tmp, name, width, height, seed, tint, dest):
    """Write a WIDTHxHEIGHT 8-bit sRGB photograph-like image to DEST, a vips
    file name that may carry save options (DEST is written while it is
    upscaled, so the full-size image never exists uncompressed).

    A warm, softly lit surface of pebble-like cells with fine grain and a
    little sensor noise. The texture is computed at half size and upscaled:
    Worley noise is the slow part, and the cell edges stay sharp enough.
    Intermediates are kept 8-bit where possible, since writing them is most
    of the cost.
    """
    assert width % 2 == 0 and height % 2 == 0
    hw = width // 2
    hh = height // 2
    p = lambda n: os.path.join (tmp, "%s-%s.v" % (name, n))
    # Structure: cells (distances 0..~100) + finer grain + noise, one band.
    vips ("worley", p ("cells"), hw, hh, "--cell-size", 120, "--seed", seed)
    # (Perlin noise makes the grain: a second Worley would double the time.)
    vips ("perlin", p ("grain"), hw, hh, "--cell-size", 9, "--uchar", "--seed", seed + 1)
    vips ("gaussnoise", p ("noise"), hw, hh, "--sigma", 12, "--mean", 0, "--seed", seed + 2)
    vips ("linear", p ("grain"), p ("grainf"), "0.12", "0")
    vips ("sum", " ".join ((p ("cells"), p ("grainf"), p ("noise"))), p ("texf"))
    vips ("linear", p ("texf"), p ("tex"), "0.9", "0", "--uchar")
    for n in ("cells", "grain", "grainf", "noise", "texf"):
        os.unlink (p (n))

    # Lighting: one broad luminance field, tinted, plus a little hue drift.
    vips ("perlin", p ("lum"), hw, hh, "--cell-size", 1100, "--uchar", "--seed", seed + 3)
    vips ("bandjoin", " ".join ([p ("lum")] * 3), p ("lum3"))
    vips ("linear", p ("lum3"), p ("lit"), " ".join (str (t) for t in tint), "0", "--uchar")
    for band in range (3):
        vips ("perlin", p ("hue%d" % band), hw, hh, "--cell-size", 420, "--uchar",
              "--seed", seed + 4 + band)
    vips ("bandjoin", " ".join (p ("hue%d" % b) for b in range (3)), p ("hue"))
    vips ("linear", p ("hue"), p ("huel"), "0.3", "0", "--uchar")

    # lit + hue + texture, shifted back down so that the mean sits mid-grey.
    vips ("sum", " ".join ((p ("lit"), p ("huel"), p ("tex"))), p ("sum"))
    # A leading space keeps the negative offset from parsing as an option.
    vips ("linear", p ("sum"), p ("half"), "1", " -40", "--uchar")
    vips ("copy", p ("half"), p ("halfs"), "--interpretation", "srgb")
    for n in ("tex", "lum", "lum3", "lit", "hue0", "hue1", "hue2", "hue", "huel",
              "sum", "half"):
        os.unlink (p (n))
    vips ("resize", p ("halfs"), dest, 2, "--kernel", "linear")
    os.unlink (p ("halfs"))


def tiff (dest):
    """DEST as a vips file name that saves a pyramidal JPEG TIFF."""
    return dest + TIFF_OPTS


def level0 (src, outdir, layout):
    parent = os.path.join (outdir, "level0-" + ("v2" if layout == "iiif" else "v3"))
    shutil.rmtree (parent, ignore_errors=True)
    os.makedirs (parent)
    vips ("dzsave", src, os.path.join (parent, "photo"), "--layout", layout,
          "--id", PLACEHOLDER_BASE + "/" + os.path.basename (parent),
          "--tile-size", 256, "--overlap", 0, "--suffix", ".jpg[Q=85]")


def tone (dest, seconds=5, rate=22050):
    """A soft two-note chime, so the time-based canvas has something to play."""
    frames = bytearray ()
    for i in range (seconds * rate):
        t = i / rate
        freq = 440.0 if t < seconds / 2 else 554.37
        env = math.exp (-3.0 * (t % (seconds / 2)))
        frames += struct.pack ("<h", int (12000 * env * math.sin (2 * math.pi * freq * t)))
    with wave.open (dest, "wb") as w:
        w.setnchannels (1)
        w.setsampwidth (2)
        w.setframerate (rate)
        w.writeframes (bytes (frames))


def du (path):
    if os.path.isfile (path):
        return os.path.getsize (path), 1
    total = count = 0
    for root, _dirs, files in os.walk (path):
        for f in files:
            total += os.path.getsize (os.path.join (root, f))
            count += 1
    return total, count


def main ():
    parser = argparse.ArgumentParser (description=__doc__.split ("\n\n")[0])
    parser.add_argument ("--outdir", required=True, help="where to write the fixtures")
    parser.add_argument ("--stamp", help="file to touch when done (for meson)")
    parser.add_argument ("--bench", action="store_true",
                         help="only make the 16384x12288 benchmark TIFF")
    args = parser.parse_args ()

    os.makedirs (args.outdir, exist_ok=True)
    start = time.monotonic ()
    timings = {}
    # Intermediates are large uncompressed .v files: keep them next to the
    # output rather than in a possibly small tmpfs, and always remove them.
    tmp = tempfile.mkdtemp (prefix=".gen-", dir=args.outdir)
    try:
        if args.bench:
            photo (tmp, "bench", *BENCH_SIZE, seed=41, tint=(0.8, 0.75, 0.6),
                   dest=tiff (os.path.join (args.outdir, "bench.tif")))
            timings["bench.tif"] = time.monotonic () - start
        else:
            t = time.monotonic ()
            main_tif = os.path.join (args.outdir, "ghent.tif")
            photo (tmp, "main", *MAIN_SIZE, seed=7, tint=(0.9, 0.7, 0.45), dest=tiff (main_tif))
            timings["ghent.tif"] = time.monotonic () - t

            t = time.monotonic ()
            crop = os.path.join (tmp, "level0.v")
            vips ("crop", main_tif, crop, 3000, 2500, *LEVEL0_SIZE)
            level0 (crop, args.outdir, "iiif")
            level0 (crop, args.outdir, "iiif3")
            timings["level0"] = time.monotonic () - t

            t = time.monotonic ()
            vips ("thumbnail", main_tif, os.path.join (args.outdir, "static.jpg[Q=85,strip]"),
                  STATIC_SIZE[0], "--height", STATIC_SIZE[1], "--crop", "centre")
            os.unlink (crop)
            photo (tmp, "portrait", *PORTRAIT_SIZE, seed=23, tint=(0.55, 0.7, 0.85),
                   dest=tiff (os.path.join (args.outdir, "portrait.tif")))
            tone (os.path.join (args.outdir, "tone.wav"))
            timings["small"] = time.monotonic () - t

            sizes = {
                "ghent.tif": MAIN_SIZE,
                "portrait.tif": PORTRAIT_SIZE,
                "level0-v2/photo": LEVEL0_SIZE,
                "level0-v3/photo": LEVEL0_SIZE,
                "static.jpg": STATIC_SIZE,
            }
            info = {"placeholder_base": PLACEHOLDER_BASE, "images": {}}
            for name, (w, h) in sizes.items ():
                nbytes, nfiles = du (os.path.join (args.outdir, name))
                info["images"][name] = {"width": w, "height": h,
                                        "bytes": nbytes, "files": nfiles}
            info["images"]["tone.wav"] = {"duration": 5.0,
                                          "bytes": du (os.path.join (args.outdir, "tone.wav"))[0]}
            with open (os.path.join (args.outdir, "fixtures.json"), "w") as f:
                json.dump (info, f, indent=1)
    finally:
        shutil.rmtree (tmp, ignore_errors=True)

    total = time.monotonic () - start
    parts = ", ".join ("%s %.1f s" % kv for kv in timings.items ())
    print ("test bed fixtures generated in %.1f s (%s)" % (total, parts))
    if args.stamp:
        with open (args.stamp, "w") as f:
            f.write ("%.1f\n" % total)
    return 0


if __name__ == "__main__":
    sys.exit (main ())
