#!/usr/bin/env python3
# generate-books.py
#
# Copyright 2026 The Vitrine authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Generate the books the local test bed serves (issue 12, "Books and
structure"), in the shapes of the IIIF Cookbook's book recipes.

Ten page images, 1000x1400, each a textured surface of its own colour with
its digit printed large (page N shows the last digit of N), saved as
pyramidal JPEG TIFFs for IIPImage. The server links them under one name per
page, `/iiif/books/pNNNN.tif` (page N -> kD.tif, D = N mod 10), so that
every page of a 300-page book has its own image service and its own tile
URLs, as in a real book, while the build makes only ten images.

Outputs in OUTDIR/books/ (nothing is committed):
  k0.tif ... k9.tif   the page images
  manifests/*.json    the books, with @BASE@ for the server's base URL
  books.json          what vitrine-testbed needs to serve them: the number
                      of page names to link and each book's canvases
Books:
  book-300            300 pages, "paged", left-to-right: the page-turn
                      benchmark's book (recipe 0011 shape, scaled up)
  book-rtl            12 pages, "paged", "right-to-left" (recipe 0010)
  book-ttb            6 pages, "continuous", "top-to-bottom" (a scroll)
  book-continuous     4 pages, "continuous", left-to-right (recipe 0011
                      "continuous")
  book-individuals    5 pages, "individuals" (recipe 0011)
  book-orders         6 pages, "paged", with a table of contents (recipe
                      0024) holding a "no-nav" range, a "thumbnail-nav"
                      range of two plates and a "sequence" of another order
"""

import argparse
import concurrent.futures
import json
import os
import shutil
import subprocess
import sys
import tempfile

WIDTH = 1000
HEIGHT = 1400
N_IMAGES = 10

# Per digit: a multiplier and an offset per band over the grey texture.
COLOURS = [
    ("0.55 0.75 1.0", "40 30 20"),   # sand
    ("1.0 0.55 0.45", "30 20 20"),   # red
    ("0.45 0.85 0.5", "20 40 20"),   # green
    ("0.45 0.6 1.0", "20 30 50"),    # blue
    ("1.0 0.85 0.35", "40 30 10"),   # yellow
    ("0.8 0.5 1.0", "30 20 40"),     # violet
    ("0.4 0.9 0.95", "20 40 40"),    # cyan
    ("1.0 0.7 0.55", "50 30 20"),    # orange
    ("0.7 0.7 0.7", "40 40 40"),     # grey
    ("0.95 0.5 0.75", "40 20 30"),   # pink
]

BOOKS = {
    "book-300": {"pages": 300, "behavior": ["paged"], "direction": None,
                 "label": "A book of 300 pages"},
    "book-rtl": {"pages": 12, "behavior": ["paged"], "direction": "right-to-left",
                 "label": "A book read from right to left"},
    "book-ttb": {"pages": 6, "behavior": ["continuous"], "direction": "top-to-bottom",
                 "label": "A scroll read from top to bottom"},
    "book-continuous": {"pages": 4, "behavior": ["continuous"], "direction": None,
                        "label": "A scroll in four sheets"},
    "book-individuals": {"pages": 5, "behavior": ["individuals"], "direction": None,
                         "label": "Five loose leaves"},
    "book-orders": {"pages": 6, "behavior": ["paged"], "direction": None,
                    "label": "A book with contents and another order", "ranges": True},
}


def ranges (base):
    """Recipe 0024's table of contents, with the behaviours of ranges: a
    "no-nav" range (the binding) inside it, a "thumbnail-nav" range (the
    plates) and a "sequence" (the order the leaves were once bound in)."""
    def canvases (*pages):
        return [{"id": "%s/canvas/p%d" % (base, n), "type": "Canvas"} for n in pages]

    return [
        {"id": base + "/range/contents", "type": "Range", "label": lang ("Contents"),
         "items": [
             {"id": base + "/range/text", "type": "Range", "label": lang ("Text"),
              "items": canvases (2, 3, 4, 5)},
             {"id": base + "/range/binding", "type": "Range", "label": lang ("Binding"),
              "behavior": ["no-nav"], "items": canvases (1, 6)},
         ]},
        {"id": base + "/range/plates", "type": "Range", "label": lang ("Plates"),
         "behavior": ["thumbnail-nav"], "items": canvases (3, 5)},
        {"id": base + "/range/bound-1820", "type": "Range", "label": lang ("As bound in 1820"),
         "behavior": ["sequence", "individuals"], "items": canvases (1, 5, 4, 3, 2, 6)},
    ]


def run (*args):
    subprocess.run (args, check=True, stdout=subprocess.DEVNULL)


def make_texture (tmp):
    """The grey surface every page shares (coloured apart per digit)."""
    texture = os.path.join (tmp, "texture.v")
    run ("vips", "worley", os.path.join (tmp, "w.v"), str (WIDTH), str (HEIGHT), "--cell-size", "70")
    run ("vips", "linear", os.path.join (tmp, "w.v"), texture, "1.5", "0", "--uchar")
    return texture


def make_page (tmp, texture, outdir, digit):
    """kDIGIT.tif: the texture in DIGIT's colour, with DIGIT printed on it."""
    p = lambda name: os.path.join (tmp, "%d-%s.v" % (digit, name))
    mult, offset = COLOURS[digit]
    run ("vips", "linear", texture, p ("c"), mult, offset, "--uchar")
    run ("vips", "text", p ("t"), str (digit), "--dpi", "5000", "--font", "DejaVu Sans Bold")
    run ("vips", "embed", p ("t"), p ("t2"), "270", "400", str (WIDTH), str (HEIGHT))
    run ("vips", "linear", p ("t2"), p ("m"), "--", "-0.0033", "1")
    run ("vips", "multiply", p ("c"), p ("m"), p ("o"))
    run ("vips", "cast", p ("o"), p ("o8"), "uchar")
    run ("vips", "tiffsave", p ("o8"), os.path.join (outdir, "k%d.tif" % digit),
         "--tile", "--pyramid", "--compression", "jpeg", "--Q", "85",
         "--tile-width", "256", "--tile-height", "256")


def lang (text):
    return {"en": [text]}


def manifest (name, book):
    base = "@BASE@/books/" + name
    items = []
    for n in range (1, book["pages"] + 1):
        canvas = "%s/canvas/p%d" % (base, n)
        service = "@BASE@/iiif/books/p%04d.tif" % n
        items.append ({
            "id": canvas,
            "type": "Canvas",
            "label": lang ("p. %d" % n),
            "width": WIDTH,
            "height": HEIGHT,
            "items": [{
                "id": canvas + "/page",
                "type": "AnnotationPage",
                "items": [{
                    "id": canvas + "/page/image",
                    "type": "Annotation",
                    "motivation": "painting",
                    "target": canvas,
                    "body": {
                        "id": service + "/full/max/0/default.jpg",
                        "type": "Image",
                        "format": "image/jpeg",
                        "width": WIDTH,
                        "height": HEIGHT,
                        "service": [{"id": service, "type": "ImageService2", "profile": "level1"}],
                    },
                }],
            }],
        })
    doc = {
        "@context": "http://iiif.io/api/presentation/3/context.json",
        "id": base + ".json",
        "type": "Manifest",
        "label": lang (book["label"]),
        "behavior": book["behavior"],
        "items": items,
    }
    if book["direction"]:
        doc["viewingDirection"] = book["direction"]
    if book.get ("ranges"):
        doc["structures"] = ranges (base)
    return doc


def main ():
    parser = argparse.ArgumentParser (description=__doc__.splitlines ()[0])
    parser.add_argument ("--outdir", required=True)
    parser.add_argument ("--stamp")
    args = parser.parse_args ()

    outdir = os.path.join (args.outdir, "books")
    if os.path.isdir (outdir):
        shutil.rmtree (outdir)
    os.makedirs (os.path.join (outdir, "manifests"))

    with tempfile.TemporaryDirectory (prefix="vitrine-books-") as tmp:
        texture = make_texture (tmp)
        with concurrent.futures.ThreadPoolExecutor (max_workers=2) as pool:
            for future in [pool.submit (make_page, tmp, texture, outdir, d) for d in range (N_IMAGES)]:
                future.result ()

    listing = {"images": N_IMAGES, "page_names": max (b["pages"] for b in BOOKS.values ()),
               "width": WIDTH, "height": HEIGHT, "books": {}}
    for name, book in BOOKS.items ():
        with open (os.path.join (outdir, "manifests", name + ".json"), "w", encoding="utf-8") as f:
            json.dump (manifest (name, book), f, indent=1)
        listing["books"][name] = {"pages": book["pages"], "behavior": book["behavior"],
                                  "direction": book["direction"] or "left-to-right"}
    with open (os.path.join (outdir, "books.json"), "w", encoding="utf-8") as f:
        json.dump (listing, f, indent=1)

    if args.stamp:
        with open (args.stamp, "w", encoding="utf-8") as f:
            f.write ("ok\n")
    return 0


if __name__ == "__main__":
    sys.exit (main ())
