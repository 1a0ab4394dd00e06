"""Tripwires for what the browser code relies on in its pinned dependencies beyond their
public APIs. Each adapter module names the internals it uses; each test here fails when an
upgrade of the pinned package changes them, so the upgrade is looked at rather than shipped
with a runtime that silently boots slower, hangs or loses its offline copy.

- ``worker-globals.mjs``: Pyodide's loader downloads through the global ``fetch``, compiles
  with ``WebAssembly.instantiateStreaming`` and only warns when that fails.
- ``pyodide-snapshot.mjs``: Pyodide's private ``_makeSnapshot``/``_loadSnapshot`` loader
  options and ``makeMemorySnapshot()`` still make and restore a memory snapshot.
- ``offline-copy.mjs``: the name of Workbox's precache, recreated there.
- ``search-worker.js``: Material's search messages, which the stand-in holds and replays.
"""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "docs" / "javascripts"
PYODIDE = ROOT / "node_modules" / "pyodide"
WORKBOX = ROOT / "node_modules" / "workbox-core"
MATERIAL = Path(pytest.importorskip("material").__file__).parent / "templates" / "assets"

needs_node = pytest.mark.skipif(shutil.which("node") is None, reason="needs Node")
needs_npm = pytest.mark.skipif(not PYODIDE.is_dir(), reason="needs the npm packages")


def node(script, *flags):
    """Run ``script`` (an ES module) under Node and parse what it prints."""
    done = subprocess.run(
        ["node", *flags, "--input-type=module", "-e", script],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(done.stdout)


def pinned(package):
    """The version package.json pins for an npm package."""
    manifest = json.loads((ROOT / "package.json").read_text())
    return {**manifest["dependencies"], **manifest["devDependencies"]}[package]


# worker-globals.mjs ---------------------------------------------------------------------


@needs_npm
def test_pyodide_downloads_and_compiles_through_the_globals_the_worker_replaces():
    loader = (PYODIDE / "pyodide.mjs").read_text()
    assert json.loads((PYODIDE / "package.json").read_text())["version"] == pinned("pyodide")
    # in a browser every runtime file is fetched by the global fetch, looked up per call
    assert "browser_getBinaryResponse" in loader
    assert re.search(r"return\{response:fetch\(\w+", loader)
    # the main module is compiled from that response by WebAssembly.instantiateStreaming ...
    compile_ = re.search(
        r'"pyodide\.asm\.wasm".{0,600}?WebAssembly\.instantiateStreaming\(\w+,\w+\)'
        r'(.{0,300}?)catch\(\w+\)\{console\.warn\("wasm instantiation failed',
        loader,
        re.S,
    )
    # ... and a failed compile is only warned about: the boot step has to end it
    assert compile_, "the loader compiles or reports its main module differently"


# pyodide-snapshot.mjs -------------------------------------------------------------------

SNAPSHOT = """
const { loadPyodide } = await import(%(loader)s);
const snapshot = await import(%(adapter)s);
const indexURL = %(index)s;
const first = await loadPyodide({ indexURL, ...snapshot.bootOptions(true) });
first.runPython("kept = 6 * 7");
const bytes = snapshot.makeSnapshot(first);
const restored = await loadPyodide({
  indexURL, ...snapshot.restoreOptions(Promise.resolve(bytes)) });
console.log(JSON.stringify({ size: bytes.length, kept: restored.runPython("kept") }));
"""


@needs_node
@needs_npm
def test_the_pinned_pyodide_makes_and_restores_a_memory_snapshot():
    """The adapter's options and call, with the pinned Pyodide under Node: a value set before
    the snapshot is there after the restore (a renamed option would boot afresh without it)."""
    out = node(
        SNAPSHOT
        % {
            "loader": json.dumps((PYODIDE / "pyodide.mjs").as_uri()),
            "adapter": json.dumps((SCRIPTS / "pyodide-snapshot.mjs").as_uri()),
            "index": json.dumps(f"{PYODIDE}/"),
        }
    )
    assert out["kept"] == 42
    assert out["size"] > 1_000_000


def test_only_the_adapter_names_pyodides_private_snapshot_api():
    private = re.compile(r"_loadSnapshot|_makeSnapshot|makeMemorySnapshot")
    sources = [*SCRIPTS.iterdir(), *(ROOT / "scripts").iterdir()]
    naming = sorted(p.name for p in sources if p.is_file() and private.search(p.read_text()))
    assert naming == ["pyodide-snapshot.mjs"]


# offline-copy.mjs -----------------------------------------------------------------------

PRECACHE = """
globalThis.registration = { scope: %(scope)s };  // as in the service worker
const { cacheNames } = await import(%(names)s);
const { setCacheNameDetails } = await import(%(details)s);
const { precacheName } = await import(%(copy)s);
setCacheNameDetails({ prefix: %(cache_id)s });  // what generateSW's cacheId writes into sw.js
console.log(JSON.stringify([cacheNames.getPrecacheName(), precacheName(%(scope)s)]));
"""


@needs_node
@needs_npm
def test_the_worker_fills_the_precache_workbox_names():
    version = json.loads((WORKBOX / "package.json").read_text())["version"]
    assert version == pinned("workbox-build")
    service_worker = (ROOT / "scripts" / "service-worker.mjs").read_text()
    (cache_id,) = re.findall(r'cacheId: "([^"]+)"', service_worker)
    template = (ROOT / "node_modules" / "workbox-build" / "build" / "templates").glob("*.js")
    assert any(
        "setCacheNameDetails') %>({prefix: <%= JSON.stringify(cacheId) %>})" in t.read_text()
        for t in template
    ), "workbox-build no longer turns cacheId into the cache names' prefix"
    scope = "http://127.0.0.1:8000/guide/"
    workbox, ours = node(
        PRECACHE
        % {
            "scope": json.dumps(scope),
            "names": json.dumps((WORKBOX / "_private" / "cacheNames.js").as_uri()),
            "details": json.dumps((WORKBOX / "setCacheNameDetails.js").as_uri()),
            "copy": json.dumps((SCRIPTS / "offline-copy.mjs").as_uri()),
            "cache_id": json.dumps(cache_id),
        },
        "--experimental-detect-module",  # Workbox ships ES modules as .js
    )
    assert ours == workbox == f"{cache_id}-precache-v2-{scope}"


# search-worker.js -----------------------------------------------------------------------


def theme(pattern):
    (path,) = MATERIAL.glob(f"javascripts/{pattern}")
    return path.read_text()


def test_materials_search_messages_are_the_ones_the_stand_in_holds_and_replays():
    stand_in = (SCRIPTS / "search-worker.js").read_text()
    ready = int(re.search(r"const INDEX_READY = (\d+);", stand_in).group(1))
    worker, bundle = theme("workers/search.*.min.js"), theme("bundle.*.min.js")
    # the page starts the theme's worker as a classic one: the stand-in loads it with
    # importScripts, which a module worker does not have
    assert re.search(r"new Worker\(\w+\)", bundle)
    assert not re.search(r"^\s*(import|export)\b", worker, re.M)
    # the page sends the index first (setup, type 0), and only then searches
    assert re.search(r"\.next\(\{type:0,data:\{config:", bundle)
    # the theme's worker answers the setup with the ready message the stand-in waits for,
    # from a "message" listener (which the stand-in's own listener, registered first,
    # stops and replays to) through the global postMessage (which the stand-in wraps)
    assert re.search(rf"case 0:return .{{0,120}}?\{{type:{ready}\}}", worker)
    assert re.search(r'addEventListener\("message",\w+=>.{0,80}?postMessage\(', worker)
    # and the page takes that type as ready
    assert re.search(rf"return \w+\.type==={ready}\}}", bundle)
