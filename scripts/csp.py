"""Give every built page a Content-Security-Policy that names each script it may run.

GitHub Pages sends no custom headers, so the policy is a ``<meta>`` tag, placed first in
``<head>`` (a policy covers only what follows it). Scripts come from the site's own origin;
the theme's few inline scripts are allowed by their SHA-256 hashes, computed here from the
built pages, so a theme upgrade that changes them cannot silently break or widen the
policy. The hashes of every page are allowed on every page, because instant navigation
runs later pages' inline scripts under the first page's policy. No ``'unsafe-inline'`` or
``'unsafe-eval'`` for scripts; the Python runtime compiles WebAssembly in its worker, which
this policy does not govern.

Run it after the pages are built and before the service worker's manifest is made, so the
offline copy's revisions match the files served.

Usage: python scripts/csp.py SITE_DIR
"""

from __future__ import annotations

import base64
import hashlib
import re
import sys
from pathlib import Path

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.DOTALL)
DATA_TYPES = ("application/json", "application/ld+json", "text/template")
CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?>", re.IGNORECASE)
MARKER = 'http-equiv="Content-Security-Policy"'

POLICY = (
    "default-src 'self'",
    "script-src 'self' {hashes}",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
)


def inline_hashes(html):
    """The CSP hash source of each inline script that runs (data blocks do not).

    >>> inline_hashes('<script>a=1</script><script type="application/json">{}</script>')
    ["'sha256-wi/qXXQo5c9H72NUyXySI8ldbc3D4NIwD/eQVrH/PYU='"]
    """
    found = []
    for attrs, body in INLINE_SCRIPT.findall(html):
        if any(kind in attrs for kind in DATA_TYPES):
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        found.append(f"'sha256-{digest}'")
    return found


def policy(hashes):
    return "; ".join(POLICY).format(hashes=" ".join(sorted(set(hashes))))


def apply(site):
    """Write the policy into every page of ``site``; return (pages, inline scripts)."""
    pages = sorted(Path(site).rglob("*.html"))
    texts = {page: page.read_text(encoding="utf-8") for page in pages}
    hashes = {h for text in texts.values() for h in inline_hashes(text)}
    meta = f'<meta {MARKER} content="{policy(hashes)}">'
    for page, text in texts.items():
        if MARKER in text:
            raise SystemExit(f"error: {page} already has a policy; build it afresh")
        updated, count = CHARSET.subn(lambda m: m.group(0) + meta, text, count=1)
        if count != 1:
            raise SystemExit(f"error: {page} has no <meta charset> to put the policy after")
        page.write_text(updated, encoding="utf-8")
    return len(pages), len(hashes)


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    pages, hashes = apply(Path(argv[0]) if argv else Path("site"))
    print(f"csp: {pages} pages, {hashes} inline script(s) allowed by hash")
    return 0


if __name__ == "__main__":
    sys.exit(main())
