"""Point the theme's search at a stand-in worker that starts Material's own one late.

Material builds its search index in a worker as soon as a page loads; on a first visit that
competes with the Python runtime's boot for the reader's CPU. This step rewrites the theme's
configuration in every built page (the ``#__config`` JSON, which runs no code) so that the
search worker is ``javascripts/search-worker.js``, which holds the theme's messages until the
runtime is ready and then loads Material's worker, whose path this step writes into it.

Usage: python scripts/defer_search.py SITE_DIR
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
STAND_IN = "javascripts/search-worker.js"
MARKER = '"theme-search-worker.js"'  # the stand-in's placeholder for the theme worker's path


def defer(config):
    """``config`` with the stand-in as its search worker, and the theme's worker's path from
    the site root (paths in a page's config are relative to that page).

    >>> config, worker = defer({"base": "..", "search": "../assets/workers/search.1.min.js"})
    >>> config["search"], worker
    ('../javascripts/search-worker.js', 'assets/workers/search.1.min.js')
    >>> defer({"base": "/", "search": "/assets/workers/search.1.min.js"})[0]["search"]
    '/javascripts/search-worker.js'
    """
    base = config["base"]  # "..", "." or, on the 404 page, an absolute path such as "/"
    prefix = "" if base in ("", ".", "./") else base.rstrip("/") + "/"
    worker = config["search"].removeprefix(prefix)
    if worker.startswith(STAND_IN):
        raise ValueError("the search worker was deferred already: build afresh")
    return {**config, "search": prefix + STAND_IN}, worker


def apply(site):
    site, pages, workers = Path(site), 0, set()
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        match = CONFIG.search(text)
        if not match:
            continue
        config, worker = defer(json.loads(match.group(2)))
        workers.add(worker)
        body = json.dumps(config, ensure_ascii=False).replace("</", "<\\/")
        text = text[: match.start(2)] + body + text[match.end(2) :]
        page.write_text(text, encoding="utf-8")
        pages += 1
    if len(workers) != 1:
        raise SystemExit(f"error: the pages name {len(workers)} search workers: {workers}")
    stand_in = site / STAND_IN
    script = stand_in.read_text(encoding="utf-8")
    if MARKER not in script:
        raise SystemExit(f"error: {stand_in} lacks {MARKER}")
    stand_in.write_text(script.replace(MARKER, json.dumps(workers.pop())), encoding="utf-8")
    return pages


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    pages = apply(Path(argv[0]) if argv else Path("site"))
    print(f"search: {pages} pages start the search index after the runtime")
    return 0


if __name__ == "__main__":
    sys.exit(main())
