#!/usr/bin/env python3
# generate-media.py
#
# Copyright 2026 The Vitrine authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Generate the sound and video clips the local test bed serves (issue 12).

Made with GStreamer's command line (gst-launch-1.0, Debian's
gstreamer1.0-tools with -plugins-base and -plugins-good), in formats that
Debian 12's plugins both encode and decode:

  media/clip.ogg   6 s of a 440 Hz tone (audiotestsrc), Ogg Vorbis, mono
  media/clip.webm  6 s of colour bars (videotestsrc smpte), 320x180 at
                   10 frames a second, WebM VP8, no sound
  media/clip-b.webm  the same, of a bouncing ball (videotestsrc ball): the
                   second recording of a canvas that paints two in sequence

Both last exactly 6 s, so that a test can seek to 2.0 s and find the
caption cue of 2-4 s (documents/media/*.vtt). Without gst-launch-1.0 it
writes nothing but the stamp, and the media tests skip.
"""

import argparse
import os
import shutil
import subprocess
import sys

SECONDS = 6
AUDIO_RATE = 22050
SAMPLES_PER_BUFFER = 1050  # 21 buffers a second: 6 s is 126 buffers
VIDEO_FPS = 10


def run (args):
    subprocess.run (args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def main ():
    parser = argparse.ArgumentParser (description=__doc__.split ("\n\n")[0])
    parser.add_argument ("--outdir", required=True)
    parser.add_argument ("--stamp", required=True)
    opts = parser.parse_args ()

    gst = shutil.which ("gst-launch-1.0")
    media = os.path.join (opts.outdir, "media")
    os.makedirs (media, exist_ok=True)
    if gst is None:
        print ("generate-media.py: gst-launch-1.0 not found (gstreamer1.0-tools): no clips, "
               "the media tests will skip", file=sys.stderr)
    else:
        ogg = os.path.join (media, "clip.ogg")
        webm = os.path.join (media, "clip.webm")
        webm_b = os.path.join (media, "clip-b.webm")
        try:
            run ([gst, "-q", "audiotestsrc", "wave=sine", "freq=440", "volume=0.3",
                  "samplesperbuffer=%d" % SAMPLES_PER_BUFFER,
                  "num-buffers=%d" % (SECONDS * AUDIO_RATE // SAMPLES_PER_BUFFER),
                  "!", "audio/x-raw,rate=%d,channels=1" % AUDIO_RATE,
                  "!", "audioconvert", "!", "vorbisenc", "!", "oggmux",
                  "!", "filesink", "location=" + ogg + ".tmp"])
            run ([gst, "-q", "videotestsrc", "pattern=smpte", "num-buffers=%d" % (SECONDS * VIDEO_FPS),
                  "!", "video/x-raw,width=320,height=180,framerate=%d/1" % VIDEO_FPS,
                  "!", "vp8enc", "deadline=1", "target-bitrate=200000", "keyframe-max-dist=10",
                  "!", "webmmux", "!", "filesink", "location=" + webm + ".tmp"])
            run ([gst, "-q", "videotestsrc", "pattern=ball", "num-buffers=%d" % (SECONDS * VIDEO_FPS),
                  "!", "video/x-raw,width=320,height=180,framerate=%d/1" % VIDEO_FPS,
                  "!", "vp8enc", "deadline=1", "target-bitrate=200000", "keyframe-max-dist=10",
                  "!", "webmmux", "!", "filesink", "location=" + webm_b + ".tmp"])
        except subprocess.CalledProcessError as e:
            print ("generate-media.py: %s failed: %s" % (e.cmd[2], e.stderr.decode (errors="replace")),
                   file=sys.stderr)
            return 1
        os.replace (ogg + ".tmp", ogg)
        os.replace (webm + ".tmp", webm)
        os.replace (webm_b + ".tmp", webm_b)
        for name in ("clip.ogg", "clip.webm", "clip-b.webm"):
            print ("  %-10s %7d bytes" % (name, os.path.getsize (os.path.join (media, name))))

    with open (opts.stamp, "w", encoding="utf-8") as f:
        f.write ("media\n")
    return 0


if __name__ == "__main__":
    sys.exit (main ())
