"""A quiet static server on a free loopback port, and how to start the machine's Chromium:
shared by the tests and the benchmark, so both run the guide the same way.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading

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
