// The cost model inside the real Pyodide runtime, under Node, started as the browser's
// worker starts it (docs/javascripts/boot.mjs): shared by the parity test and the
// benchmark. RUNTIME_DIR is a prepared runtime folder (docs/runtime/<hash>/ or its copy in
// the built site).
//
// Command line: node scripts/node-bridge.mjs RUNTIME_DIR < calls.json
//   reads [{calculator, inputs, currency?}, ...] and prints {python, replies:
//   [bridge.call(...)...], from_source: [module names]} (see node_bridge.py).
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { bootFresh, openBridge } from "../docs/javascripts/boot.mjs";

export async function loadBridge(runtimeDir) {
  const dir = runtimeDir.endsWith("/") ? runtimeDir : `${runtimeDir}/`;
  const { loadPyodide } = await import(pathToFileURL(`${dir}pyodide.mjs`).href);
  const read = async (name) => readFileSync(`${dir}${name}`);
  const pyodide = await bootFresh({ loadPyodide, indexURL: dir, read });
  return { pyodide, ...openBridge(pyodide) };
}

// The Python run inside the runtime once the calls are answered: from_source() names the
// modules of the standard library's zip and of the wheel that were imported from their
// source rather than from the bytecode the build compiled (scripts/compile_runtime.mjs).
const PYTHON = new URL("./node_bridge.py", import.meta.url);

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { bridge, python, pyodide } = await loadBridge(process.argv[2]);
  const calls = JSON.parse(readFileSync(0, "utf8"));
  const replies = calls.map((c) =>
    JSON.parse(bridge.call(String(c.calculator), JSON.stringify(c.inputs), c.currency)),
  );
  pyodide.runPython(readFileSync(PYTHON, "utf8"));
  const fromSource = JSON.parse(pyodide.globals.get("from_source")());
  process.stdout.write(JSON.stringify({ python, replies, from_source: fromSource }));
}
