// The page's line to the Python worker (calc-worker.mjs), for runtime.mjs: the worker that
// early-worker.js started in <head> (adopted with the messages it has already sent), or a
// dedicated worker started here. Messages go to the worker itself, or to a shared worker's
// port for this page.
//
// A shared worker that cannot serve the page is given up for a dedicated one: one whose
// script failed (an `error` event at the SharedWorker: a browser without module shared
// workers, say), and one that has not said `connected` (protocol.mjs) in time, since a
// shared worker whose script never arrives (a stalled request) reports nothing. The shared
// worker is told the page has left, so that one merely late downloads no runtime for no
// page; runtime.mjs is handed the new port, to send it what the page had sent the old one.

import "./protocol.mjs";

/** @typedef {import("./protocol.mjs").WorkerMessage} WorkerMessage */
/** @typedef {import("./protocol.mjs").PageMessage} PageMessage */
/** @typedef {{postMessage: (message: PageMessage) => void}} Port */

const WORKER_URL = new URL("./calc-worker.mjs", import.meta.url);
// A dedicated worker that replaces a shared one asks for the script at an address of its
// own: the browser's cache holds a second request for an address whose first request has
// stalled until it gives up on that one (20 s after, in Chromium; with this address the
// page went live 11 s after it loaded, against 31 s). The offline copy ignores the query.
const INSTEAD_URL = new URL("?instead", WORKER_URL);
// A shared worker sends `connected` once its script has run and its thread is free: a
// median 0.04 s after the page starts it on a first visit (0.15 s over a 5 Mbit/s link with
// 100 ms a request), 0.10 s where it restores a snapshot, 0.50 s (at most 0.64 s in five)
// for a tab that joins it while it boots the runtime. One still silent this long after the
// page's module adopts it is given up.
const SHARED_SILENCE_MS = 10000;
const SILENT_KEY = "tune-or-prompt:silent-worker"; // in session storage: the name given up

export class WorkerLine {
  /**
   * `onMessage(message)` for each message of the worker; `onFailure(error)` once no worker
   * can serve the page; `onPort(port, replaced)` for each port, the first and any that
   * replaces a shared worker given up (once its early messages have been handed on).
   * @param {{onMessage: (message: WorkerMessage) => void,
   *   onFailure: (error: Error) => void,
   *   onPort: (port: Port, replaced: boolean) => void}} on
   */
  constructor(on) {
    this.on = on;
    this.worker = null;
    this.port = null; // where messages go: the worker, or a shared worker's port
    this.name = "";
    this.live = false; // the worker has said its runtime is ready
    this.closed = false;
    this.silence = null; // the timer that gives up a silent shared worker
  }

  /** Adopt early-worker.js's worker, or start a dedicated one; throws if none can start. */
  open() {
    const adopted = window.__tuneOrPromptWorker;
    delete window.__tuneOrPromptWorker;
    this.worker = adopted?.worker || new Worker(WORKER_URL, { type: "module" });
    this.port = adopted?.port || this.worker;
    this.name = adopted?.name || ""; // the shared worker's (early-worker.js)
    this.#listen(adopted?.early || [], false);
  }

  get shared() {
    return this.port !== this.worker;
  }

  /** @param {PageMessage} message */
  postMessage(message) {
    this.port?.postMessage(message);
  }

  /** The page is done with the worker: stop it, or leave a shared one to the other pages. */
  close() {
    this.closed = true;
    clearTimeout(this.silence);
    if (this.shared) this.port?.close();
    else this.worker?.terminate();
  }

  #listen(early, replaced) {
    const port = this.port;
    port.onmessage = null;
    this.worker.onerror = null;
    this.worker.addEventListener("error", this.#onError);
    port.addEventListener("message", this.#onMessage);
    port.start?.(); // a port delivers to listeners once started
    // An early message below, or the first to come, stops the clock.
    if (this.shared) this.silence = setTimeout(this.#onSilence, SHARED_SILENCE_MS);
    for (const event of early) {
      if (this.port !== port) return; // given up while they were handed on
      (event.type === "error" ? this.#onError : this.#onMessage)(event);
    }
    if (this.port === port) this.on.onPort(port, replaced);
  }

  #onMessage = (event) => {
    clearTimeout(this.silence); // the worker's script runs (protocol.mjs: Connected)
    /** @type {WorkerMessage} */
    const message = event.data || {};
    if (message.type === "ready") this.live = true;
    this.on.onMessage(message);
  };

  #onError = (event) => {
    if (this.closed) return;
    if (event.currentTarget && event.currentTarget !== this.worker) return; // one given up
    if (this.shared && !this.live && this.#giveWay()) return;
    this.on.onFailure(new Error(event.message || "the worker script failed"));
  };

  #onSilence = () => {
    if (this.closed) return;
    // The browser keeps the silent worker while this tab is open, and would have the tab's
    // later pages join it: they start dedicated ones (early-worker.js reads this).
    try {
      sessionStorage.setItem(SILENT_KEY, this.name);
    } catch {
      // no session storage: each page waits as this one did
    }
    if (this.#giveWay()) return;
    this.on.onFailure(new Error("the shared worker did not answer, nor could a worker start"));
  };

  // A dedicated worker instead of the shared one (false if none can start).
  #giveWay() {
    let worker;
    try {
      worker = new Worker(INSTEAD_URL, { type: "module" });
    } catch {
      return false;
    }
    clearTimeout(this.silence);
    this.port.postMessage({ type: "leave" });
    this.port.close();
    this.worker = worker;
    this.port = worker;
    this.#listen([], true);
    return true;
  }
}
