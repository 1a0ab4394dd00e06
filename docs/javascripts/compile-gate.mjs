// The runtime's WebAssembly compiles on every core the browser has; run against the page's
// start-up (the theme's script and its handlers for the loaded page), it slows both. So a
// fresh boot's compile waits until a page says it has started ({type: "started"}: its
// DOMContentLoaded handlers, and the tasks they queued, have run), or START_WAIT_MS at
// most. The download starts before (once a page has painted: worker-boot.mjs) and its body
// is read once the compile starts, so where the network is slower than the page's start-up
// the wait costs little or nothing. A
// restore does not wait (it opens the gate with "nothing"), nor does a later page.
//
// The loader compiles the runtime's main module as it streams in (its small helper modules,
// by WebAssembly.instantiate, do not wait). A compile that fails ends the boot step it was
// asked for in: the loader itself would only warn, and never settle.

import { failureOfStep } from "./boot-step.mjs";
import { replaceInstantiateStreaming } from "./worker-globals.mjs";

const START_WAIT_MS = 2000;

/**
 * Put the gate in place; it opens at the latest START_WAIT_MS from now. `waitedFor` is what
 * opened the gate when the compile went through it ("page", "timeout", or "nothing" where
 * it was open already), null while no compile has.
 * @returns {{open: (why: "page" | "nothing") => void,
 *   readonly waitedFor: "page" | "timeout" | "nothing" | null}}
 */
export function installCompileGate() {
  let open;
  const opened = new Promise((resolve) => {
    open = resolve;
  });
  setTimeout(() => open("timeout"), START_WAIT_MS);
  let waitedFor = null;
  replaceInstantiateStreaming((instantiateStreaming) => async (source, ...rest) => {
    const fail = failureOfStep();
    const response = Promise.resolve(source);
    response.catch(() => {}); // a failed download has ended the boot already (worker-fetch)
    waitedFor ??= await opened;
    try {
      return await instantiateStreaming(response, ...rest);
    } catch (err) {
      fail?.(err);
      throw err;
    }
  });
  return {
    open,
    get waitedFor() {
      return waitedFor;
    },
  };
}
