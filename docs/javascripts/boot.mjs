// Starting the cost model inside Pyodide, the way the browser's worker and the Node tools
// (the parity test, the benchmark) share: the runtime boots, the calculator wheel is
// checked against the sha256 its lock file records, put on Python's path as it is (Python
// imports from a zip file, and the wheel carries its modules compiled by this runtime's
// Python: scripts/compile_runtime.mjs, which compiles the standard library modules the
// runtime imports too), and calculator.bridge is imported: nothing is unpacked or compiled
// here.
//
// Installing from Python rather than with pyodide.loadPackage leaves no JavaScript
// references inside Python, so the worker can take a memory snapshot of the booted
// runtime (see snapshot.mjs). Every module of the cost model is imported before then: a
// restored runtime has them in memory, not the file they came from.

import { bootOptions } from "./pyodide-snapshot.mjs";

const PACKAGE = "tune-or-prompt";
const WHEEL = "/lib/tune_or_prompt.whl";
const INSTALL = `
import sys
sys.path.insert(0, "${WHEEL}")
import calculator.bridge
`;

export async function sha256(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

// The wheel's bytes, checked against the sha256 the lock file (its text) records for it.
async function readWheel(read, lockText) {
  const lock = JSON.parse(await lockText);
  const entry = lock.packages[PACKAGE];
  const wheel = new Uint8Array(await read(entry.file_name));
  if ((await sha256(wheel)) !== entry.sha256) {
    throw new Error("the cost model's wheel does not match the sha256 in its lock file");
  }
  return wheel;
}

// A fresh runtime with the cost model installed. `read(name)` returns a runtime file's
// bytes; `makeSnapshot` boots in the mode that allows a memory snapshot later
// (pyodide-snapshot.mjs). The wheel is fetched and checked while the runtime boots, once
// `wheelAfter` has settled (Python needs it only once it has started, so its bytes need not
// share the link with the files Python starts from); the lock file is read once, for both.
export async function bootFresh({ loadPyodide, indexURL, read, makeSnapshot = false, wheelAfter }) {
  const lockText = read("pyodide-lock.json").then((bytes) => new TextDecoder().decode(bytes));
  const wheel = Promise.resolve(wheelAfter).then(() => readWheel(read, lockText));
  wheel.catch(() => {}); // reported below, once the runtime has booted
  const options = { indexURL, lockFileContents: lockText, ...bootOptions(makeSnapshot) };
  const pyodide = await loadPyodide(options);
  pyodide.FS.writeFile(WHEEL, await wheel);
  pyodide.runPython(INSTALL);
  return pyodide;
}

// The bridge of a booted runtime, checked: it must describe every calculator.
export function openBridge(pyodide) {
  const bridge = pyodide.pyimport("calculator.bridge");
  const schema = JSON.parse(bridge.describe());
  if (!schema.calculators || !Object.keys(schema.calculators).length) {
    throw new Error("the cost model describes no calculators");
  }
  const python = pyodide.runPython("import sys; sys.version.split()[0]");
  return { bridge, python };
}
