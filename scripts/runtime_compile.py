"""The Python half of ``scripts/compile_runtime.mjs``, run by the browser runtime's own
Python (Pyodide under Node): the ``.mjs`` reads this file, runs it with
``pyodide.runPython`` and calls :func:`used_stdlib`, then :func:`compile_wheel` and
:func:`compile_stdlib`, on files it has put in Pyodide's file system.

Only ``sys`` is imported here at the top: :func:`used_stdlib` must find the standard library
modules that the runtime and the cost model import, not those that compiling imports (each
function imports what it needs itself, and runs after it).

Every ``.pyc`` is hash-based and unchecked (no timestamps: the same sources give the same
bytes). On CPython the same functions make CPython's bytecode, as the unit tests use them.
"""

import sys

#: The figures the prose quotes, as the pages ask for them (one of each kind the model has).
QUOTED = ["item:ft_data_preparation", "calc:overview.ft_total", "claim:ongoing_ratio"]


def used_stdlib(wheel, stdlib_prefix=None):
    """The standard library modules (their paths inside the zip) imported by the runtime as
    it starts and by the cost model, from ``wheel``, run with every calculator's defaults,
    in dollars and in another currency, with bad input, and quoting the prose's figures; as
    JSON text. Modules frozen into the interpreter are left out (their source is only read
    for tracebacks)."""
    sys.path.insert(0, wheel)
    import json

    from calculator import bridge

    for cid in json.loads(bridge.describe())["calculators"]:
        for currency in (None, "EUR", "JPY"):
            bridge.call(cid, "{}", currency)
        bridge.call(cid, '{"exchange_rate": "-1"}', None)
        bridge.call(cid, "not json", None)
    bridge.quotes(json.dumps(QUOTED), "EUR", "0.9")
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


def bytecode(data, filename):
    """The hash-based, unchecked ``.pyc`` of the source ``data``."""
    import importlib.util
    from importlib._bootstrap_external import _code_to_hash_pyc

    code = compile(data, filename, "exec", dont_inherit=True)
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
    """Copy the wheel ``source`` to ``out`` with a ``.pyc`` beside each module (where
    Python's zip importer looks), each listed in the wheel's RECORD."""
    import zipfile

    with zipfile.ZipFile(source) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        compiled, record = [], None
        for info in src.infolist():
            data = src.read(info)
            if info.filename.endswith(".dist-info/RECORD"):
                record = (info, data.decode().splitlines())
                continue
            dst.writestr(info, data)
            if info.filename.endswith(".py"):
                pyc = bytecode(data, info.filename)
                dst.writestr(_entry(info.filename[:-3] + ".pyc", info), pyc)
                compiled.append(record_line(info.filename[:-3] + ".pyc", pyc))
        info, lines = record
        own = [line for line in lines if line.startswith(info.filename + ",")]
        others = [line for line in lines if line not in own]
        dst.writestr(info, "\n".join(others + compiled + own) + "\n")


def compile_stdlib(source, out, used):
    """Copy the standard library zip ``source`` to ``out`` with the modules ``used`` (JSON
    text, from :func:`used_stdlib`) replaced by their bytecode; the others stay source."""
    import json
    import zipfile

    used = set(json.loads(used))
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename in used:
                dst.writestr(
                    _entry(info.filename[:-3] + ".pyc", info), bytecode(data, info.filename)
                )
            else:
                dst.writestr(info, data)
