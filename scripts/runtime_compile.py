"""The Python half of ``scripts/compile_runtime.mjs``, run by the browser runtime's own
Python (Pyodide under Node): the ``.mjs`` reads this file, runs it with
``pyodide.runPython`` and calls :func:`used_stdlib`, then :func:`compile_wheel` and
:func:`compile_stdlib`, and finally :func:`exercise` in a second runtime, booted from the
trimmed standard library, on files it has put in Pyodide's file system.

Only ``sys`` is imported here at the top: :func:`used_stdlib` must find the standard library
modules that the runtime and the cost model import, not those that compiling imports (each
function imports what it needs itself, and runs after it).

Every ``.pyc`` is hash-based and unchecked (no timestamps: the same sources give the same
bytes). On CPython the same functions make CPython's bytecode, as the unit tests use them.
"""

import sys

#: The figures the prose quotes, as the pages ask for them (one of each kind the model has).
QUOTED = ["item:ft_data_preparation", "calc:overview.ft_total", "claim:ongoing_ratio"]

#: The model's modules the browser never runs (the command line), left out of the scan of
#: what the model imports.
NOT_IN_THE_BROWSER = ("calculator/__main__.py",)


def model_imports(wheel):
    r"""The modules the cost model's source names in an import statement (at the top or in a
    function, absolute imports only, the model's own left out), from ``wheel``, sorted:
    imported whether or not a run reaches them.

    >>> import io, zipfile
    >>> buf = io.BytesIO()
    >>> with zipfile.ZipFile(buf, "w") as z:
    ...     z.writestr("calculator/a.py", "import json, re\nfrom . import b\n"
    ...                "def f():\n    from html import escape\n")
    ...     z.writestr("calculator/__main__.py", "import argparse\n")
    >>> model_imports(buf)
    ['html', 'json', 're']
    """
    import ast
    import zipfile

    names = set()
    with zipfile.ZipFile(wheel) as zipped:
        for name in zipped.namelist():
            if not name.endswith(".py") or name in NOT_IN_THE_BROWSER:
                continue
            for node in ast.walk(ast.parse(zipped.read(name), name)):
                if isinstance(node, ast.Import):
                    names.update(alias.name for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and not node.level:
                    names.add(node.module)
    return sorted(n for n in names if n.split(".")[0] not in ("calculator", "__future__"))


def exercise(wheel):
    """Run the cost model from ``wheel`` as the browser does, every way it is asked: every
    calculator with its defaults, in dollars and in two other currencies, with bad input
    and with input that is not JSON, compared with another scenario, each price preset
    filled (a model from the table and an unknown one), the prose's figures quoted, the
    schema described; import every module its source names; and format a Python
    exception, as the runtime does when one reaches JavaScript (a traceback imports modules
    of its own). Raises where something is missing."""
    sys.path.insert(0, wheel)
    import json

    from calculator import bridge, prices

    schema = json.loads(bridge.describe())
    model = prices.models()[0]["id"]
    for cid, calc in schema["calculators"].items():
        for currency in (None, "EUR", "JPY"):
            bridge.call(cid, "{}", currency)
        bridge.call(cid, '{"exchange_rate": "-1"}', None)
        bridge.call(cid, "not json", None)
        if hasattr(bridge, "compare"):
            bridge.compare(cid, "{}", '{"range_position": "1"}', "EUR")
            bridge.compare(cid, '{"range_position": "2"}', "{}", None)
        for preset in calc.get("presets", []) if hasattr(bridge, "preset") else []:
            bridge.preset(cid, preset["key"], model, "0.92")
            bridge.preset(cid, preset["key"], "acme/none", "1")
    bridge.quotes(json.dumps(QUOTED), "EUR", "0.9")
    for name in model_imports(wheel):
        __import__(name)
    import traceback

    try:
        json.loads("{")
    except ValueError:
        traceback.format_exc()


def used_stdlib(wheel, stdlib_prefix=None):
    """The standard library modules (their paths inside the zip) imported by the runtime as
    it starts and by the cost model, from ``wheel``, run by :func:`exercise`; as JSON
    text. Modules frozen into the interpreter are left out (their source is only read for
    tracebacks)."""
    import json

    exercise(wheel)
    prefix = stdlib_prefix or f"/lib/python{sys.version_info[0]}{sys.version_info[1]}.zip/"
    used = sorted(
        {
            m.__file__[len(prefix) :]
            for m in list(sys.modules.values())
            if (getattr(m, "__file__", None) or "").startswith(prefix)
            and getattr(m.__spec__, "origin", None) != "frozen"  # built into the interpreter
        }
    )
    return json.dumps(used)


def without_lines(code):
    """``code`` and the code inside it with a table of source positions that has none (one
    byte for every eight instructions, "no location"): tracebacks through it name the file
    and function, not the line.

    >>> f = without_lines(compile("def f():\\n    return 1 / 0\\n", "m", "exec")).co_consts[0]
    >>> {line for *_, line in f.co_lines()}, set(f.co_positions())
    ({None}, {(None, None, None, None)})
    """
    units = len(code.co_code) // 2  # the table covers every code unit, caches included
    table = bytes(0xF8 | (min(8, units - start) - 1) for start in range(0, units, 8))
    consts = tuple(without_lines(c) if hasattr(c, "co_linetable") else c for c in code.co_consts)
    return code.replace(co_linetable=table, co_consts=consts)


def bytecode(data, filename, optimize=0, lines=True):
    """The hash-based, unchecked ``.pyc`` of the source ``data``, compiled at ``optimize``
    (2: without docstrings and asserts, as ``python -OO``), without its table of source
    positions unless ``lines``."""
    import importlib.util
    from importlib._bootstrap_external import _code_to_hash_pyc

    code = compile(data, filename, "exec", dont_inherit=True, optimize=optimize)
    if not lines:
        code = without_lines(code)
    return bytes(_code_to_hash_pyc(code, importlib.util.source_hash(data), False))


def record_line(name, data):
    """A wheel's RECORD line for the file ``name`` holding ``data``.

    >>> record_line("calculator/x.pyc", b"")
    'calculator/x.pyc,sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU,0'
    """
    import base64
    import hashlib

    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def _entry(name, like):
    import zipfile

    info = zipfile.ZipInfo(name, like.date_time)
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def compile_wheel(source, out):
    """Copy the wheel ``source`` to ``out`` for the browser: each module as its ``.pyc``
    alone, where its source was (Python's zip importer imports it from there; the source,
    read only by tracebacks, was a third of the wheel's bytes), and the metadata without
    its long description (the README); the wheel's RECORD lists what it holds."""
    import zipfile

    with zipfile.ZipFile(source) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        written, record = [], None
        for info in src.infolist():
            data = src.read(info)
            if info.filename.endswith(".dist-info/RECORD"):
                record = info
                continue
            if info.filename.endswith(".py"):
                info, data = (
                    _entry(info.filename[:-3] + ".pyc", info),
                    bytecode(data, info.filename),
                )
            elif info.filename.endswith(".dist-info/METADATA"):
                data = data.split(b"\n\n", 1)[0] + b"\n"  # the headers
            dst.writestr(info, data)
            written.append(record_line(info.filename, data))
        dst.writestr(record, "\n".join([*written, f"{record.filename},,"]) + "\n")


def compile_stdlib(source, out, used, full=False):
    """Write to ``out`` the modules ``used`` (JSON text, from :func:`used_stdlib`) of the
    standard library zip ``source``, as bytecode without docstrings or asserts (the
    standard library supports ``python -OO``; nothing the guide runs reads them) and
    without source positions (a third of the bytes, read only by tracebacks); with
    ``full``, for debugging, with their positions, and the zip's other files too, as they
    are (source, compiled if ever imported)."""
    import json
    import zipfile

    used = set(json.loads(used))
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename in used:
                data = src.read(info)
                pyc = bytecode(data, info.filename, optimize=2, lines=full)
                dst.writestr(_entry(info.filename[:-3] + ".pyc", info), pyc, compresslevel=9)
            elif full:
                dst.writestr(info, src.read(info))
