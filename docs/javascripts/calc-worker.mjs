// The cost model in a module Web Worker: Pyodide starts here, so the page never freezes
// while it loads. The Python side is calculator.bridge, in the wheel.
//
// Where the browser has shared workers, this is one (early-worker.js starts it, named for
// the build): every tab of the guide talks to the one runtime, and with `extendedLifetime`
// the browser keeps it for a while after the last tab has gone, so that a reload or a link
// opened later joins a live runtime instead of starting one. Elsewhere it is a dedicated
// worker, one per page (kept across Material's instant navigation).
//
// Boot: restore the memory snapshot this browser made on an earlier visit (snapshot.mjs);
// failing that, boot afresh (boot.mjs), and once the page has its first results, make a
// snapshot for next time.
//
// Messages (plain objects with a `type`), on the worker itself or, shared, on each page's
// port; a page that joins later is sent the latest progress, ready, error, copied and
// snapshot messages at once:
//   worker -> page
//     {type: "progress", stage}                 boot stages: "runtime", "package", "import"
//     {type: "ready", python, boot, compileWaitedFor}  boot: "snapshot" or "fresh";
//                                               "running" to a page that joined a runtime
//                                               already live; compileWaitedFor: "page",
//                                               "timeout", "nothing" (see compileGate)
//     {type: "error", error: {name, message}}   the runtime could not start
//     {type: "result", id, json}                json: the reply as JSON text, one of
//         {ok: true, result, display, defaults, hints, input_texts, currency}  to call
//         {ok: true, quotes}                    to quotes: {name: text} (or an error)
//         {ok: true, schema}                    to describe
//         {ok: false, error: {name, message, field, reason, calculator}}
//     {type: "copied"}                          the runtime files are in the offline copy
//     {type: "snapshot", saved}                 a snapshot was kept (or could not be)
//   page -> worker
//     {type: "started"}                         the page has run its start-up (see below)
//     {type: "call", id, calculator, inputs, currency}  inputs: {field: string|boolean}
//     {type: "describe", id}                    calculator.schema(), when the page needs it
//     {type: "quotes", id, names, currency, rate}  figures quoted in prose, in a currency
//
// Inputs reach Python as one JSON string, never as source code. Python errors become plain
// objects before posting, since Pyodide's error objects cannot be cloned.

import { RUNTIME } from "../runtime/current.mjs";
import { bootFresh, openBridge } from "./boot.mjs";
import { offlineCopyFetch } from "./offline-copy.mjs";
import { SnapshotStore } from "./snapshot.mjs";

// The runtime's downloads go through the offline copy (offline-copy.mjs): on a first visit
// each file crosses the network once, for the worker and the service worker alike.
const offlineCopy = offlineCopyFetch(
  self.fetch.bind(self),
  RUNTIME,
  new URL("../../", RUNTIME).href,
);
// A runtime download that fails ends the boot at once (see step below): Pyodide's loader
// only warns when it cannot compile what it could not download, and then never settles.
self.fetch = async (resource, options) => {
  try {
    const response = await offlineCopy.fetch(resource, options);
    if (!response.ok) failStep?.(new Error(`${response.url}: HTTP ${response.status}`));
    return response;
  } catch (err) {
    failStep?.(err);
    throw err;
  }
};

const AFTER_READY_MS = 500; // the offline copy and the snapshot wait: first calls first
const WARM_UP_ROUNDS = 5; // calls per calculator while the reader reads (see warmUp)
const WARM_UP_SLOW_MS = 10; // a calculator slower than this is warmed once
const WARM_UP_QUIET_MS = 400; // and only while the reader has not asked for anything
let lastCallAt = 0;

// The pages this worker serves: itself (dedicated) or one port per page (shared).
const SHARED =
  typeof SharedWorkerGlobalScope === "function" && self instanceof SharedWorkerGlobalScope;
const clients = new Set();
const latest = new Map(); // type -> the last message of that type, for pages that join later
const REPLAYED = ["progress", "ready", "error", "copied", "snapshot"];

// Tell every page.
function tell(message) {
  if (REPLAYED.includes(message.type)) latest.set(message.type, message);
  for (const client of clients) client.postMessage(message);
}

function plainError(err) {
  return { name: err?.type || err?.name || "Error", message: String(err?.message || err) };
}

// If a runtime download fails (wasm blocked, offline without a copy), loadPyodide may never
// settle: the failed fetch (above), or a rejected promise nobody awaits, fails the boot step
// instead.
let failStep = null;
self.addEventListener("unhandledrejection", (event) => {
  if (!failStep) return;
  event.preventDefault();
  failStep(event.reason);
});
function step(work) {
  return new Promise((resolve, reject) => {
    failStep = reject;
    work().then(resolve, reject);
  }).finally(() => {
    failStep = null;
  });
}

// The runtime's WebAssembly compiles on every core the browser has. On a first visit that
// compile ran while the page was starting up (the theme's script and its handlers for the
// loaded page) and slowed both: the theme's handlers crossed 50 ms, a long task, in most
// loads, and the compile took half as long again. So a fresh boot's compile waits until a
// page says it has started ({type: "started"}: its DOMContentLoaded handlers, and the tasks
// they queued, have run), or START_WAIT_MS at most. The download starts at once and its body
// is read once the compile starts, so where the network is slower than the page's start-up
// the wait costs little or nothing. A restore does not wait, nor does a later page.
//
// `waitedFor` is what opened the gate when the compile went through it: "page", "timeout",
// or "nothing" (it was open already, as for a restore); null while no compile has (the
// `ready` message reports it).
const START_WAIT_MS = 2000;
const compileGate = (() => {
  let open;
  const opened = new Promise((resolve) => {
    open = resolve;
  });
  setTimeout(() => open("timeout"), START_WAIT_MS);
  const gate = { open, waitedFor: null };
  // The loader compiles the runtime's module as it streams in (its small helper modules, by
  // WebAssembly.instantiate, do not wait). A compile that fails ends the boot step it was
  // asked for in: the loader itself would only warn, and never settle.
  const { instantiateStreaming } = WebAssembly;
  WebAssembly.instantiateStreaming = async (source, ...rest) => {
    const fail = failStep;
    const response = Promise.resolve(source);
    response.catch(() => {}); // a failed download has ended the boot already (self.fetch)
    gate.waitedFor ??= await opened;
    try {
      return await instantiateStreaming.call(WebAssembly, response, ...rest);
    } catch (err) {
      fail?.(err);
      throw err;
    }
  };
  return gate;
})();

async function read(name) {
  const response = await fetch(new URL(name, RUNTIME));
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

const store = new SnapshotStore(RUNTIME);

async function restore(loadPyodide, stored) {
  if (!stored) return null;
  compileGate.open("nothing");
  try {
    // The runtime loads while the bytes are read and checked against their digest (on
    // another thread, where the browser allows one); only checked bytes are restored, and
    // a snapshot that fails the check or the restore is dropped.
    const checked = stored.intact.then((intact) => {
      if (!intact) throw new Error("the snapshot does not match its digest");
      return stored.bytes;
    });
    checked.catch(() => {}); // reported by loadPyodide
    const pyodide = await step(() => loadPyodide({ indexURL: RUNTIME, _loadSnapshot: checked }));
    return { pyodide, ...openBridge(pyodide) };
  } catch {
    await store.drop().catch(() => {}); // a bad snapshot is never tried twice
    return null;
  }
}

async function start() {
  tell({ type: "progress", stage: "runtime" });
  // The loader imports the runtime's 1.2 MB script only once it has itself loaded; asking
  // for it now lets both download and compile together (the module is loaded once).
  import(`${RUNTIME}pyodide.asm.mjs`).catch(() => {}); // a failure is reported by the loader
  const [stored, { loadPyodide }] = await Promise.all([
    store.openElsewhere().catch(() => null),
    step(() => import(`${RUNTIME}pyodide.mjs`)),
  ]);
  const restored = await restore(loadPyodide, stored);
  if (restored) return { ...restored, boot: "snapshot" };
  const pyodide = await step(() =>
    bootFresh({ loadPyodide, indexURL: RUNTIME, read, makeSnapshot: store.usable }),
  );
  tell({ type: "progress", stage: "import" });
  return { pyodide, ...openBridge(pyodide), boot: "fresh" };
}

async function keepSnapshot(pyodide) {
  try {
    await store.save(pyodide.makeMemorySnapshot());
    tell({ type: "snapshot", saved: true });
  } catch (err) {
    tell({ type: "snapshot", saved: false, error: plainError(err) });
  }
}

// The engine compiles the hottest WebAssembly (Python's own loop) at full speed only after
// it has run a while: the first edits of a visit took two to three times longer than later
// ones. Calling every calculator with its defaults a few times, one call per task so that
// a reader's call is never queued behind more than one, gets that done while the page is
// read, and only after a quiet moment, so that it never runs while the reader types.
// Results are discarded; calls have no side effects.
async function warmUp(bridge) {
  const ids = Object.keys(JSON.parse(bridge.describe()).calculators);
  const slow = new Set();
  for (let round = 0; round < WARM_UP_ROUNDS; round += 1) {
    for (const id of ids) {
      if (slow.has(id)) continue;
      do {
        await new Promise((resolve) => setTimeout(resolve, 50));
      } while (performance.now() - lastCallAt < WARM_UP_QUIET_MS);
      const started = performance.now();
      bridge.call(id, "{}", undefined);
      if (performance.now() - started > WARM_UP_SLOW_MS) slow.add(id);
    }
  }
}

const ready = start().then((runtime) => {
  const { python, boot } = runtime;
  tell({ type: "ready", python, boot, compileWaitedFor: compileGate.waitedFor });
  setTimeout(async () => {
    await offlineCopy.store();
    tell({ type: "copied" }); // the service worker may now fill the rest
    if (boot === "fresh" && store.usable) await keepSnapshot(runtime.pyodide);
    await warmUp(runtime.bridge).catch(() => {});
  }, AFTER_READY_MS);
  return runtime.bridge;
});
ready.catch((err) => {
  tell({ type: "error", error: plainError(err) });
  if (SHARED) self.close(); // the next page starts a new worker, rather than join this one
});

async function answer(client, message) {
  lastCallAt = performance.now();
  let bridge;
  try {
    bridge = await ready;
  } catch {
    return; // the boot error was already reported
  }
  // Replies cross as the model's JSON text, parsed by the page: a string is copied whole,
  // where an object graph (a chart, a table) would be cloned piece by piece.
  let json;
  try {
    if (message.type === "describe") {
      json = `{"ok": true, "schema": ${bridge.describe()}}`;
    } else if (message.type === "quotes") {
      const names = JSON.stringify(message.names || []);
      const currency = message.currency ? String(message.currency) : undefined;
      json = bridge.quotes(names, currency, String(message.rate || "1"));
    } else {
      const inputs = JSON.stringify(message.inputs || {});
      const currency = message.currency ? String(message.currency) : undefined; // None, not jsnull
      json = bridge.call(String(message.calculator), inputs, currency);
    }
  } catch (err) {
    json = JSON.stringify({ ok: false, error: plainError(err) });
  }
  client.postMessage({ type: "result", id: message.id, json });
}

// A page: answer its requests, and catch it up on what it missed.
function serve(client) {
  clients.add(client);
  client.addEventListener("message", (event) => {
    const message = event.data || {};
    if (message.type === "started") compileGate.open("page");
    if (["call", "describe", "quotes"].includes(message.type)) answer(client, message);
  });
  client.addEventListener("close", () => clients.delete(client)); // where ports say so
  for (const message of latest.values()) {
    client.postMessage(message.type === "ready" ? { ...message, boot: "running" } : message);
  }
}

if (SHARED) {
  self.addEventListener("connect", (event) => {
    const [port] = event.ports;
    serve(port);
    port.start();
  });
} else {
  serve(self);
}
