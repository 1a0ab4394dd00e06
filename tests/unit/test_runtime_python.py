"""The Python that scripts/compile_runtime.mjs and scripts/node-bridge.mjs run inside the
browser runtime (scripts/runtime_compile.py, scripts/node_bridge.py), run here on CPython."""

import doctest
import json
import marshal
import sys
import sysconfig
import zipfile
from pathlib import Path

import node_bridge
import runtime_compile

ROOT = Path(__file__).resolve().parents[2]


def test_doctests_of_the_runtime_python():
    for module in (runtime_compile, node_bridge):
        assert doctest.testmod(module).failed == 0


def _wheel(path):
    with zipfile.ZipFile(path, "w") as wheel:
        wheel.writestr("pkg/__init__.py", "X = 6 * 7\n")
        wheel.writestr("pkg-0.1.dist-info/METADATA", "Name: pkg\n\nA long description.\n")
        wheel.writestr(
            "pkg-0.1.dist-info/RECORD", "pkg/__init__.py,sha256=x,10\npkg-0.1.dist-info/RECORD,,\n"
        )


def _run(pyc):
    assert int.from_bytes(pyc[4:8], "little") == 0b01  # hash-based, not checked
    namespace = {}
    exec(marshal.loads(pyc[16:]), namespace)
    return namespace


def test_compile_wheel_keeps_each_module_as_bytecode_alone_and_lists_it(tmp_path):
    _wheel(tmp_path / "in.whl")
    for out in ("a.whl", "b.whl"):
        runtime_compile.compile_wheel(str(tmp_path / "in.whl"), str(tmp_path / out))
    assert (tmp_path / "a.whl").read_bytes() == (tmp_path / "b.whl").read_bytes()
    with zipfile.ZipFile(tmp_path / "a.whl") as wheel:
        names = wheel.namelist()
        pyc = wheel.read("pkg/__init__.pyc")
        metadata = wheel.read("pkg-0.1.dist-info/METADATA")
        record = wheel.read("pkg-0.1.dist-info/RECORD").decode().splitlines()
    assert "pkg/__init__.py" not in names
    assert _run(pyc)["X"] == 42
    assert metadata == b"Name: pkg\n"  # the headers, not the long description
    assert record == [
        runtime_compile.record_line("pkg/__init__.pyc", pyc),
        runtime_compile.record_line("pkg-0.1.dist-info/METADATA", metadata),
        "pkg-0.1.dist-info/RECORD,,",  # the record lists itself last, as before
    ]


def test_compile_stdlib_keeps_only_the_modules_used_compiled_without_docstrings(tmp_path):
    with zipfile.ZipFile(tmp_path / "in.zip", "w") as stdlib:
        stdlib.writestr("used.py", '"""A docstring."""\nY = 1\n')
        stdlib.writestr("unused.py", "Z = 2\n")
    used = json.dumps(["used.py"])
    runtime_compile.compile_stdlib(str(tmp_path / "in.zip"), str(tmp_path / "out.zip"), used)
    with zipfile.ZipFile(tmp_path / "out.zip") as stdlib:
        assert stdlib.namelist() == ["used.pyc"]
        namespace = _run(stdlib.read("used.pyc"))
        assert namespace["Y"] == 1 and namespace.get("__doc__") is None


def test_compile_stdlib_keeps_the_rest_as_source_with_full(tmp_path):
    with zipfile.ZipFile(tmp_path / "in.zip", "w") as stdlib:
        stdlib.writestr("used.py", "Y = 1\n")
        stdlib.writestr("unused.py", "Z = 2\n")
    used = json.dumps(["used.py"])
    out = str(tmp_path / "out.zip")
    runtime_compile.compile_stdlib(str(tmp_path / "in.zip"), out, used, full=True)
    with zipfile.ZipFile(out) as stdlib:
        assert sorted(stdlib.namelist()) == ["unused.py", "used.pyc"]
        assert _run(stdlib.read("used.pyc"))["Y"] == 1


def _model_wheel(path):
    """The cost model's modules in a zip, as the wheel holds them."""
    with zipfile.ZipFile(path, "w") as wheel:
        for module in (ROOT / "calculator").rglob("*.py"):
            wheel.write(module, module.relative_to(ROOT).as_posix())
    return str(path)


def test_model_imports_names_what_the_browser_runs_not_the_command_line(tmp_path):
    names = runtime_compile.model_imports(_model_wheel(tmp_path / "model.whl"))
    assert {"json", "decimal", "statistics", "html", "urllib.parse"} <= set(names)
    assert "argparse" not in names  # calculator/__main__.py only
    assert not any(name.startswith("calculator") for name in names)


def test_used_stdlib_finds_what_the_cost_model_imports(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "path", list(sys.path))  # used_stdlib puts the wheel first
    prefix = sysconfig.get_path("stdlib") + "/"
    wheel = _model_wheel(tmp_path / "model.whl")
    used = json.loads(runtime_compile.used_stdlib(wheel, prefix))
    assert {"json/__init__.py", "dataclasses.py", "random.py", "statistics.py"} <= set(used)
    assert {"traceback.py", "decimal.py", "html/__init__.py"} <= set(used)
    assert not any(name.startswith("calculator") for name in used)


def test_from_source_names_modules_imported_from_source():
    stdlib = sysconfig.get_path("stdlib") + "/"
    assert "json" in json.loads(node_bridge.from_source(zips=(stdlib,)))
    assert json.loads(node_bridge.from_source(zips=("/nowhere/",))) == []
