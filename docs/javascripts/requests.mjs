// Requests to the Python worker matched to its replies by id (runtime.mjs sends them): each
// resolves with its reply, or rejects if no reply comes in time or the worker fails first.

/** @typedef {import("./protocol.mjs").Request} Request */

const CALL_TIMEOUT_MS = 30000;

export class Requests {
  constructor() {
    this.pending = new Map(); // id -> {message, resolve, reject, timer}
    this.nextId = 1;
  }

  /**
   * Send `message` through `port` with a new id; resolves with the reply's JSON, parsed.
   * @param {{postMessage(message: Request): void}} port
   * @param {Omit<Request, "id">} message
   */
  send(port, message) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const waiting = { message: { ...message, id }, resolve, reject, timer: null };
      this.pending.set(id, waiting);
      this.#post(port, waiting);
    });
  }

  /**
   * Send every request still waiting through `port` again, each with its full time (the
   * worker they went to was given up for another: runtime.mjs).
   * @param {{postMessage(message: Request): void}} port
   */
  resendAll(port) {
    for (const waiting of this.pending.values()) this.#post(port, waiting);
  }

  #post(port, waiting) {
    clearTimeout(waiting.timer);
    waiting.timer = setTimeout(() => {
      this.pending.delete(waiting.message.id);
      waiting.reject(
        new Error(`the calculation did not finish within ${CALL_TIMEOUT_MS / 1000} s`),
      );
    }, CALL_TIMEOUT_MS);
    port.postMessage(waiting.message);
  }

  /** The worker's reply to request `id` (its result as JSON text); others are ignored. */
  settle(id, json) {
    const waiting = this.pending.get(id);
    if (!waiting) return;
    this.pending.delete(id);
    clearTimeout(waiting.timer);
    waiting.resolve(JSON.parse(json));
  }

  /** Reject every request still waiting with `error` (the worker is gone). */
  failAll(error) {
    for (const waiting of this.pending.values()) {
      clearTimeout(waiting.timer);
      waiting.reject(error);
    }
    this.pending.clear();
  }
}
