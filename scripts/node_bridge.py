"""The Python half of ``scripts/node-bridge.mjs``, run inside the Pyodide runtime under
Node: the ``.mjs`` reads this file, runs it with ``pyodide.runPython`` once the calls are
answered, and calls :func:`from_source`."""

import json
import sys

#: Where the runtime imports from: the standard library's zip and the calculator wheel.
ZIPS = (f"/lib/python{sys.version_info[0]}{sys.version_info[1]}.zip/", "/lib/tune_or_prompt.whl/")


def from_source(modules=None, zips=ZIPS):
    """The names of the modules imported from the source in ``zips`` rather than from the
    bytecode the build compiled (``scripts/compile_runtime.mjs``), as JSON text; modules
    frozen into the interpreter are left out.

    >>> from_source({"json": json, "sys": sys}, zips=(json.__file__.rsplit("/", 1)[0],))
    '["json"]'
    """
    modules = sys.modules if modules is None else modules
    return json.dumps(
        sorted(
            name
            for name, module in list(modules.items())
            if (getattr(module, "__file__", None) or "").startswith(zips)
            and not module.__file__.endswith(".pyc")
            and getattr(module.__spec__, "origin", None) != "frozen"  # built into the interpreter
        )
    )
