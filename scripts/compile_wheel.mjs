// Adds compiled bytecode to the calculator wheel, made by the browser runtime's own Python
// (a .pyc is exact to one Python version): the worker imports the cost model straight from
// the wheel (docs/javascripts/boot.mjs), and compiling its modules there was about half of
// the time between Python starting and the first result on a first visit.
//
// Each module gets a .pyc beside its .py (where Python's zip importer looks), hash-based
// and unchecked (no timestamps: the same sources give the same bytes), listed in the
// wheel's RECORD. Called by scripts/prepare_runtime.py before the wheel's sha256 is
// recorded in the lock file.
//
// Usage: node scripts/compile_wheel.mjs RUNTIME_DIR WHEEL   (the wheel is rewritten)
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const COMPILE = `
import base64, hashlib, importlib.util, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

def record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"

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
            code = compile(data, info.filename, "exec", dont_inherit=True)
            pyc = bytes(_code_to_hash_pyc(code, importlib.util.source_hash(data), False))
            entry = zipfile.ZipInfo(info.filename[:-3] + ".pyc", info.date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(entry, pyc)
            compiled.append(record_line(entry.filename, pyc))
    info, lines = record
    own = [line for line in lines if line.startswith(info.filename + ",")]
    others = [line for line in lines if line not in own]
    out.writestr(info, "\\n".join(others + compiled + own) + "\\n")
`;

const [runtimeDir, wheel] = process.argv.slice(2);
if (!runtimeDir || !wheel) {
  console.error("usage: node scripts/compile_wheel.mjs RUNTIME_DIR WHEEL");
  process.exit(2);
}
const indexURL = runtimeDir.endsWith("/") ? runtimeDir : `${runtimeDir}/`; // a path, in Node
const { loadPyodide } = await import(pathToFileURL(`${indexURL}pyodide.mjs`).href);
const pyodide = await loadPyodide({ indexURL });
pyodide.FS.writeFile("/tmp/in.whl", readFileSync(wheel));
pyodide.runPython(COMPILE);
writeFileSync(wheel, pyodide.FS.readFile("/tmp/out.whl"));
