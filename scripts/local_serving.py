"""A quiet static server on a free loopback port, a server that sends every byte through one
shaped link (as GitHub Pages compresses), and how to start the machine's Chromium: shared
by the tests and the benchmark, so both run the guide the same way.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import shutil
import threading
import time
from pathlib import Path

#: Chromium flags for headless runs on a machine with no route to the internet: no sandbox
#: (containers), no GPU, and none of the background requests Chromium makes on its own.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

#: An init script for a browser context whose pages should each start a dedicated Python
#: worker, as in a browser without SharedWorker (the guide otherwise shares one runtime
#: between its tabs).
NO_SHARED_WORKER = "delete window.SharedWorker;"

#: The Cache Storage cache that holds the worker's memory snapshots (snapshot.mjs), and a
#: page function that lists the addresses in it.
SNAPSHOT_CACHE = "tune-or-prompt-snapshots"
SNAPSHOTS = f"async () => (await (await caches.open('{SNAPSHOT_CACHE}')).keys()).map(r => r.url)"


def chromium_path():
    """The system Chromium where there is one; ``None`` lets Playwright use its own build."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging every request. With ``not_found`` (a file path relative
    to the served directory) a missing address gets that page with status 404, as GitHub
    Pages serves a site's 404.html. Every answered request is kept, as (method, path,
    status), in the server's ``requests`` list."""

    not_found = None

    def log_message(self, *args):
        pass

    def log_request(self, code="-", size="-"):
        requests = getattr(self.server, "requests", None)
        if requests is not None:
            requests.append((self.command, self.path, int(code)))

    def send_error(self, code, message=None, explain=None):
        page = self.not_found and (self.directory and f"{self.directory}/{self.not_found}")
        if code != 404 or not page:
            super().send_error(code, message, explain)
            return
        with open(page, "rb") as f:
            body = f.read()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def serve(directory, not_found=None):
    """Serve ``directory`` on a free loopback port in a thread: (server, base URL)."""
    handler_class = type("Handler", (QuietHandler,), {"not_found": not_found})
    handler = functools.partial(handler_class, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.requests = []
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


# --------------------------------------------------------------------------- a shaped link

#: What GitHub Pages compresses (gzip); zip files and wheels go as they are.
GZIPPED = (".html", ".css", ".js", ".mjs", ".json", ".wasm", ".svg", ".xml", ".txt")
CHUNK = 8192  # bytes a connection sends at a time on the shared link
SLACK = 0.02  # seconds of the link a late sender may make up


class Link:
    """One link shared by every connection: each chunk of every response waits for its turn
    on it, at ``mbit`` megabits a second (first come, first served), after a delay of
    ``delay_ms`` per request. Records when each chunk was sent (wall-clock ms, as the
    browser's ``performance.timeOrigin``)."""

    def __init__(self, mbit, delay_ms):
        self.rate = mbit * 1e6 / 8  # bytes a second
        self.delay = delay_ms / 1000
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        with self.lock:
            self.free_at = 0.0  # when the link has sent what is queued (time.monotonic())
            self.sent = []  # (wall-clock ms, bytes)
            # (path, wall-clock ms when the request arrived, when its last chunk began to
            # be written: no client can have read the whole body before then, and bytes)
            self.requests = []
            self.visit = object()  # responses of an earlier visit stop sending

    def send(self, write, data, path="", asked=0.0):
        visit = self.visit
        last = time.time() * 1000
        for start in range(0, len(data), CHUNK):
            chunk = data[start : start + CHUNK]
            with self.lock:
                if visit is not self.visit:
                    return
                # a sender that woke late does not lose the link's time: up to SLACK of
                # it is made up (a token bucket that holds that much)
                now = time.monotonic()
                self.free_at = max(self.free_at, now - SLACK) + len(chunk) / self.rate
                done = self.free_at
            time.sleep(max(0.0, done - time.monotonic()))
            last = time.time() * 1000
            write(chunk)
            with self.lock:
                self.sent.append((time.time() * 1000, len(chunk)))
        with self.lock:
            self.requests.append((path, asked, last, len(data)))

    def bytes_until(self, wall_ms):
        with self.lock:
            return sum(n for t, n in self.sent if t <= wall_ms)


class Shaped(QuietHandler):
    """Serves files as GitHub Pages does (gzip where it compresses; a directory's
    index.html; 404 otherwise), every byte through ``link``; requests whose path matches
    ``blocked`` get a 404 (the runtime's downloads, for the page's paint without them)."""

    protocol_version = "HTTP/1.1"
    link = None
    blocked = None
    cache = None  # (path, gzipped) -> bytes, one dict per server

    def do_GET(self):
        asked = time.time() * 1000
        time.sleep(self.link.delay)
        path = self.path.split("?")[0]
        target = Path(self.translate_path(path))
        if target.is_dir():
            if not path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            target = target / "index.html"
        if (self.blocked and self.blocked.match(path)) or not target.is_file():
            self.send_error(404)
            return
        gz = target.name.endswith(GZIPPED) and "gzip" in self.headers.get("Accept-Encoding", "")
        key = (str(target), gz)
        if key not in self.cache:
            data = target.read_bytes()
            self.cache[key] = gzip.compress(data, 6, mtime=0) if gz else data
        body = self.cache[key]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(target)))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        if gz:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.link.send(self.wfile.write, body, path, asked)


def compressed(directory):
    """Each file's body as the server sends it, gzipped or not: compressed once, before the
    first visit, as Pages serves from its cache (no visit pays the compressing)."""
    cache = {}
    for target in Path(directory).rglob("*"):
        if target.is_file():
            data = target.read_bytes()
            cache[(str(target), False)] = data
            if target.name.endswith(GZIPPED):
                cache[(str(target), True)] = gzip.compress(data, 6, mtime=0)
    return cache


def serve_shaped(directory, link):
    handler_class = type("Handler", (Shaped,), {"link": link, "cache": compressed(directory)})
    handler = functools.partial(handler_class, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    httpd.handle_error = lambda request, address: None  # a browser context closed mid-file
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, handler_class, f"http://127.0.0.1:{httpd.server_address[1]}"
