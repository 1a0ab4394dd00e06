// The boot step under way, and failing it. Where a runtime download or compile fails,
// Pyodide's loader only warns and may never settle; the worker's fetch (worker-fetch.mjs),
// its compile gate (compile-gate.mjs) and any promise rejected with no handler fail the
// step instead, so the boot ends at once with the reason.

import { onUnhandledRejection } from "./worker-globals.mjs";

let failStep = null;

/** Fail the step under way, if any, with `err`. */
export function fail(err) {
  failStep?.(err);
}

/** The failure of the step under way (to call later, from where the step was asked for). */
export function failureOfStep() {
  return failStep;
}

/**
 * `work()`, as a step that also fails when fail() is called while it runs.
 * @template T
 * @param {() => Promise<T>} work
 * @returns {Promise<T>}
 */
export function step(work) {
  return new Promise((resolve, reject) => {
    failStep = reject;
    work().then(resolve, reject);
  }).finally(() => {
    failStep = null;
  });
}

onUnhandledRejection((reason) => {
  if (!failStep) return false;
  failStep(reason);
  return true;
});
