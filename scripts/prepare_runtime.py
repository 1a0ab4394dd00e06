"""Prepare the browser runtime in docs/runtime/ (generated, not committed).

1. Copy the files the browser needs from the pinned npm package ``pyodide``.
2. Build a pure wheel of ``calculator`` from the working tree.
3. Register it in the copied ``pyodide-lock.json`` with pyodide-build's lockfile tool, so
   that the worker loads it by name with its sha256 checked.

A plain script, not a MkDocs hook, so the site can move to another engine. Files are
rewritten only when their content changed (``mkdocs serve`` then does not loop), and files
left over from an earlier run (an old wheel) are removed.

Usage: python scripts/prepare_runtime.py [OUT_DIR]
"""

from __future__ import annotations

import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYODIDE = ROOT / "node_modules" / "pyodide"
RUNTIME_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)


def run(*args):
    subprocess.run(args, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


def stage(tmp):
    missing = [name for name in RUNTIME_FILES if not (PYODIDE / name).exists()]
    if missing:
        sys.exit(f"error: {PYODIDE} lacks {', '.join(missing)}; run 'npm ci' first")
    for name in RUNTIME_FILES:
        shutil.copy2(PYODIDE / name, tmp / name)
    run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
        "--wheel-dir", str(tmp), str(ROOT))  # fmt: skip
    (wheel,) = tmp.glob("*.whl")
    pyodide_cli = Path(sys.executable).with_name("pyodide")
    run(str(pyodide_cli), "lockfile", "add-wheels",
        "--input", str(tmp / "pyodide-lock.json"), "--output", str(tmp / "pyodide-lock.json"),
        "--base-path", str(tmp), str(wheel))  # fmt: skip
    return wheel.name


def sync(source, target):
    """Make ``target`` hold exactly the files of ``source``; return the names written."""
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for path in sorted(source.iterdir()):
        dest = target / path.name
        if not dest.exists() or not filecmp.cmp(path, dest, shallow=False):
            shutil.copy2(path, dest)
            written.append(path.name)
    for stale in target.iterdir():
        if not (source / stale.name).exists():
            stale.unlink()
    return written


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    out = Path(argv[0]) if argv else ROOT / "docs" / "runtime"
    with tempfile.TemporaryDirectory() as tmp:
        wheel = stage(Path(tmp))
        written = sync(Path(tmp), out)
    print(f"runtime: {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out} "
          f"({wheel}; {len(written)} file(s) updated)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
