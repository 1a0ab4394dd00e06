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
// before the wheel's sha256 is recorded in the lock file. The Python it runs inside the
// runtime is scripts/runtime_compile.py.
//
// Usage: node scripts/compile_runtime.mjs RUNTIME_DIR WHEEL   (both zips are rewritten)
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const STDLIB = "python_stdlib.zip";

// The Python that runs inside the runtime (what to compile, and compiling it).
const PYTHON = new URL("./runtime_compile.py", import.meta.url);

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
pyodide.runPython(readFileSync(PYTHON, "utf8"));
const python = (name) => pyodide.globals.get(name);
const used = python("used_stdlib")("/tmp/in.whl"); // before compiling imports anything
python("compile_wheel")("/tmp/in.whl", "/tmp/out.whl");
python("compile_stdlib")("/tmp/stdlib.zip", "/tmp/stdlib-out.zip", used);
writeFileSync(wheel, pyodide.FS.readFile("/tmp/out.whl"));
writeFileSync(`${indexURL}${STDLIB}`, pyodide.FS.readFile("/tmp/stdlib-out.zip"));
console.log(`compiled: the wheel, and ${JSON.parse(used).length} modules of ${STDLIB}`);
