"""Link previews: every page names a title, a description and an image drawn for it by the
build (scripts/social_images.py), all under the build's address; the images stay small and
out of the offline copy."""

import re
import struct
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import social_images  # scripts/ is on pytest's pythonpath

from .html_page import Page

pytestmark = pytest.mark.site
MAX_BYTES = 2 * 1024 * 1024


def guide_pages(site):
    """Built page -> its source under docs/, for every page but 404.html."""
    found = {}
    for page in social_images.pages():
        built = "index.html" if page.src == "index.md" else page.src[:-3] + "/index.html"
        found[built] = page
    assert set(found) == {p.relative_to(site).as_posix() for p in site.rglob("index.html")}
    return found


def meta(page):
    """A page's Open Graph and Twitter tags, name -> content (each named once)."""
    tags = {}
    for attrs in page.find("meta"):
        key = attrs.get("property") or attrs.get("name") or ""
        if key.startswith(("og:", "twitter:")):
            assert key not in tags, f"{key} twice"
            tags[key] = attrs["content"]
    return tags


def png_size(path):
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", head[16:24])


def check_tags(site, site_url, path, source, page):
    tags = meta(page)
    for key in ("og:title", "og:description", "og:type", "og:url", "og:image"):
        assert tags.get(key), f"{path}: no {key}"
    assert tags["og:title"] == source.title
    assert tags["og:description"] == source.description
    assert tags["og:image:width"] == "1200"
    assert tags["og:image:height"] == "630"
    assert tags["og:image:alt"]
    assert tags["twitter:card"] == "summary_large_image"
    assert tags["twitter:image"] == tags["og:image"]
    canonical = next(page.find("link", rel="canonical"))["href"]
    assert tags["og:url"] == canonical == site_url + path.removesuffix("index.html")
    image = tags["og:image"]
    assert image == site_url + source.image, path
    local = site / urlsplit(image).path.removeprefix(urlsplit(site_url).path)
    return local


def test_every_page_but_404_has_a_link_preview_under_the_sites_address(built_site, pages, server):
    site, _ = built_site
    for path, source in guide_pages(site).items():
        local = check_tags(site, f"{server}/", path, source, pages(path))
        assert local.is_file(), f"{path}: {local} missing"
        assert png_size(local) == (1200, 630)
    assert not meta(pages("404.html"))


def test_the_preview_images_are_small_together(built_site):
    site, _ = built_site
    images = sorted((site / "assets" / "social").rglob("*"))
    assert images and all(p.suffix == ".png" for p in images)
    assert sum(p.stat().st_size for p in images) <= MAX_BYTES


def test_the_preview_images_stay_out_of_the_offline_copy(built_site):
    site, _ = built_site
    manifest = (site / "sw.js").read_text(encoding="utf-8")
    cached = re.findall(r'url:"([^"]+)"', manifest)
    assert "index.html" in cached, "the manifest is read as Workbox writes it"
    assert "assets/images/favicon.png" in cached, "the pages' own icon stays in the copy"
    assert not [url for url in cached if "assets/social" in url]


def first_headline(page):
    """The label and text of the first headline result pre-rendered on a built page."""
    elements = page.elements
    start = next(i for i, (_, a) in enumerate(elements) if "data-headline" in a)
    dt = next(a for t, a in elements[start:] if t == "dt")
    dd = next(a for t, a in elements[start:] if t == "dd" and "data-output" in a)
    return dt["__text"], dd["__text"]


def test_the_headline_drawn_is_the_one_the_page_shows(built_site, pages):
    site, _ = built_site
    with_calculator = 0
    for path, source in guide_pages(site).items():
        page = pages(path)
        headline = social_images.headline_for(source.src)
        if not any(page.find("form", data_calculator=True)):
            assert headline is None, path
            continue
        with_calculator += 1
        assert (headline.label, headline.text) == first_headline(page), path
    assert with_calculator >= 10


def test_the_images_are_drawn_the_same_each_time_and_long_texts_fit(tmp_path):
    """Drawing is deterministic, and long texts wrap and shrink instead of overflowing."""
    long = social_images.Page(
        src="long.md",
        title="A title long enough to need three lines at the largest size " * 2,
        description="unused",
        headline=social_images.Headline("A long label " * 10, "Fine-tune from the start"),
    )
    for page in (*social_images.pages(), long):
        image = social_images.render(page)
        assert image.size == (1200, 630)
        assert image.mode == "P"
    sizes = social_images.write(tmp_path)
    again = {p: (tmp_path / p).read_bytes() for p in sizes}
    social_images.write(tmp_path)
    assert again == {p: (tmp_path / p).read_bytes() for p in sizes}


def test_fit_wraps_then_shrinks_then_cuts():
    _, lines, _ = social_images.fit("one two three", 10_000, 100, [40], 400)
    assert lines == ["one two three"]
    narrow = social_images.font(40).getlength("one two") + 1
    assert social_images.fit("one two three", narrow, 100, [40], 400)[1] == ["one two", "three"]
    _, lines, _ = social_images.fit("one two three four five six", narrow, 50, [40, 20], 400)
    assert len(lines) == 2  # shrunk to 20 px: two lines fit in 50 px
    _, lines, _ = social_images.fit("one two three four five six", narrow, 48, [40], 400)
    assert len(lines) == 1 and lines[0].endswith("…")


def test_a_build_under_a_sub_path_names_it_in_every_preview(project_site):
    site, site_url = project_site.folder, project_site.url
    for path, source in guide_pages(site).items():
        page = Page((site / path).read_text(encoding="utf-8"))
        local = check_tags(site, site_url, path, source, page)
        assert meta(page)["og:image"].startswith(site_url + "assets/social/")
        assert local.is_file(), f"{path}: {local} missing"


def test_the_font_is_the_pinned_package_not_a_system_font():
    font_file = Path(social_images.FONT_FILE)
    assert "fontpkg_roboto" in font_file.parts
    assert (font_file.parent.parent / "LICENSE").is_file()
