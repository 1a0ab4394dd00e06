// Makes the runtime's Python small and quick to start, with the browser runtime's own Python
// (a .pyc is exact to one Python version).
//
// - The calculator wheel: each module becomes its .pyc, where its .py was (Python's zip
//   importer looks there; the source, read only by tracebacks, is left out), listed in
//   the wheel's RECORD. The worker imports the cost model straight from the wheel
//   (docs/javascripts/boot.mjs).
// - python_stdlib.zip holds only the modules that the runtime imports as it starts and that
//   the cost model imports (found by doing both here: every calculator, every way the
//   browser asks, a Python exception formatted, and every module the model's source names;
//   about 130 of 560), as bytecode: Pyodide ships its library as source, and compiling
//   those modules on every boot was most of a first boot. Their bytecode is compiled as
//   `python -OO` would (no docstrings or asserts: the standard library supports -OO, and
//   nothing the guide runs reads them) and without its table of source positions (a third
//   of the bytes; tracebacks through the library name the file and function, not the
//   line). That is 0.77 MB on the wire, where the whole library, the modules used compiled
//   in full, was 3.24 MB. Modules frozen into the interpreter are not in it (their source
//   was only read for tracebacks). FULL_STDLIB=1 in the environment keeps the positions
//   and the rest of the library (as source), for debugging in the browser.
//
// The build fails if the runtime, started from the trimmed library, cannot run the model
// the same ways (a module it imports is missing). Every .pyc is hash-based and unchecked
// (no timestamps: the same sources give the same bytes, so the runtime's content address is
// stable). Called by scripts/prepare_runtime.py before the wheel's sha256 is recorded in the
// lock file. The Python it runs inside the runtime is scripts/runtime_compile.py.
//
// Usage: node scripts/compile_runtime.mjs RUNTIME_DIR WHEEL   (both zips are rewritten)
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const STDLIB = "python_stdlib.zip";
const FULL = Boolean(process.env.FULL_STDLIB && process.env.FULL_STDLIB !== "0");

// The Python that runs inside the runtime (what to compile, and compiling it).
const PYTHON = readFileSync(new URL("./runtime_compile.py", import.meta.url), "utf8");

const [runtimeDir, wheel] = process.argv.slice(2);
if (!runtimeDir || !wheel) {
  console.error("usage: node scripts/compile_runtime.mjs RUNTIME_DIR WHEEL");
  process.exit(2);
}
const indexURL = runtimeDir.endsWith("/") ? runtimeDir : `${runtimeDir}/`; // a path, in Node
const { loadPyodide } = await import(pathToFileURL(`${indexURL}pyodide.mjs`).href);

// A runtime with the wheel and this script's Python in it.
async function runtime() {
  const pyodide = await loadPyodide({ indexURL });
  pyodide.FS.writeFile("/tmp/in.whl", readFileSync(wheel));
  pyodide.runPython(PYTHON);
  return { pyodide, python: (name) => pyodide.globals.get(name) };
}

// 1. What the runtime and the model import, traced in the runtime as the browser boots it.
// An exception that reaches JavaScript is formatted by the runtime's own code.
const tracer = await runtime();
try {
  tracer.pyodide.runPython("import json\njson.loads('{')");
} catch {
  // expected: the traceback has been formatted
}
const used = tracer.python("used_stdlib")("/tmp/in.whl"); // before compiling imports anything
tracer.python("compile_wheel")("/tmp/in.whl", "/tmp/out.whl");
const compiledWheel = tracer.pyodide.FS.readFile("/tmp/out.whl");

// 2. The standard library: only those modules, compiled.
tracer.pyodide.FS.writeFile("/tmp/stdlib.zip", readFileSync(`${indexURL}${STDLIB}`));
tracer.python("compile_stdlib")("/tmp/stdlib.zip", "/tmp/stdlib-out.zip", used, FULL);
writeFileSync(wheel, compiledWheel);
writeFileSync(`${indexURL}${STDLIB}`, tracer.pyodide.FS.readFile("/tmp/stdlib-out.zip"));

// 3. The runtime started from that library runs the model every way again: a module missing
// fails the build here, not in a reader's browser.
const check = await runtime();
try {
  check.pyodide.runPython("import json\njson.loads('{')");
} catch (err) {
  if (!String(err.message).includes("JSONDecodeError")) throw err;
}
check.pyodide.FS.writeFile("/tmp/in.whl", compiledWheel);
try {
  check.python("exercise")("/tmp/in.whl");
} catch (err) {
  console.error(`error: the trimmed standard library cannot run the model:\n${err.message}`);
  process.exit(1);
}
const count = JSON.parse(used).length;
console.log(
  `compiled: the wheel, and ${count} modules of ${STDLIB}${FULL ? " (full library)" : ""}`,
);
