// The worker's fetch: the runtime's downloads go through the offline copy
// (offline-copy.mjs), so that on a first visit each file crosses the network once, for the
// worker and the service worker alike; and a runtime download that fails ends the boot step
// at once (boot-step.mjs), where Pyodide's loader would only warn and never settle.

import { RUNTIME } from "../runtime/current.mjs";
import { fail } from "./boot-step.mjs";
import { offlineCopyFetch } from "./offline-copy.mjs";
import { replaceFetch } from "./worker-globals.mjs";

/**
 * Put the worker's fetch in place; returns the offline copy, whose store() puts what was
 * downloaded into the service worker's precache.
 * @returns {{store: () => Promise<void>}}
 */
export function installFetch() {
  let offlineCopy;
  replaceFetch((original) => {
    offlineCopy = offlineCopyFetch(original, RUNTIME, new URL("../../", RUNTIME).href);
    return async (resource, options) => {
      try {
        const response = await offlineCopy.fetch(resource, options);
        if (!response.ok) fail(new Error(`${response.url}: HTTP ${response.status}`));
        return response;
      } catch (err) {
        fail(err);
        throw err;
      }
    };
  });
  return offlineCopy;
}
