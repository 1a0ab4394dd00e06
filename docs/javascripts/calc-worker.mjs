// The cost model in a module Web Worker: Pyodide starts here once per visit, so the page
// never freezes while it loads.
//
// Message protocol (every message is a plain object with a `type`):
//
//   worker -> page
//     {type: "progress", stage}                 boot stages: "runtime", "package", "import"
//     {type: "ready", schema, python}           calculator.schema(), Python version
//     {type: "error", error: {name, message}}   the runtime could not start
//     {type: "result", id, ok: true, result}    reply to a call, same id
//     {type: "result", id, ok: false, error: {name, message, field, reason, calculator}}
//
//   page -> worker
//     {type: "call", id, calculator, inputs}    inputs: {field: string|boolean}
//
// Inputs reach Python as data (JSON), never as source code. Python errors become plain
// objects before posting, since Pyodide's error objects cannot be cloned.

import { loadPyodide } from "../runtime/pyodide.mjs";

const INDEX_URL = new URL("../runtime/", import.meta.url).href;
const PACKAGE = "tune-or-prompt";

// Fixed source (no reader data in it): a thin bridge that calls calculator.calculate and
// turns its one exception type into plain data.
const BRIDGE = `
import json
from calculator import InputError, calculate, schema

def call(calculator_id, inputs_json):
    try:
        result = calculate(calculator_id, json.loads(inputs_json))
    except InputError as err:
        return json.dumps({"ok": False, "error": {"name": "InputError", **err.as_dict()}})
    return json.dumps({"ok": True, "result": result}, allow_nan=False)

def describe():
    return json.dumps(schema())
`;

function plainError(err) {
  return { name: (err && err.type) || (err && err.name) || "Error", message: String((err && err.message) || err) };
}

// If the runtime's own download fails (wasm blocked, offline without a cache), Pyodide's
// loader rejects a promise nobody awaits and loadPyodide never settles: report that as a
// boot error instead of hanging.
let booted = false;
self.addEventListener("unhandledrejection", (event) => {
  if (booted) return;
  event.preventDefault();
  self.postMessage({ type: "error", error: plainError(event.reason) });
});

const ready = (async () => {
  self.postMessage({ type: "progress", stage: "runtime" });
  const pyodide = await loadPyodide({ indexURL: INDEX_URL });
  self.postMessage({ type: "progress", stage: "package" });
  await pyodide.loadPackage(PACKAGE, { messageCallback: () => {}, errorCallback: () => {} });
  self.postMessage({ type: "progress", stage: "import" });
  const namespace = pyodide.globals.get("dict")();
  pyodide.runPython(BRIDGE, { globals: namespace });
  const bridge = { call: namespace.get("call"), describe: namespace.get("describe") };
  const python = pyodide.runPython("import sys; sys.version.split()[0]");
  booted = true;
  self.postMessage({ type: "ready", schema: JSON.parse(bridge.describe()), python });
  return bridge;
})();

ready.catch((err) => self.postMessage({ type: "error", error: plainError(err) }));

self.addEventListener("message", async (event) => {
  const message = event.data || {};
  if (message.type !== "call") return;
  let bridge;
  try {
    bridge = await ready;
  } catch (err) {
    return; // the boot error was already reported
  }
  try {
    const reply = JSON.parse(bridge.call(String(message.calculator), JSON.stringify(message.inputs || {})));
    self.postMessage({ type: "result", id: message.id, ...reply });
  } catch (err) {
    self.postMessage({ type: "result", id: message.id, ok: false, error: plainError(err) });
  }
});
