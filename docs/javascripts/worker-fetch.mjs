// The worker's fetch: the runtime's downloads go through the offline copy
// (offline-copy.mjs), so that on a first visit each file crosses the network once, for the
// worker and the service worker alike; and a runtime download that fails ends the boot step
// at once (boot-step.mjs), where Pyodide's loader would only warn and never settle.

import { RUNTIME } from "../runtime/current.mjs";
import { fail } from "./boot-step.mjs";
import { offlineCopyFetch } from "./offline-copy.mjs";
import { replaceFetch } from "./worker-globals.mjs";

const early = new Map(); // URL -> the response of a runtime file asked for ahead
let downloading = false; // the runtime's downloads have begun (prefetch), or one is ahead
// A file fetched ahead is given up if no page asks for the runtime within this time (a tab
// closed before its first paint, say): unread, its transfer would stall, holding a
// connection, and a later page could be handed a response the server had meanwhile dropped.
const AHEAD_MS = 10_000;
let givingUp = 0; // the timer that gives up a file fetched ahead

// Settles once the whole body of `response` has arrived (read from a copy: the loader
// reads the response itself); never rejects, a failed download is reported by the loader.
async function arrived(response) {
  try {
    const reader = (await response).clone().body?.getReader();
    while (reader && !(await reader.read()).done);
  } catch {}
}

/**
 * Start downloading the runtime files `names` now, for the loader to find when it asks: it
 * asks for the WebAssembly only once its 1.2 MB script has loaded, so the link would carry
 * them one after another. Settles once every file's body has arrived (a fresh boot then
 * asks for the wheel: boot.mjs).
 * @param {string[]} names
 * @returns {Promise<void>}
 */
export function prefetch(names) {
  downloading = true;
  clearTimeout(givingUp);
  const bodies = names.map((name) => arrived(ahead(new URL(name, RUNTIME).href)));
  return Promise.all(bodies).then(() => {});
}

/**
 * Start fetching the runtime file `name` now and read none of it: the link carries it while
 * the page paints, and the worker's processor is spared until a page asks for the runtime
 * (prefetch, then the loader, take this response). Once only, and not once the downloads
 * have begun: a page that joins a worker already downloading or running asks in vain.
 * @param {string} name
 */
export function fetchAhead(name) {
  if (downloading) return;
  downloading = true;
  const url = new URL(name, RUNTIME).href;
  const stop = new AbortController();
  ahead(url, stop.signal);
  givingUp = setTimeout(() => {
    stop.abort();
    early.delete(url);
    downloading = false; // a page that asks later has it downloaded afresh
  }, AHEAD_MS);
}

// The response of the early request for `url`, made now if there is none. One that fails
// is dropped: the file is asked for afresh when it is needed, and a failure then ends the
// boot step under way (a request fetched ahead fails before any step has begun).
function ahead(url, signal) {
  if (!early.has(url)) {
    const response = globalThis.fetch(url, signal ? { signal } : undefined);
    early.set(url, response);
    response.catch(() => {
      if (early.get(url) === response) early.delete(url);
    });
  }
  return early.get(url);
}

function checked(response) {
  if (!response.ok) fail(new Error(`${response.url}: HTTP ${response.status}`));
  return response;
}

/**
 * Put the worker's fetch in place; returns the offline copy, whose store() puts what was
 * downloaded into the service worker's precache.
 * @returns {{store: () => Promise<void>}}
 */
export function installFetch() {
  let offlineCopy;
  replaceFetch((original) => {
    offlineCopy = offlineCopyFetch(original, RUNTIME, new URL("../../", RUNTIME).href);
    const through = async (resource, options) => {
      try {
        return checked(await offlineCopy.fetch(resource, options));
      } catch (err) {
        fail(err);
        throw err;
      }
    };
    return (resource, options) => {
      const url = new URL(resource instanceof Request ? resource.url : resource, RUNTIME).href;
      const ahead = early.get(url);
      if (!ahead) return through(resource, options);
      early.delete(url); // asked for once; a second request goes to the network
      return ahead.then(checked, (err) => {
        fail(err);
        throw err;
      });
    };
  });
  return offlineCopy;
}
