#!/usr/bin/env python3
"""What a learner's phone downloads for the pages learners use: each page's
HTML, and the scripts, wasm and stylesheet they load, as transferred to a
browser accepting brotli and gzip, with the caching the server allows.

Starts the release server with the demo data, signs in as the demo learner,
starts a quiz attempt, and measures the home page, the catalogue, a module,
a lesson, the attempt, a session page and « Mon espace ». The assets are the
same for every page, so a first visit costs one page's HTML plus the assets,
and each later page only its HTML while the assets stay cached. Run after
`cargo leptos build --release --precompress`:

    python3 bench/page_weight.py
"""

import http.client
import json
import re
import urllib.parse

from relais_server import PASSWORD, ReleaseServer

HEADERS = {"Accept-Encoding": "br, gzip"}
MODULE = "sensibilisation-sante-mentale"


def fetch(port, path, cookie=None, method="GET", body=None, extra=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = dict(HEADERS, **(extra or {}))
    if cookie:
        headers["Cookie"] = cookie
    conn.request(method, path, body, headers)
    response = conn.getresponse()
    data = response.read()
    conn.close()
    return response, data


def call(port, name, fields, cookie=None):
    response, data = fetch(port, f"/api/{name}", cookie, "POST", urllib.parse.urlencode(fields),
                           {"Content-Type": "application/x-www-form-urlencoded",
                            "Accept": "application/json", "Accept-Encoding": "identity"})
    return response, json.loads(data) if data else None


def learner_pages(port, cookie):
    _, module = call(port, "catalogue/module", {"slug": MODULE}, cookie)
    lesson = module["lessons"][0]["id"]
    _, attempt = call(port, "quiz/start_attempt", {"input[quiz_id]": module["quizzes"][0]["id"]}, cookie)
    _, html = fetch(port, "/sessions", cookie, extra={"Accept-Encoding": "identity"})
    session = re.search(r'href="(/sessions/\d+)"', html.decode()).group(1)
    return ["/", "/formations", f"/formations/{MODULE}", f"/formations/{MODULE}/lecons/{lesson}",
            f"/quiz/tentatives/{attempt}", session, "/mon-espace"]


def main():
    with ReleaseServer() as server:
        port = server.port
        response, _ = call(port, "accounts/sign_in",
                           {"input[email]": "apprenant@demo.relais.fr", "input[password]": PASSWORD})
        cookie = response.getheader("Set-Cookie").split(";")[0]
        assets = {}
        print("learner pages, release build, bytes on the wire (Accept-Encoding: br, gzip)")
        print(f"{'page':<52} {'HTML':>9}  {'(raw)':>9}")
        for page in learner_pages(port, cookie):
            response, wire = fetch(port, page, cookie)
            _, raw = fetch(port, page, cookie, extra={"Accept-Encoding": "identity"})
            html = raw.decode()
            for asset in re.findall(r'(?:href|src)="(/pkg/[^"]+)"', html):
                assets.setdefault(asset, page)
            print(f"{page:<52} {len(wire):>9,}  ({len(raw):>9,})  {response.getheader('Content-Encoding') or 'none'}")
        print()
        print(f"{'asset (loaded by every page)':<52} {'wire':>9}  {'(raw)':>9}  encoding  cache-control")
        js_wasm = css = 0
        for asset in sorted(assets):
            response, wire = fetch(port, asset)
            _, raw = fetch(port, asset, extra={"Accept-Encoding": "identity"})
            encoding = response.getheader("Content-Encoding") or "none"
            cache = response.getheader("Cache-Control") or "-"
            print(f"{asset:<52} {len(wire):>9,}  ({len(raw):>9,})  {encoding:<8}  {cache}")
            if asset.endswith((".js", ".wasm")):
                js_wasm += len(wire)
            else:
                css += len(wire)
        print()
        print(f"{'JavaScript + wasm transferred on a first visit':<52} {js_wasm:>9,} B")
        print(f"{'stylesheet transferred on a first visit':<52} {css:>9,} B")


if __name__ == "__main__":
    main()
