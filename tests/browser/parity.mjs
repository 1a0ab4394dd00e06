// Golden cases inside the real Pyodide runtime (Node): reads cases as JSON on stdin,
// prints the results as JSON. Usage: node parity.mjs RUNTIME_DIR < cases.json
import { pathToFileURL } from "node:url";
import { readFileSync } from "node:fs";

const runtime = process.argv[2];
const { loadPyodide } = await import(pathToFileURL(`${runtime}/pyodide.mjs`).href);
const pyodide = await loadPyodide({ indexURL: `${runtime}/` });
await pyodide.loadPackage("tune-or-prompt", { messageCallback: () => {} });
const namespace = pyodide.globals.get("dict")();
pyodide.runPython(readFileSync(new URL("./golden.py", import.meta.url), "utf8"), { globals: namespace });
const cases = readFileSync(0, "utf8");
const version = pyodide.runPython("import sys; sys.version.split()[0]");
process.stdout.write(JSON.stringify({ python: version, results: JSON.parse(namespace.get("run_all")(cases)) }));
