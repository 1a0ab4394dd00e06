// Booting the runtime in the worker: restore the memory snapshot this browser made on an
// earlier visit (snapshot.mjs), or, failing that, boot afresh (boot.mjs) in the mode that
// allows a snapshot, and keep one for next time once the page has its first results. A
// fresh boot downloads nothing until a page asks (once it has painted, or where the reader
// asked to save data, once they turn to a calculator: runtime.mjs), but the WebAssembly,
// which a page may let the worker fetch ahead, unread, once its styles are in
// (worker-fetch.mjs: fetchAhead).

import { RUNTIME } from "../runtime/current.mjs";
import { bootFresh, openBridge } from "./boot.mjs";
import { step } from "./boot-step.mjs";
import { tell } from "./clients.mjs";
import { plainError } from "./protocol.mjs";
import { makeSnapshot, restoreOptions } from "./pyodide-snapshot.mjs";
import { SnapshotStore } from "./snapshot.mjs";
import { prefetch } from "./worker-fetch.mjs";

/** @typedef {{pyodide: object, bridge: object, python: string,
 *   boot: "snapshot" | "fresh"}} Runtime */

const store = new SnapshotStore(RUNTIME);

async function read(name) {
  const response = await fetch(new URL(name, RUNTIME));
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

async function restore(loadPyodide, stored, gate) {
  if (!stored) return null;
  gate.open("nothing");
  try {
    // The runtime loads while the bytes are read and checked against their digest (on
    // another thread, where the browser allows one); only checked bytes are restored, and
    // a snapshot that fails the check or the restore is dropped.
    const checked = stored.intact.then((intact) => {
      if (!intact) throw new Error("the snapshot does not match its digest");
      return stored.bytes;
    });
    checked.catch(() => {}); // reported by loadPyodide
    const pyodide = await step(() =>
      loadPyodide({ indexURL: RUNTIME, ...restoreOptions(checked) }),
    );
    return { pyodide, ...openBridge(pyodide) };
  } catch {
    await store.drop().catch(() => {}); // a bad snapshot is never tried twice
    return null;
  }
}

/**
 * The booted runtime, telling the pages each stage. `gate`: the compile gate, which a
 * restore opens at once. `asked`: settles once a page has asked for the runtime's download
 * (protocol.mjs: Download); nothing is downloaded before, unless this browser kept a
 * memory snapshot of the runtime, whose files the offline copy then holds (the
 * WebAssembly fetched ahead apart, which is not read before).
 * @param {{open: (why: "nothing") => void}} gate
 * @param {Promise<void>} asked
 * @returns {Promise<Runtime>}
 */
export async function startRuntime(gate, asked) {
  const opened = store.openElsewhere().catch(() => null);
  await Promise.race([asked, opened.then((stored) => (stored ? undefined : asked))]);
  tell({ type: "progress", stage: "runtime" });
  // The loader imports the runtime's 1.2 MB script only once it has itself loaded, and asks
  // for the rest only once that has; asking for all of it now keeps the link busy from the
  // start (each file is downloaded once: the loader gets these responses).
  import(`${RUNTIME}pyodide.asm.mjs`).catch(() => {}); // a failure is reported by the loader
  const started = prefetch(["pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"]);
  const [stored, { loadPyodide }] = await Promise.all([
    opened,
    step(() => import(`${RUNTIME}pyodide.mjs`)),
  ]);
  const restored = await restore(loadPyodide, stored, gate);
  if (restored) return { ...restored, boot: "snapshot" };
  const pyodide = await step(() =>
    bootFresh({
      loadPyodide,
      indexURL: RUNTIME,
      read,
      makeSnapshot: store.usable,
      wheelAfter: started, // the wheel is fetched once what Python starts from has arrived
    }),
  );
  tell({ type: "progress", stage: "import" });
  return { pyodide, ...openBridge(pyodide), boot: "fresh" };
}

/**
 * Keep a memory snapshot of a fresh runtime for the next visit, and say whether it was kept.
 * @param {Runtime} runtime
 */
export async function keepSnapshot(runtime) {
  if (runtime.boot !== "fresh" || !store.usable) return;
  try {
    await store.save(makeSnapshot(runtime.pyodide));
    tell({ type: "snapshot", saved: true });
  } catch (err) {
    tell({ type: "snapshot", saved: false, error: plainError(err) });
  }
}
