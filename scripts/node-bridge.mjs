// The cost model inside the real Pyodide runtime, under Node: loads the runtime from a
// prepared runtime directory (scripts/prepare_runtime.py), installs the calculator wheel
// by name from its lock file, and returns calculator.bridge. Shared by the parity test
// and the benchmark, so both run the model the way the browser's worker does.
//
// Command line: node scripts/node-bridge.mjs RUNTIME_DIR < calls.json
//   reads [{calculator, inputs}, ...] and prints {python, replies: [bridge.call(...)...]}.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

export async function loadBridge(runtimeDir) {
  const dir = runtimeDir.endsWith("/") ? runtimeDir : `${runtimeDir}/`;
  const { loadPyodide } = await import(pathToFileURL(`${dir}pyodide.mjs`).href);
  const pyodide = await loadPyodide({ indexURL: dir });
  await pyodide.loadPackage("tune-or-prompt", { messageCallback: () => {} });
  const bridge = pyodide.pyimport("calculator.bridge");
  const python = pyodide.runPython("import sys; sys.version.split()[0]");
  return { pyodide, bridge, python };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { bridge, python } = await loadBridge(process.argv[2]);
  const calls = JSON.parse(readFileSync(0, "utf8"));
  const replies = calls.map((c) =>
    JSON.parse(bridge.call(String(c.calculator), JSON.stringify(c.inputs))),
  );
  process.stdout.write(JSON.stringify({ python, replies }));
}
