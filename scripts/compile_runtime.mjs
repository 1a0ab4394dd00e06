// Compiles the Python the browser would otherwise compile on every boot, with the browser
// runtime's own Python (a .pyc is exact to one Python version). Pyodide's standard library
// ships as source, and compiling the modules it imports while it starts would be most of a
// first boot.
//
// - The calculator wheel: each module gets a .pyc beside its .py (where Python's zip
//   importer looks), listed in the wheel's RECORD. The worker imports the cost model
//   straight from the wheel (docs/javascripts/boot.mjs).
// - python_stdlib.zip: the modules that the runtime imports as it starts and that the cost
//   model imports while it answers (found by doing both here, about 130 of 560) are
//   replaced by their bytecode. The others stay source, compiled if ever imported, as
//   before: compiling all of them would add 2 MB to a first visit, these add 0.7 MB. Modules
//   frozen into the interpreter keep their source (it is only read for tracebacks).
//
// Every .pyc is hash-based and unchecked (no timestamps: the same sources give the same
// bytes, so the runtime's content address is stable). Called by scripts/prepare_runtime.py
// before the wheel's sha256 is recorded in the lock file.
//
// Usage: node scripts/compile_runtime.mjs RUNTIME_DIR WHEEL   (both zips are rewritten)
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const STDLIB = "python_stdlib.zip";

// The standard library modules (their paths inside the zip) imported by the runtime as it
// starts and by the cost model, run with every calculator's defaults, in dollars and in
// another currency, with bad input, and quoting the prose's figures.
const USED = `
import sys
sys.path.insert(0, "/tmp/in.whl")
import json
from calculator import bridge
for cid in json.loads(bridge.describe())["calculators"]:
    for currency in (None, "EUR", "JPY"):
        bridge.call(cid, "{}", currency)
    bridge.call(cid, '{"exchange_rate": "-1"}', None)
    bridge.call(cid, "not json", None)
names = ["item:ft_data_preparation", "calc:overview.ft_total", "claim:ongoing_ratio"]
bridge.quotes(json.dumps(names), "EUR", "0.9")
prefix = "/lib/python%d%d.zip/" % sys.version_info[:2]
used = sorted({
    m.__file__[len(prefix):] for m in list(sys.modules.values())
    if (getattr(m, "__file__", None) or "").startswith(prefix)
    and getattr(m.__spec__, "origin", None) != "frozen"  # built into the interpreter
})
json.dumps(used)
`;

const COMPILE = `
import base64, hashlib, importlib.util, json, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

def bytecode(data, filename):
    code = compile(data, filename, "exec", dont_inherit=True)
    return bytes(_code_to_hash_pyc(code, importlib.util.source_hash(data), False))

def record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"

def entry(name, like):
    info = zipfile.ZipInfo(name, like.date_time)
    info.compress_type = zipfile.ZIP_DEFLATED
    return info

with zipfile.ZipFile("/tmp/in.whl") as source, \\
        zipfile.ZipFile("/tmp/out.whl", "w", zipfile.ZIP_DEFLATED) as out:
    compiled, record = [], None
    for info in source.infolist():
        data = source.read(info)
        if info.filename.endswith(".dist-info/RECORD"):
            record = (info, data.decode().splitlines())
            continue
        out.writestr(info, data)
        if info.filename.endswith(".py"):
            pyc = bytecode(data, info.filename)
            out.writestr(entry(info.filename[:-3] + ".pyc", info), pyc)
            compiled.append(record_line(info.filename[:-3] + ".pyc", pyc))
    info, lines = record
    own = [line for line in lines if line.startswith(info.filename + ",")]
    others = [line for line in lines if line not in own]
    out.writestr(info, "\\n".join(others + compiled + own) + "\\n")

used = set(json.loads(USED))
with zipfile.ZipFile("/tmp/stdlib.zip") as source, \\
        zipfile.ZipFile("/tmp/stdlib-out.zip", "w", zipfile.ZIP_DEFLATED) as out:
    for info in source.infolist():
        data = source.read(info)
        if info.filename in used:
            out.writestr(entry(info.filename[:-3] + ".pyc", info), bytecode(data, info.filename))
        else:
            out.writestr(info, data)
`;

const [runtimeDir, wheel] = process.argv.slice(2);
if (!runtimeDir || !wheel) {
  console.error("usage: node scripts/compile_runtime.mjs RUNTIME_DIR WHEEL");
  process.exit(2);
}
const indexURL = runtimeDir.endsWith("/") ? runtimeDir : `${runtimeDir}/`; // a path, in Node
const { loadPyodide } = await import(pathToFileURL(`${indexURL}pyodide.mjs`).href);
const pyodide = await loadPyodide({ indexURL });
pyodide.FS.writeFile("/tmp/in.whl", readFileSync(wheel));
pyodide.FS.writeFile("/tmp/stdlib.zip", readFileSync(`${indexURL}${STDLIB}`));
const used = pyodide.runPython(USED); // before COMPILE imports anything of its own
pyodide.globals.set("USED", used);
pyodide.runPython(COMPILE);
writeFileSync(wheel, pyodide.FS.readFile("/tmp/out.whl"));
writeFileSync(`${indexURL}${STDLIB}`, pyodide.FS.readFile("/tmp/stdlib-out.zip"));
console.log(`compiled: the wheel, and ${JSON.parse(used).length} modules of ${STDLIB}`);
