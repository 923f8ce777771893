# error-handler.py
#
# Copyright 2026 The Vitrine authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""lighttpd's server.error-handler for the test bed (run through mod_cgi).

lighttpd calls it for the errors it produces itself (url.access-deny gives
403, a missing file gives 404) with the original status in REDIRECT_STATUS
and the original request in REQUEST_URI; mod_rewrite also sends the objects
whose manifest "fails" here with ?status=500. It answers with the bodies the
real servers send:
  * the Ghent manifest API (Flask-RESTful) sends JSON {"message": ...},
    Content-Type application/json, Access-Control-Allow-Origin *;
  * the image server (Cantaloupe) sends a plain text page.
Errors produced by IIPImage itself (say, an unknown image) never come here.
"""

import json
import os
import sys
import urllib.parse

MANIFEST_PREFIX = "/iiif/presentation/v2/manifest/"
FORBIDDEN = "You don't have permission to access this resource"
REASONS = {400: "Bad Request", 403: "Forbidden", 404: "Not Found",
           405: "Method Not Allowed", 500: "Internal Server Error"}


def main ():
    # mod_cgi sets REDIRECT_STATUS to 200 when this runs as a plain CGI (the
    # rewritten 500s); then the status comes from the query.
    query = urllib.parse.parse_qs (os.environ.get ("QUERY_STRING", ""))
    try:
        status = int (query.get ("status", [os.environ.get ("REDIRECT_STATUS", "404")])[0])
    except ValueError:
        status = 500
    if not 400 <= status <= 599:
        status = 404
    path = os.environ.get ("REQUEST_URI", "/").split ("?", 1)[0]
    path = urllib.parse.unquote (path)
    headers = ["Status: %d" % status, "Access-Control-Allow-Origin: *"]

    if path.startswith ("/iiif/presentation/"):
        if status == 403:
            message = FORBIDDEN
        elif status == 404 and path.startswith (MANIFEST_PREFIX):
            entity = path[len (MANIFEST_PREFIX):]
            message = "Item with id %s doesn't exist in collection entities" % entity
        elif status == 500:
            message = "Something went wrong while generating the manifest"
        else:
            message = REASONS.get (status, "Error")
        # Flask-RESTful's output_json: json.dumps plus a newline.
        body = json.dumps ({"message": message}) + "\n"
        headers.append ("Content-Type: application/json")
    else:
        body = "%d %s\n" % (status, REASONS.get (status, "Error"))
        headers.append ("Content-Type: text/plain; charset=UTF-8")

    data = body.encode ("utf-8")
    headers.append ("Content-Length: %d" % len (data))
    sys.stdout.buffer.write (("\r\n".join (headers) + "\r\n\r\n").encode ("ascii") + data)
    sys.stdout.flush ()


if __name__ == "__main__":
    main ()
