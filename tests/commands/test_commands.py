"""Every command the README names, run as a reader runs it (the slow ones in a quick mode):
a command that breaks fails here, not in a reader's terminal."""

import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.commands
ROOT = Path(__file__).resolve().parents[2]


def make(*args, timeout=600):
    return subprocess.run(
        ["make", *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False
    )


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serving(args, url, timeout=300):
    """Start a long-running make target; return it once ``url`` answers (or fail)."""
    process = subprocess.Popen(
        ["make", *args], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True, start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = process.stdout.read()
            process.stdout.close()
            raise AssertionError(f"make {' '.join(args)} stopped:\n{output}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return process, response.read().decode()
        except OSError:
            time.sleep(0.5)
    stop(process)
    raise AssertionError(f"make {' '.join(args)} did not answer at {url}")


def stop(process):
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)
    process.stdout.close()


def test_make_help_lists_the_readmes_targets():
    done = make("help")
    assert done.returncode == 0
    readme = (ROOT / "README.md").read_text()
    for target in set(re.findall(r"`make ([a-z-]+)", readme)) | {"serve", "test"}:
        assert f"make {target} " in done.stdout, target


def test_make_serve_builds_and_serves_the_guide():
    port = free_port()
    process, html = serving(["serve", f"PORT={port}"], f"http://127.0.0.1:{port}/")
    try:
        assert 'data-calculator="overview"' in html
        assert f'href="http://127.0.0.1:{port}/"' in html  # built for the address it serves
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/sw.js") as response:
            assert response.status == 200
    finally:
        stop(process)


def test_make_dev_previews_the_guide():
    port = free_port()
    process, html = serving(["dev", f"DEV_PORT={port}"], f"http://127.0.0.1:{port}/")
    try:
        assert 'data-calculator="overview"' in html
    finally:
        stop(process)


def test_make_test_unit_runs_the_fast_tests_and_only_those():
    """`make test-unit` starts pytest on the cost model's doctests and tests/unit, and on
    nothing that needs a build or a browser. Only collected here: `make test` runs those
    same tests itself, so running them twice would prove nothing more."""
    env = {**os.environ, "PYTEST_ADDOPTS": "--collect-only -q"}
    done = subprocess.run(
        ["make", "test-unit"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    files = {line.split("::")[0] for line in done.stdout.splitlines() if "::" in line}
    assert re.search(r"\b\d+ tests collected", done.stdout)
    assert any(f.startswith("calculator/") for f in files)  # the doctests
    assert any(f.startswith("tests/unit/") for f in files)
    assert all(f.startswith(("calculator/", "tests/unit/")) for f in files), files


def test_make_format_changes_nothing_that_make_lint_passes(tmp_path):
    """`make format` on a copy of the checkout (its files as they are now, the installed
    tools linked in): what `make lint` passes, it leaves as it is. The checkout itself is
    never written."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.split("\0")  # fmt: skip
    files = [name for name in listed if name and (ROOT / name).is_file()]
    for name in files:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, tmp_path / name)
    for tools in (".venv", "node_modules"):
        (tmp_path / tools).symlink_to(ROOT / tools)
    before = {name: (tmp_path / name).read_bytes() for name in files}
    # the tools are installed already: make must not install them again into the links
    stamps = ["-o", ".venv/bin/.installed", "-o", "node_modules/.installed"]
    done = subprocess.run(
        ["make", *stamps, "format"], cwd=tmp_path, capture_output=True, text=True,
        timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    changed = [name for name in files if (tmp_path / name).read_bytes() != before[name]]
    assert changed == [], "make format changed files that make lint had passed"


def test_the_benchmark_tells_the_guides_long_frames_from_the_themes():
    from benchmark import own_long_frames

    site = "http://127.0.0.1:8000"
    frames = [
        [10, 180, [[f"{site}/assets/javascripts/bundle.min.js", 120]]],  # the theme's
        [300, 70, [[f"{site}/javascripts/binder.mjs", 12]]],  # the guide's
        [400, 40, [[f"{site}/javascripts/binder.mjs", 30]]],  # not long
        [900, 90, [[f"{site}/javascripts/results.mjs", 60]]],  # after the page was live
    ]
    assert own_long_frames(frames, until_ms=800) == 1
    assert own_long_frames(frames, until_ms=1000) == 2


def test_make_benchmark_runs_in_its_quick_mode():
    done = make("benchmark", "ARGS=--quick", timeout=900)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    for figure in (
        "page until live, first visit",
        "page until live, new tab after a visit",
        "new tab, restored from the snapshot",
        "reload, restored from the snapshot",
        "long tasks, load to live",
        "long frames running the guide's scripts",
        "edit -> output, p50 / p95",
        "bytes before the page asks for the runtime",
        "first visit: bytes sent twice",
        "calculate() per call, Pyodide",
        "live, first visit, 20 Mbit/s, 40 ms",
        "bytes sent until live, 20 Mbit/s",
        "first contentful paint, 20 Mbit/s",
        "Over 20 Mbit/s (per run): live",
        "Per run (the medians above are of these): first visit",
        "Edit -> output p95 by calculator: overview",
        "The same, a runtime per page load: overview",
    ):
        assert figure in done.stdout, figure
    assert "5 Mbit/s" not in done.stdout  # the quick mode keeps to the faster link


def test_make_prices_rewrites_nothing_with_the_same_pin():
    table = ROOT / "calculator" / "price_table.py"
    before = table.read_text()
    done = make("prices")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "from genai-prices " in done.stdout
    assert table.read_text() == before
