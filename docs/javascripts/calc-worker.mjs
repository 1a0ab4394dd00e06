// The cost model in a module Web Worker: Pyodide starts here, so the page never freezes
// while it loads. The Python side is calculator.bridge, in the wheel; the messages are in
// protocol.mjs.
//
// Where the browser has shared workers, this is one (early-worker.js starts it, named for
// the build): every tab of the guide talks to the one runtime, and with `extendedLifetime`
// the browser keeps it for a while after the last tab has gone, so that a reload or a link
// opened later joins a live runtime instead of starting one. Elsewhere it is a dedicated
// worker, one per page (kept across Material's instant navigation).
//
// This module wires the parts: the fetch (worker-fetch.mjs) and the compile gate
// (compile-gate.mjs) go in place before anything loads, the boot (worker-boot.mjs) starts
// (its downloads once a page asks for them),
// the pages are served (clients.mjs, dispatch.mjs), and once the runtime is ready and the
// first calls have had their turn, the offline copy is stored, a snapshot kept and the
// calculators warmed up (warm-up.mjs).
//
// The site serves these modules as one file (scripts/pack_scripts.mjs); `make dev` serves
// them as they are.

import { SHARED, serveClients, tell } from "./clients.mjs";
import { installCompileGate } from "./compile-gate.mjs";
import { answer } from "./dispatch.mjs";
import { plainError } from "./protocol.mjs";
import { noteRequest, warmUp } from "./warm-up.mjs";
import { keepSnapshot, startRuntime } from "./worker-boot.mjs";
import { fetchAhead, installFetch } from "./worker-fetch.mjs";

const AFTER_READY_MS = 500; // the offline copy and the snapshot wait: first calls first

const offlineCopy = installFetch();
const gate = installCompileGate();
let askToDownload;
const asked = new Promise((resolve) => {
  askToDownload = resolve; // by the first page that asks (protocol.mjs: Download)
});

const ready = startRuntime(gate, asked).then((runtime) => {
  const { python, boot } = runtime;
  tell({ type: "ready", python, boot, compileWaitedFor: gate.waitedFor });
  setTimeout(async () => {
    await offlineCopy.store();
    tell({ type: "copied" }); // the service worker may now fill the rest
    await keepSnapshot(runtime);
    await warmUp(runtime.bridge).catch(() => {});
  }, AFTER_READY_MS);
  return runtime.bridge;
});
ready.catch((err) => {
  tell({ type: "error", error: plainError(err) });
  if (SHARED) self.close(); // the next page starts a new worker, rather than join this one
});

serveClients({
  onStarted: () => gate.open("page"),
  onFetchAhead: () => fetchAhead("pyodide.asm.wasm"),
  onDownload: () => askToDownload(),
  onRequest: (client, message) => {
    noteRequest();
    answer(ready, client, message);
  },
});
