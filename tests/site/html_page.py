"""An HTML reader for the built pages (every element's tag and attributes, and the text), and
the pages that hold a section of the guide."""

from html.parser import HTMLParser

# page (built path) -> the calculator of its section
SECTION_PAGES = {
    "index.html": "overview",
    "approaches/index.html": "prompt_tax",
    "initial-investment/index.html": "initial_investment",
    "ongoing-costs/index.html": "ongoing_costs",
    "performance-quality/index.html": "quality",
    "scalability/index.html": "scaling",
    "when-to-choose/index.html": "decision",
    "hybrid/index.html": "hybrid",
    "sovereign-ai/index.html": "sovereign",
    "key-takeaways/index.html": "takeaways",
    "methodology/index.html": None,
}


def name(key):
    """Keyword to attribute name: data_output -> data-output; __form stays as it is."""
    return key if key.startswith("__") else key.replace("_", "-")


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "path", "circle", "line", "polyline", "rect"}  # fmt: skip


class Page(HTMLParser):
    """Every element's tag and attributes, in order, plus the page's visible text.

    Each element's own text (all text inside it) is kept as its ``__text`` attribute.
    """

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.elements, self.ids, self.chunks = [], set(), []
        self._skip = 0
        self._form = None
        self._open = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and "data-calculator" in attrs:
            self._form = attrs["data-calculator"]
        attrs["__form"] = self._form
        attrs["__text"] = ""
        self.elements.append((tag, attrs))
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag in ("script", "style"):
            self._skip += 1
        if tag not in VOID:
            self._open.append((tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self._open.pop()

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        if any(t == tag for t, _ in self._open):
            while self._open and self._open.pop()[0] != tag:
                pass

    def handle_data(self, data):
        if not self._skip:
            self.chunks.append(data)
            for _, attrs in self._open:
                attrs["__text"] += data

    @property
    def text(self):
        return " ".join(" ".join(self.chunks).split())

    def find(self, tag=None, **attrs):
        for t, a in self.elements:
            if (tag is None or t == tag) and all(
                (a.get(name(k)) == v if v is not True else name(k) in a) for k, v in attrs.items()
            ):
                yield a
