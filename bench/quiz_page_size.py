#!/usr/bin/env python3
"""What a learner's phone downloads to open a quiz attempt: the HTML and every
script, wasm and stylesheet the page loads, as transferred (compressed as the
server sends them to a browser accepting brotli and gzip).

Starts the release server with the demo data, signs in as the demo learner,
starts an attempt and measures /quiz/tentatives/<id>. Run after
`cargo leptos build --release`:

    python3 bench/quiz_page_size.py
"""

import http.client
import json
import re
import urllib.parse

from relais_server import ReleaseServer

HEADERS = {"Accept-Encoding": "br, gzip"}


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


def form_post(port, path, fields, cookie=None):
    return fetch(port, path, cookie, "POST", urllib.parse.urlencode(fields),
                 {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json",
                  "Accept-Encoding": "identity"})


def main():
    with ReleaseServer() as server:
        port = server.port
        response, _ = form_post(port, "/api/accounts/sign_in",
                                {"input[email]": "apprenant@demo.relais.fr", "input[password]": "Demo-Relais-2026"})
        cookie = response.getheader("Set-Cookie").split(";")[0]
        _, data = form_post(port, "/api/catalogue/module", {"slug": "sensibilisation-sante-mentale"}, cookie)
        quiz = json.loads(data)["quizzes"][0]["id"]
        _, data = form_post(port, "/api/quiz/start_attempt", {"input[quiz_id]": quiz}, cookie)
        attempt = json.loads(data)
        page = f"/quiz/tentatives/{attempt}"
        response, html_wire = fetch(port, page, cookie)
        _, html = fetch(port, page, cookie, extra={"Accept-Encoding": "identity"})
        html = html.decode()
        assets = sorted(set(re.findall(r'(?:href|src)="(/pkg/[^"]+)"', html)))
        if not any(a.endswith(".wasm") for a in assets):
            assets.append(next(a for a in assets if a.endswith(".js")).replace(".js", "_bg.wasm"))
        rows = [("page HTML " + page, response.getheader("Content-Encoding") or "none", len(html_wire), len(html))]
        for asset in assets:
            r, wire = fetch(port, asset)
            _, raw = fetch(port, asset, extra={"Accept-Encoding": "identity"})
            rows.append((asset, r.getheader("Content-Encoding") or "none", len(wire), len(raw)))
        print("quiz attempt page, release build, bytes on the wire (Accept-Encoding: br, gzip)")
        for name, encoding, wire, raw in rows:
            print(f"{name:<40} {encoding:<5} {wire:>9,} B  (raw {raw:>9,} B)")
        js_wasm = sum(w for n, _, w, _ in rows if n.endswith((".js", ".wasm")))
        print(f"{'wasm + js transferred':<46} {js_wasm:>9,} B")
        print(f"{'everything transferred':<46} {sum(r[2] for r in rows):>9,} B")


if __name__ == "__main__":
    main()
