"""The built site: pages, pre-rendered calculators, figures, links, origins."""

import json
import math
import re
from urllib.parse import unquote, urlsplit

import markdown
import pytest
from pymdownx.superfences import SuperFencesException

from calculator import CALCULATORS, calculate, format_value
from calculator import figures as fig
from guide.extension import calculator_fence

from .html_page import SECTION_PAGES

pytestmark = pytest.mark.site


def money(value):
    return format_value(value, "money")


def item_figures(phase):
    for item in fig.select(phase=phase):
        yield money(item.low)
        yield money(item.high)


# page -> the article's figures and facts that must appear on it
ARTICLE_FIGURES = {
    "index.html": ["19 May 2025", "Fine-tuning vs. Prompt Engineering: Cost Implications"],
    "initial-investment/index.html": [
        *item_figures("initial"),
        *(money(v) for k in ("ft_initial", "pe_initial") for v in fig.PUBLISHED_TOTALS[k]),
        "a year",
    ],
    "ongoing-costs/index.html": [
        *item_figures("ongoing"),
        *(money(v) for k in ("ft_monthly", "pe_monthly") for v in fig.PUBLISHED_TOTALS[k]),
        "$5,166.67",
        "$25,333.33",
        "a quarter",
    ],
    "when-to-choose/index.html": ["1,000+"],
    "key-takeaways/index.html": ["2–4×", "3–5×", "3.04×", "2.99×", "2.98×", "2.78×", "2.96×"],
    "sovereign-ai/index.html": ["Australian jurisdiction", "Australian privacy regulation"],
    "scalability/index.html": ["retrain"],
    "hybrid/index.html": ["Explore with prompts", "Split the work"],
}


def test_build_is_strict_and_clean(built_site):
    _, log = built_site
    assert "WARNING" not in log
    assert "ERROR" not in log


@pytest.mark.parametrize(("path", "calculator_id"), SECTION_PAGES.items())
def test_every_page_exists_and_holds_its_calculator(pages, path, calculator_id):
    page = pages(path)
    forms = [a["data-calculator"] for a in page.find("form", data_calculator=True)]
    if calculator_id is None:
        assert forms == []
    else:
        assert calculator_id in forms
        form = next(page.find("form", data_calculator=calculator_id))
        assert form["data-status"] == "static"
        assert "once scripts run" in page.text


def test_every_calculator_is_on_the_page_it_declares(pages):
    for calc in CALCULATORS.values():
        assert any(pages(page_of(calc)).find("form", data_calculator=calc.id)), calc.id


def page_of(calc):
    return f"{calc.path}index.html"


def _rows_of(page, table):
    start = next(i for i, (_, a) in enumerate(page.elements) if a is table)
    rows = []
    for tag, attrs in page.elements[start + 1 :]:
        if tag == "table":
            break
        if tag in ("td", "th") and attrs.get("scope") != "col":
            rows.append(attrs)
    return rows


def _items_of(page, ul):
    """The texts of a list's items (plain <li> elements, as the model renders them)."""
    start = next(i for i, (_, a) in enumerate(page.elements) if a is ul)
    items = []
    for tag, attrs in page.elements[start + 1 :]:
        if tag != "li":
            break
        items.append(attrs["__text"])
    return items


@pytest.mark.parametrize("calculator_id", list(CALCULATORS))
def test_prerendered_outputs_equal_the_model_and_read_as_the_formatter_says(pages, calculator_id):
    calc = CALCULATORS[calculator_id]
    page = pages(page_of(calc))
    expected = calculate(calculator_id, {})
    shown = {a["data-output"]: a for a in page.find(data_output=True, __form=calculator_id)}
    for output in calc.outputs:
        value = expected[output.key]
        node = shown[output.key]
        if output.unit in ("table", "series"):
            assert int(node["data-rows"]) == len(value)
            cells = _rows_of(page, node)
            assert len(cells) == len(value) * len(output.columns)
            for i, row in enumerate(value):
                for j, column in enumerate(output.columns):
                    cell = cells[i * len(output.columns) + j]
                    text = format_value(row[column.key], column.unit, None, column.none)
                    assert cell["__text"] == text, (output.key, column.key)
                    if column.unit != "text":
                        assert json.loads(cell["data-value"]) == pytest.approx(row[column.key])
        elif output.unit == "list":
            assert _items_of(page, node) == value, output.key
        elif output.unit == "link":
            benefit = format(round(value["inputs"]["ft_monthly_benefit"], 2), "g")
            assert f"overview.ft_monthly_benefit={benefit}" in node["href"]
            assert node["href"].endswith("#calc-overview")
        else:
            assert node["__text"] == format_value(value, output.unit, None, output.none)
            raw = node["data-value"]
            got = raw if output.unit == "text" else json.loads(raw)
            if isinstance(value, float):
                assert math.isclose(got, value, rel_tol=1e-12), output.key
            else:
                assert got == value, output.key


def ids_of_controls(page):
    return {a["id"] for t in ("input", "select") for a in page.find(t, name=True) if "id" in a}


def test_every_control_has_a_label_and_its_field_name(pages):
    for path, calculator_id in SECTION_PAGES.items():
        if not calculator_id:
            continue
        page = pages(path)
        labels = {a.get("for") for a in page.find("label")}
        names = set()
        for tag in ("input", "select"):
            for control in page.find(tag, name=True):
                if control.get("type") == "search" or control["name"] == "query":
                    continue
                names.add(control["name"])
                assert control["id"] in labels, control["id"]
        for calc in CALCULATORS.values():
            if page_of(calc) == path:
                assert {f"{calc.id}-{f.name}" for f in calc.fields} <= ids_of_controls(page)
                assert {f.name for f in calc.fields} <= names, calc.id


@pytest.mark.parametrize(("path", "needles"), ARTICLE_FIGURES.items())
def test_article_figures_appear_on_their_section_page(pages, path, needles):
    text = pages(path).text
    for needle in needles:
        assert needle in text, f"{needle!r} missing from {path}"


def site_files(site):
    return [p for p in site.rglob("*.html")]


def test_internal_links_and_anchors_resolve(built_site, pages):
    site, _ = built_site
    for html_file in site_files(site):
        rel = html_file.relative_to(site).as_posix()
        page = pages(rel)
        for a in page.find("a", href=True):
            href = a["href"]
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//"):
                continue  # checked by test_no_other_origins
            if not parts.path:
                target = html_file
            elif parts.path.startswith("/"):  # 404.html links from the site root
                target = site / unquote(parts.path).lstrip("/")
            else:
                target = (html_file.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            assert target.exists(), f"{rel}: broken link {href}"
            if parts.fragment and target.suffix == ".html":
                ids = pages(target.relative_to(site).as_posix()).ids
                assert parts.fragment in ids, f"{rel}: missing anchor {href}"


def test_no_other_origins_in_pages(built_site, pages):
    site, _ = built_site
    allowed = ("http://127.0.0.1", "http://localhost")
    for html_file in site_files(site):
        page = pages(html_file.relative_to(site).as_posix())
        for tag, attrs in page.elements:
            for key in ("src", "href"):
                url = attrs.get(key, "")
                if re.match(r"^(https?:)?//", url) and tag != "a":
                    assert url.startswith(allowed), f"{html_file}: {tag} {key}={url}"


def test_fonts_are_not_fetched(built_site):
    site, _ = built_site
    for html_file in site_files(site):
        assert "fonts.googleapis" not in html_file.read_text(encoding="utf-8")


def render(text):
    return markdown.markdown(
        text,
        extensions=["guide.extension", "pymdownx.superfences"],
        extension_configs={
            "pymdownx.superfences": {
                "custom_fences": [
                    {"name": "calculator", "class": "calculator", "format": calculator_fence},
                ]
            }
        },
    )


def test_unknown_calculator_in_a_fence_stops_the_build():
    assert 'data-calculator="overview"' in render("```calculator\noverview\n```")
    with pytest.raises(SuperFencesException, match="unknown calculator 'nope'"):
        render("```calculator\nnope\n```")


def test_unknown_placeholder_stops_the_build():
    assert "$6,500–$32,000" in render("{{ published:ft_monthly }}")
    with pytest.raises(SuperFencesException, match="unknown placeholder"):
        render("{{ calc:overview.no_such_key }}")
