// The page's client for the Python worker (calc-worker.mjs), through worker-line.mjs: the
// shared worker that early-worker.js started or joined, or a dedicated worker for this
// visit (it survives Material's instant navigation); requests matched to replies by id. The
// messages are in protocol.mjs.
//
// start() resolves once Python is ready, or rejects (no WebAssembly, the worker failed, the
// boot timed out). call() resolves with the worker's reply ({ok, result, display} or
// {ok: false, error}) and rejects if the worker dies or does not answer in time; after a
// worker error every later call rejects at once. describe() gives calculator.schema(),
// asked for only when the page needs it (the exports), so no boot waits on it.

import { afterFirstPaint, afterStartUp } from "./page-moments.mjs";
import "./protocol.mjs";
import { Requests } from "./requests.mjs";
import { WorkerLine } from "./worker-line.mjs";

/** @typedef {import("./protocol.mjs").WorkerMessage} WorkerMessage */
/** @typedef {import("./protocol.mjs").Request} Request */

const BOOT_TIMEOUT_MS = 120000;

function firstLine(text, length = 200) {
  return `${text}`.split("\n")[0].slice(0, length);
}

function describeBootError(error) {
  const text = `${error?.message || error}`;
  if (/wasm|WebAssembly|fetch|NetworkError|load/i.test(text)) {
    return `the Python runtime could not be downloaded or compiled (${firstLine(text, 160)})`;
  }
  return firstLine(text);
}

class Runtime {
  constructor() {
    this.line = null; // to the worker (worker-line.mjs)
    this.ready = null; // Promise, settled when the runtime is ready or has failed
    this.schema = null; // Promise<calculator.schema()>, once asked for
    this.requests = new Requests(); // calls waiting for their replies
    this.python = "";
    this.boot = ""; // "snapshot", "fresh" or "running" (protocol.mjs: Ready)
    this.copied = new Promise((resolve) => {
      this.markCopied = resolve; // the worker has put the runtime in the offline copy
    });
    this.failure = null; // set once the worker is gone
    this.listeners = new Set(); // boot progress: (stage) => void
    // The reader asked the browser to save data: the runtime is downloaded only once they
    // turn to a calculator (calculators.mjs calls download()), or another tab has it live.
    this.saveData = navigator.connection?.saveData === true;
    this.asked = false; // this page has asked the worker to download the runtime
    this.armTimeout = () => {}; // the boot's time limit runs from the download on
  }

  // Ask the worker to download the runtime (it downloads nothing until a page asks).
  download() {
    this.asked = true;
    this.armTimeout();
    this.line?.postMessage({ type: "download" });
  }

  start() {
    if (!this.ready) this.ready = new Promise((resolve, reject) => this.#boot(resolve, reject));
    return this.ready;
  }

  #boot(resolve, reject) {
    if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
      reject(new Error("this browser cannot run WebAssembly in a worker"));
      return;
    }
    let timer = null;
    const failWith = (error) => {
      clearTimeout(timer);
      this.#fail(error);
      reject(this.failure);
    };
    this.armTimeout = () => {
      timer ??= setTimeout(() => {
        failWith(new Error(`the Python runtime did not start within ${BOOT_TIMEOUT_MS / 1000} s`));
      }, BOOT_TIMEOUT_MS);
    };
    if (!this.saveData) this.armTimeout();
    /** @param {WorkerMessage} message */
    const onMessage = (message) => {
      if (message.type === "progress") {
        this.armTimeout(); // the download has begun (another tab may have asked)
        for (const listener of this.listeners) listener(message.stage);
      } else if (message.type === "ready") {
        clearTimeout(timer);
        this.python = message.python;
        this.boot = message.boot;
        resolve();
      } else if (message.type === "copied") {
        this.markCopied();
      } else if (message.type === "error") {
        failWith(new Error(describeBootError(message.error)));
      } else if (message.type === "result") {
        this.requests.settle(message.id, message.json);
      }
    };
    // Each port the page talks on: the first, or a dedicated worker's that replaced a shared
    // worker given up, which is sent again what this page had asked of that one.
    const onPort = (port, replaced) => {
      // The worker compiles the runtime once the page has started (calc-worker.mjs).
      afterStartUp(() => port.postMessage({ type: "started" }));
      if (this.asked) port.postMessage({ type: "download" });
      else if (!this.saveData) afterFirstPaint(() => this.download());
      if (replaced) this.requests.resendAll(port);
    };
    this.line = new WorkerLine({ onMessage, onFailure: failWith, onPort });
    try {
      this.line.open();
    } catch (err) {
      this.line = null;
      reject(new Error(`the worker could not start (${err.message})`));
    }
  }

  // The worker is gone for good (for this page): stop it, or leave a shared one to the other
  // pages, and reject every call waiting on it.
  #fail(error) {
    if (this.failure) return;
    this.failure = error;
    this.line?.close();
    this.requests.failAll(error);
  }

  /** @param {Omit<Request, "id">} message */
  #request(message) {
    if (this.failure) return Promise.reject(this.failure);
    return this.requests.send(this.line, message);
  }

  call(calculator, inputs, currency = "") {
    return this.#request({ type: "call", calculator, inputs, currency });
  }

  // Both scenarios of a comparison: `inputs` (B) and the pinned `inputsA` (A).
  compare(calculator, inputsA, inputs, currency = "") {
    return this.#request({ type: "compare", calculator, inputs_a: inputsA, inputs, currency });
  }

  // The box texts that a calculator's preset fills for a model of the price table.
  preset(calculator, preset, model, rate = "1") {
    return this.#request({ type: "preset", calculator, preset, model, rate });
  }

  // The texts of figures quoted in the prose (calculator.quotes names) in a currency.
  quotes(names, currency, rate) {
    return this.#request({ type: "quotes", names, currency, rate });
  }

  describe() {
    this.schema ??= this.#request({ type: "describe" }).then((reply) => reply.schema);
    return this.schema;
  }
}

export const runtime = new Runtime();
