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


def chromium_path():
    """The system Chromium where there is one; ``None`` lets Playwright use its own build."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging every request."""

    def log_message(self, *args):
        pass


def serve(directory):
    """Serve ``directory`` on a free loopback port in a thread: (server, base URL)."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"
