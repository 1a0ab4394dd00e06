// Offline support: register the Workbox service worker (site/sw.js) that precaches the whole
// guide, Python runtime included. Over http(s) only; file:// cannot run Pyodide anyway.
if ("serviceWorker" in navigator && window.location.protocol.startsWith("http")) {
  const url = new URL("../sw.js", import.meta.url);
  navigator.serviceWorker
    .register(url, { scope: new URL("../", import.meta.url).pathname })
    .catch(() => {
      // No service worker (private mode, blocked): the guide still works online.
    });
}
