// The cost model in a module Web Worker: Pyodide starts here once per visit, so the page
// never freezes while it loads. The Python side is calculator.bridge, in the wheel.
//
// Messages (plain objects with a `type`):
//   worker -> page
//     {type: "progress", stage}                 boot stages: "runtime", "package", "import"
//     {type: "ready", schema, python}           calculator.schema(), Python version
//     {type: "error", error: {name, message}}   the runtime could not start
//     {type: "result", id, ok: true, result, display}
//     {type: "result", id, ok: false, error: {name, message, field, reason, calculator}}
//   page -> worker
//     {type: "call", id, calculator, inputs}    inputs: {field: string|boolean}
//
// Inputs reach Python as one JSON string, never as source code. Python errors become plain
// objects before posting, since Pyodide's error objects cannot be cloned.

import { loadPyodide } from "../runtime/pyodide.mjs";

const INDEX_URL = new URL("../runtime/", import.meta.url).href;
const PACKAGE = "tune-or-prompt";

function plainError(err) {
  return { name: err?.type || err?.name || "Error", message: String(err?.message || err) };
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
  const bridge = pyodide.pyimport("calculator.bridge");
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
  } catch {
    return; // the boot error was already reported
  }
  let reply;
  try {
    reply = JSON.parse(
      bridge.call(String(message.calculator), JSON.stringify(message.inputs || {})),
    );
  } catch (err) {
    reply = { ok: false, error: plainError(err) };
  }
  self.postMessage({ type: "result", id: message.id, ...reply });
});
