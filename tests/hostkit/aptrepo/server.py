#!/usr/bin/env python3
"""Serves the lab's apt repository over HTTP, plus the HKP key lookup a keyserver answers.

Usage: server.py ROOT [PORT]
  GET /<path>                                  a file under ROOT (the repository, key.asc, ...)
  GET /pks/lookup?op=get&search=0x<FPR>        ROOT/keys/<FPR>.asc (40-hex fingerprint, any case)
Anything else under /pks/ is 404, as a keyserver that does not know the key answers.
"""
import http.server
import os
import re
import sys
import urllib.parse


def handler_for(root):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=root, **kwargs)

        def do_GET(self):
            url = urllib.parse.urlsplit(self.path)
            if url.path == "/pks/lookup":
                return self.lookup(urllib.parse.parse_qs(url.query))
            return super().do_GET()

        def lookup(self, query):
            search = query.get("search", [""])[0]
            fingerprint = search[2:] if search.lower().startswith("0x") else search
            if query.get("op", [""])[0] != "get" or not re.fullmatch(r"[0-9A-Fa-f]{40}", fingerprint):
                return self.send_error(404, "only op=get with a full 40-hex fingerprint is served")
            path = os.path.join(root, "keys", fingerprint.upper() + ".asc")
            if not os.path.isfile(path):
                return self.send_error(404, "No results found")
            with open(path, "rb") as key:
                body = key.read()
            self.send_response(200)
            self.send_header("Content-Type", "application/pgp-keys")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


def main():
    root = os.path.abspath(sys.argv[1])
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 8080
    server = http.server.ThreadingHTTPServer(("", port), handler_for(root))
    print(f"serving {root} on port {port}", file=sys.stderr, flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
