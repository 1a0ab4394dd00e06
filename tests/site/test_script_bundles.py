"""The guide's scripts as the site serves them (scripts/pack_scripts.mjs): the page's script,
the Python worker and the snapshot reader each one file that imports only the runtime's
address, with their comments left out; no module beside them."""

import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs" / "javascripts"
ENTRIES = ("calculators.mjs", "calc-worker.mjs", "snapshot-reader.mjs")
SOME_PARTS = {
    "calculators.mjs": ("binder.mjs", "runtime.mjs", "results.mjs", "offline.mjs"),
    "calc-worker.mjs": ("worker-boot.mjs", "dispatch.mjs", "clients.mjs", "offline-copy.mjs"),
    "snapshot-reader.mjs": ("snapshot.mjs",),
}
# Static imports and re-exports: `import ... from "x"`, `import "x"`, `export ... from "x"`.
IMPORT = re.compile(r'^\s*(?:import|export)\b[^"\';]*?["\'](\.{1,2}/[^"\']+)["\']', re.M)
COMMENT = re.compile(r"^\s*(//|/\*)(?! docs/javascripts/)", re.M)  # not a part's heading


def imports_of(path):
    text = re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.S)
    return IMPORT.findall(text)


def parts_of(path):
    """The source modules a bundle names, in the order it holds them."""
    text = path.read_text(encoding="utf-8")
    return re.findall(r"^// docs/javascripts/(\S+)$", text, re.M)


def sources_of(entry, seen=None):
    """The source modules ``entry`` imports, itself included, as the sources import them."""
    seen = set() if seen is None else seen
    seen.add(entry)
    for name in imports_of(DOCS / entry):
        target = (DOCS / name).resolve()
        if target.parent == DOCS and target.name not in seen:
            sources_of(target.name, seen)
    return seen


@pytest.mark.parametrize("entry", ENTRIES)
def test_each_script_a_page_or_worker_starts_is_one_file_of_all_its_modules(built_site, entry):
    site, _ = built_site
    served = site / "javascripts" / entry
    assert set(imports_of(served)) <= {"../runtime/current.mjs"}
    assert len(sources_of(entry)) > 1, "the source imports its parts"
    parts = set(parts_of(served))  # esbuild leaves out a module nothing of which is used
    assert {entry, *SOME_PARTS[entry]} <= parts <= sources_of(entry)


def test_the_modules_themselves_are_not_in_the_site(built_site):
    site, _ = built_site
    served = sorted(p.name for p in (site / "javascripts").glob("*.*js"))
    assert served == sorted((*ENTRIES, "search-worker.js"))


def test_the_import_pattern_sees_the_forms_the_sources_use():
    assert imports_of(DOCS / "calc-worker.mjs")[:1] == ["./clients.mjs"]
    text = 'import { a } from "./a.mjs";\nimport "./b.mjs";\nexport { c } from "../c.mjs";\n'
    assert IMPORT.findall(text) == ["./a.mjs", "./b.mjs", "../c.mjs"]


def test_the_sites_scripts_leave_out_most_comments(built_site):
    """esbuild drops the comments but those among a class's members (about one in eight
    of them); a bundle heads each part with its source's path, which is not counted."""
    site, _ = built_site
    written = sum(len(COMMENT.findall(p.read_text(encoding="utf-8"))) for p in DOCS.glob("*.*js"))
    kept = 0
    for script in (site / "javascripts").glob("*.*js"):
        kept += len(COMMENT.findall(script.read_text(encoding="utf-8")))
    search = (site / "javascripts" / "search-worker.js").read_text(encoding="utf-8")
    assert len(search) < len((DOCS / "search-worker.js").read_text(encoding="utf-8"))
    assert written > 100 and kept <= written // 5, f"{kept} of {written} comments kept"
