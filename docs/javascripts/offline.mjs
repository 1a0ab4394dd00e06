// Offline support: the Workbox service worker (site/sw.js, made by
// scripts/service-worker.mjs) keeps a copy of the whole guide, Python runtime included.
// It is registered only once the page's runtime is live (or, on a page without
// calculators, once the browser is idle), so the offline copy never competes with the
// first boot; it then fills from what the page already fetched (the HTTP cache) wherever a
// file's address carries its content hash. Over http(s) only: file:// cannot run Pyodide.
// The registration is then watched for a newer build (update-notice.mjs).

import { watch } from "./update-notice.mjs";

function whenIdle(callback) {
  if ("requestIdleCallback" in window) window.requestIdleCallback(callback, { timeout: 5000 });
  else setTimeout(callback, 1000);
}

export function registerOffline() {
  if (!("serviceWorker" in navigator) || !window.location.protocol.startsWith("http")) return;
  whenIdle(() => {
    const url = new URL("../sw.js", import.meta.url);
    const scope = new URL("../", import.meta.url).pathname;
    navigator.serviceWorker.register(url, { scope }).then(watch, () => {
      // No service worker (private mode, blocked): the guide still works online.
    });
  });
}
