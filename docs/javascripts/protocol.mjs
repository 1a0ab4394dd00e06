// The messages between a page (runtime.mjs) and the Python worker (calc-worker.mjs and the
// worker-side modules it wires): plain objects with a `type`, on the worker itself or, for
// a shared worker, on each page's port. Both sides import the types below from here, and
// this is the one place that lists them.
//
// Inputs reach Python as one JSON string, never as source code. Errors cross as plain
// objects ({name, message}), since Pyodide's error objects cannot be cloned.

/**
 * An error as it crosses to the page.
 * @typedef {{name: string, message: string}} PlainError
 */

// worker -> page

/**
 * The worker's script has run and serves this page: the first message on each page's
 * connection. A shared worker whose script never arrives reports no error (nor, by the
 * HTML standard, an exception its script throws as it runs, though Chromium does), so a
 * page that has not heard this from a shared worker in time starts a dedicated one
 * (worker-line.mjs).
 * @typedef {{type: "connected"}} Connected
 */
/**
 * A boot stage has begun: "runtime" (the runtime loads), "import" (a fresh boot installs
 * and imports the cost model).
 * @typedef {{type: "progress", stage: "runtime" | "import"}} Progress
 */
/**
 * Python is ready. `boot`: "snapshot" (restored from this browser's memory snapshot),
 * "fresh", or "running" to a page that joined a runtime another page had been told of.
 * `compileWaitedFor`: what opened the compile gate (compile-gate.mjs): "page", "timeout",
 * "nothing", or null if no compile went through it.
 * @typedef {{type: "ready", python: string, boot: "snapshot" | "fresh" | "running",
 *   compileWaitedFor: "page" | "timeout" | "nothing" | null}} Ready
 */
/**
 * The runtime could not start; the worker answers nothing more.
 * @typedef {{type: "error", error: PlainError}} BootError
 */
/**
 * The runtime files this worker downloaded are in the offline copy (offline-copy.mjs).
 * @typedef {{type: "copied"}} Copied
 */
/**
 * A memory snapshot of the fresh runtime was kept, or could not be (`error` says why).
 * @typedef {{type: "snapshot", saved: boolean, error?: PlainError}} SnapshotKept
 */
/**
 * The reply to a request, matched by `id`. `json` is the reply as JSON text (a string
 * crosses whole, where an object graph would be cloned piece by piece), one of
 *   {ok: true, result, display, defaults, hints, input_texts, currency}  to call
 *   the same with compare: {a: {result, display, input_texts}, delta, change}  to compare
 *     (delta and change: {key: {value, text}}, B minus A and the change in percent)
 *   {ok: true, values, notes, source}  to preset: {field: box text}, notes for the reader
 *   {ok: true, quotes}   to quotes: {name: text}
 *   {ok: true, schema}   to describe: calculator.schema()
 *   {ok: false, error: {name, message, field, reason, calculator, side?}}  side: the
 *     scenario of a comparison whose input is at fault, "a" or "b"
 * @typedef {{type: "result", id: number, json: string}} Result
 */
/**
 * @typedef {Connected | Progress | Ready | BootError | Copied | SnapshotKept | Result}
 *   WorkerMessage
 */

// page -> worker

/**
 * The page has run its start-up (its DOMContentLoaded handlers and the tasks they queued):
 * a fresh boot may compile the runtime now (compile-gate.mjs).
 * @typedef {{type: "started"}} Started
 */
/**
 * The page's styles are in: the worker may start fetching the runtime's WebAssembly, its
 * largest file, and read none of it until the runtime's boot begins (a page's Download, or
 * a restore from this browser's memory snapshot). The link carries it while the page
 * paints, and the worker's processor time waits; given up if no page asks within 10 s.
 * Sent once, by early-worker.js, and not where the reader asked the browser to save data;
 * a worker whose downloads have begun (or a runtime already live) ignores it.
 * @typedef {{type: "fetch-ahead"}} FetchAhead
 */
/**
 * The page asks for the runtime: the worker downloads nothing until a page does (a restore
 * from this browser's memory snapshot, and the WebAssembly fetched ahead, apart). A page
 * asks once it has painted, or, where the reader asked the browser to save data, once they
 * turn to a calculator (runtime.mjs).
 * @typedef {{type: "download"}} Download
 */
/**
 * Run a calculator. `inputs`: {field: string | boolean}; `currency`: a code, or "" for the
 * article's dollars.
 * @typedef {{type: "call", id: number, calculator: string,
 *   inputs: Object<string, string | boolean>, currency: string}} Call
 */
/**
 * Run a calculator on two scenarios: `inputs` (B, on show) and `inputs_a` (A, pinned).
 * @typedef {{type: "compare", id: number, calculator: string,
 *   inputs_a: Object<string, string | boolean>, inputs: Object<string, string | boolean>,
 *   currency: string}} Compare
 */
/**
 * The box texts a preset fills for a model of the price table, at an exchange rate.
 * @typedef {{type: "preset", id: number, calculator: string, preset: string,
 *   model: string, rate: string}} Preset
 */
/**
 * calculator.schema(), asked for only when the page needs it (the exports).
 * @typedef {{type: "describe", id: number}} Describe
 */
/**
 * The texts of figures quoted in prose (calculator.quotes names), in a currency.
 * @typedef {{type: "quotes", id: number, names: string[], currency: string,
 *   rate: string}} Quotes
 */
/**
 * The page gives this shared worker up for a dedicated one (it failed to start, or said
 * nothing in time: worker-line.mjs) and closes its port: the worker forgets the page, and one
 * that then serves no page closes itself rather than download a runtime for none.
 * @typedef {{type: "leave"}} Leave
 */
/** @typedef {Call | Compare | Preset | Describe | Quotes} Request */
/** @typedef {Started | FetchAhead | Download | Leave | Request} PageMessage */

/** The requests the worker answers with a Result. */
export const REQUESTS = Object.freeze(["call", "compare", "preset", "describe", "quotes"]);

/** The state messages a page that joins later is sent at once (the latest of each). */
export const REPLAYED = Object.freeze(["progress", "ready", "error", "copied", "snapshot"]);

/**
 * An error (JavaScript's, or Python's through Pyodide) as a message can carry it.
 * @returns {PlainError}
 */
export function plainError(err) {
  return { name: err?.type || err?.name || "Error", message: String(err?.message || err) };
}
