"""The guide's scripts as the site serves them (scripts/pack_scripts.mjs): the Python worker
in one file, the others without their comments, and every module the site's scripts import
still there once the worker's own are removed."""

import re
from pathlib import Path

DOCS = Path(__file__).resolve().parents[2] / "docs" / "javascripts"
# Static imports and re-exports: `import ... from "x"`, `import "x"`, `export ... from "x"`.
IMPORT = re.compile(r'^\s*(?:import|export)\b[^"\';]*?["\'](\.{1,2}/[^"\']+)["\']', re.M)


def imports_of(path):
    text = re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.S)
    return IMPORT.findall(text)


def test_the_worker_is_one_file_with_the_runtimes_address_in_it(built_site):
    """Nothing to fetch before the worker can start the runtime's downloads: the address
    that runtime/current.mjs gives relative to itself is in the bundle, relative to it."""
    site, _ = built_site
    assert imports_of(site / "javascripts" / "calc-worker.mjs") == []
    assert imports_of(DOCS / "calc-worker.mjs"), "the source imports its parts"
    worker = (site / "javascripts" / "calc-worker.mjs").read_text(encoding="utf-8")
    current = (site / "runtime" / "current.mjs").read_text(encoding="utf-8")
    (folder,) = re.findall(r'new URL\("\./([0-9a-f]+)/", import\.meta\.url\)', current)
    assert (site / "runtime" / folder / "pyodide.asm.wasm").is_file()
    assert worker.count(f'new URL("../runtime/{folder}/", import.meta.url)') == 1
    for source in ("worker-boot.mjs", "dispatch.mjs", "clients.mjs"):  # bundled, by name
        assert f"docs/javascripts/{source}" in worker, source


def test_every_module_the_sites_scripts_import_is_in_the_site(built_site):
    site, _ = built_site
    scripts = sorted((site / "javascripts").glob("*.mjs"))
    assert len(scripts) < len(list(DOCS.glob("*.mjs"))), "the worker's own modules are removed"
    for script in scripts:
        for name in imports_of(script):
            assert (script.parent / name).resolve().is_file(), f"{script.name} imports {name}"


def test_the_import_pattern_sees_the_forms_the_sources_use():
    assert imports_of(DOCS / "calc-worker.mjs")[:1] == ["./clients.mjs"]
    text = 'import { a } from "./a.mjs";\nimport "./b.mjs";\nexport { c } from "../c.mjs";\n'
    assert IMPORT.findall(text) == ["./a.mjs", "./b.mjs", "../c.mjs"]


def test_the_sites_other_scripts_are_their_sources_without_most_comments(built_site):
    """esbuild drops the comments but those among a class's members (about one in eight
    of them); names and imports stay as they are."""
    site, _ = built_site
    comment = re.compile(r"^\s*(//|/\*)", re.M)
    written = kept = 0
    scripts = sorted((site / "javascripts").glob("*.*js"))
    for script in (s for s in scripts if s.name != "calc-worker.mjs"):  # its parts are named
        source = (DOCS / script.name).read_text(encoding="utf-8")
        served = script.read_text(encoding="utf-8")
        written += len(comment.findall(source))
        kept += len(comment.findall(served))
        assert len(served) < len(source), script.name
        assert imports_of(script) == imports_of(DOCS / script.name), script.name
    assert written > 100 and kept <= written // 5, f"{kept} of {written} comments kept"
