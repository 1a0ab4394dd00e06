// The pages this worker serves: itself, where it is a dedicated worker (one page), or one
// port per page, where it is a shared one (early-worker.js starts it, named for the build,
// so every tab of the guide talks to one runtime). Each page is told `connected` first (a
// page gives up a shared worker that stays silent: worker-line.mjs). A page that joins
// later is sent the latest of each state message at once (protocol.mjs: REPLAYED), a
// `ready` as boot "running" once another page has been told it. The page that started the
// worker may connect only after a restore has finished (its connection waits for its own
// busy thread); it is told how the runtime booted, as the page that started it.

import { REPLAYED, REQUESTS } from "./protocol.mjs";

/** @typedef {import("./protocol.mjs").WorkerMessage} WorkerMessage */
/** @typedef {import("./protocol.mjs").Request} Request */
/** @typedef {{postMessage: (message: WorkerMessage) => void}} Client */

export const SHARED =
  typeof SharedWorkerGlobalScope === "function" && self instanceof SharedWorkerGlobalScope;
const clients = new Set();
const latest = new Map(); // type -> the last message of that type, for pages that join later
let readyTold = false; // a page has been told the runtime is ready: later ones joined it

/**
 * Tell every page.
 * @param {WorkerMessage} message
 */
export function tell(message) {
  if (REPLAYED.includes(message.type)) latest.set(message.type, message);
  if (message.type === "ready" && clients.size) readyTold = true;
  for (const client of clients) client.postMessage(message);
}

/**
 * Serve every page, now and as they connect: `onStarted()` when a page says it has started,
 * `onFetchAhead()` when one says the WebAssembly may be fetched ahead, `onDownload()` when
 * one asks for the runtime's download, `onRequest(client, request)` for each request.
 * @param {{onStarted: () => void, onFetchAhead: () => void, onDownload: () => void,
 *   onRequest: (client: Client, request: Request) => void}} on
 */
export function serveClients({ onStarted, onFetchAhead, onDownload, onRequest }) {
  const serve = (client) => {
    clients.add(client);
    client.addEventListener("message", (event) => {
      const message = event.data || {};
      if (message.type === "started") onStarted();
      if (message.type === "fetch-ahead") onFetchAhead();
      if (message.type === "download") onDownload();
      if (message.type === "leave") {
        clients.delete(client);
        if (SHARED && !clients.size) self.close(); // no page left to download a runtime for
      }
      if (REQUESTS.includes(message.type)) onRequest(client, message);
    });
    client.addEventListener("close", () => clients.delete(client)); // where ports say so
    client.postMessage({ type: "connected" });
    for (const message of latest.values()) {
      const joined = message.type === "ready" && readyTold;
      client.postMessage(joined ? { ...message, boot: "running" } : message);
      if (message.type === "ready") readyTold = true;
    }
  };
  if (SHARED) {
    self.addEventListener("connect", (event) => {
      const [port] = event.ports;
      serve(port);
      port.start();
    });
  } else {
    serve(self);
  }
}
