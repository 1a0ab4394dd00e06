// A stand-in for Material's search worker that starts the real one late. Building the
// search index costs CPU that the Python runtime needs while it boots, so the theme's
// messages wait here until the page says search may start (on the BroadcastChannel below:
// the runtime is ready, the page has no calculator, or the reader went to the search box),
// or a few seconds have passed. Then Material's worker loads here and gets the index
// first; anything else waits until it says the index is built (its message of type 1), so
// no search is answered from an empty index. scripts/defer_search.py points the theme here
// and writes the theme worker's path into THEME_WORKER.
//
// What this relies on in Material (tests/unit/test_dependencies.py checks the pinned
// version): the page starts the search worker as a classic worker and sends the index
// first (type 0); the theme's worker is a classic script (loaded here by importScripts),
// listens for "message" events and answers the index with INDEX_READY through the global
// postMessage. The two timers are this stand-in's own: when to start without being asked,
// and when to stop holding searches should the theme's worker never say it is ready.

const THEME_WORKER = "theme-search-worker.js"; // relative to the site root
const START_AFTER_MS = 8000;
const RELEASE_AFTER_MS = 5000; // should the theme's worker never say it is ready
const INDEX_READY = 1;
const held = [];
let phase = "waiting"; // waiting -> starting -> running
let releaseTimer = 0;

function replay(data) {
  const event = new MessageEvent("message", { data });
  event.replayed = true;
  self.dispatchEvent(event);
}

function release() {
  if (phase === "running") return;
  phase = "running";
  clearTimeout(releaseTimer);
  for (const data of held.splice(0)) replay(data);
}

function start() {
  if (phase !== "waiting") return;
  phase = "starting";
  const post = self.postMessage.bind(self);
  self.postMessage = (message, ...rest) => {
    post(message, ...rest);
    if (message?.type === INDEX_READY) release();
  };
  importScripts(new URL(`../${THEME_WORKER}`, self.location).href);
  if (held.length) replay(held.shift()); // the index, first
  releaseTimer = setTimeout(release, RELEASE_AFTER_MS);
}

// Registered before the theme's own listener, so it sees every message first.
self.addEventListener("message", (event) => {
  if (phase === "running" || event.replayed) return;
  event.stopImmediatePropagation();
  held.push(event.data);
  if (held.length > 1) start(); // the theme sends its index first: anything more is a search
});
// The page may have said so before this worker existed: ask (calculators.mjs answers).
const channel = new BroadcastChannel("tune-or-prompt");
channel.addEventListener("message", (event) => {
  if (event.data === "search-may-start") start();
});
channel.postMessage("search-waiting");
setTimeout(start, START_AFTER_MS);
