"""Fixtures shared by the site and browser tests: a loopback server on a free port, and one
build of the site per session, made for that server's address (Material's instant
navigation only works when the page's origin matches site_url)."""

import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("site")


@pytest.fixture(scope="session")
def server(site_dir):
    """A static server over the built site, on a free loopback port."""
    handler = functools.partial(QuietHandler, directory=str(site_dir))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def built_site(site_dir, server):
    """The complete static site (runtime included), built as `make build` does it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": f"{server}/"}
    prepared = subprocess.run(
        [sys.executable, "scripts/prepare_runtime.py"], cwd=ROOT, capture_output=True, text=True
    )
    assert prepared.returncode == 0, prepared.stderr + prepared.stdout
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    worker = subprocess.run(
        ["node", "scripts/service-worker.mjs", str(site_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert worker.returncode == 0, worker.stderr + worker.stdout
    return site_dir, done.stderr
