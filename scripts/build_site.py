"""Build the complete static site: the browser runtime, the pages, the service worker.

The one build recipe: ``make build`` runs it, and so do the tests (for their own server's
address). Each step is a plain script or command, not a MkDocs hook, so the pages could be
built by another engine.

1. ``prepare_runtime.py``: the Pyodide runtime and the calculator wheel, in docs/runtime/.
2. ``mkdocs build --strict``: the pages, with every calculator pre-rendered (``GUIDE_BUILD``,
   a digest of the browser code and the runtime, names the Python worker the tabs share).
3. ``pack_scripts.mjs``: the Python worker's modules in one file (one request, not five
   rounds of them), and the other scripts without their comments.
4. ``social_images.py``: each page's link-preview image (``GUIDE_SOCIAL_IMAGES`` has the
   pages name it in their ``og:image``).
5. ``defer_search.py``: the theme's search index waits until the runtime has booted.
6. ``csp.py``: each page's Content-Security-Policy, with the theme's inline scripts hashed.
7. ``service-worker.mjs``: the offline copy's manifest, from the finished files (the
   preview images left out: chat tools fetch them, readers never do).

Usage: python scripts/build_site.py [--site-dir DIR] [--site-url URL]
(``SITE_URL`` in the environment is the default address; see mkdocs.yml.)
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(*args, env=None):
    done = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"error: {' '.join(map(str, args[:3]))} failed ({done.returncode})")
    return done


def build_digest():
    """A digest of the browser code and the runtime it loads: the tabs of one build share a
    Python worker named by it, and never a worker of another build."""
    digest = hashlib.sha256()
    docs = ROOT / "docs"
    early = ROOT / "overrides" / "partials" / "early-worker.js"
    code = sorted((docs / "javascripts").iterdir())
    for path in [early, docs / "runtime" / "current.mjs", *code]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def make_runtime():
    """Step 1: the runtime in docs/runtime/ (nothing is written where it is up to date)."""
    print(run(sys.executable, "scripts/prepare_runtime.py").stdout.strip())


def build(site_dir, site_url=None, *, prepare_runtime=True):
    """Build into ``site_dir``; return the MkDocs log (its warnings, if any). With
    ``prepare_runtime`` false, docs/runtime/ is used as an earlier build left it (the tests
    build several sites from one working tree, and prepare its runtime once)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url:
        env["SITE_URL"] = site_url
    if prepare_runtime:
        make_runtime()
    env["GUIDE_BUILD"] = build_digest()
    env["GUIDE_SOCIAL_IMAGES"] = "true"
    log = run(
        sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir), env=env
    ).stderr
    print(run("node", "scripts/pack_scripts.mjs", str(site_dir)).stdout.strip())
    print(run(sys.executable, "scripts/social_images.py", str(site_dir)).stdout.strip())
    print(run(sys.executable, "scripts/defer_search.py", str(site_dir)).stdout.strip())
    print(run(sys.executable, "scripts/csp.py", str(site_dir)).stdout.strip())
    print(run("node", "scripts/service-worker.mjs", str(site_dir)).stdout.strip())
    return log


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--site-url", default=None, help="the address the site is served from")
    args = parser.parse_args(argv)
    build(args.site_dir.resolve(), args.site_url)
    print(f"site: {args.site_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
