// A newer build of the guide: every open page says so, and until the reader reloads, an old
// page keeps to its own build (ARCHITECTURE.md, "A new build").
//
// How a page learns of one: the service worker of a new build (sw.js, whose manifest
// changes with any file of the build) installs beside the one in control and then waits
// (scripts/service-worker.mjs: no skipWaiting), so the old pages keep their own offline
// copy: their pages, runtime and scripts. The page asks the browser to look for a new
// service worker as it registers the offline copy, when it comes back into view, and at
// most once a minute on instant navigation; every open page of the guide sees the new one
// install (`updatefound`, then `installed`) and shows the notice.
//
// Reload tells the waiting service worker to take over (Workbox's SKIP_WAITING message)
// and reloads once it has: the new build at once, from the new offline copy, with the
// reader's inputs, which are in the address. The other old pages then have a controller of
// the new build (`controllerchange`): they keep the notice, and any navigation of theirs is
// a full load, of the new build, instead of the theme's instant navigation (which would put
// a page of the new build under the old scripts). A page of another build fetched by
// instant navigation all the same (no service worker, a deploy in between) is loaded in
// full (`sameBuild`), and an old page whose runtime fails to load checks whether the guide
// has moved on, and then offers the reload instead of only the failure.

const BUILD = 'meta[name="tune-or-prompt-build"]'; // overrides/main.html
const CHECK_EVERY_MS = 60_000;
const TEXT = "A newer version of this guide is available.";

const loadedBuild = buildOf(document);
let registration = null;
let lastCheck = 0;
let stale = false; // the service worker in control, or the server, is of a newer build
let pathname = window.location.pathname; // the page shown, for the back and forward buttons

function buildOf(doc) {
  return doc.querySelector(BUILD)?.getAttribute("content") || "";
}

// The notice's live region exists from the start (a region added with its text is not
// always read out), empty until there is something to say.
function region() {
  let box = document.querySelector(".tp-update");
  if (!box) {
    box = document.createElement("div");
    box.className = "tp-update";
    box.setAttribute("role", "status"); // polite: read when the reader pauses
    document.body.append(box); // outside the theme's container: instant navigation keeps it
  }
  return box;
}

function prepare() {
  if (document.body) region();
  else document.addEventListener("DOMContentLoaded", region, { once: true });
}

function reload() {
  const waiting = registration?.waiting;
  if (!waiting || !navigator.serviceWorker.controller) {
    window.location.reload();
    return;
  }
  navigator.serviceWorker.addEventListener("controllerchange", () => window.location.reload(), {
    once: true,
  });
  waiting.postMessage({ type: "SKIP_WAITING" });
  // A worker that never takes over (replaced meanwhile by a newer one): reload all the same.
  setTimeout(() => window.location.reload(), 5000);
}

/** Show the notice (once) on this page. */
export function announce() {
  const box = region();
  if (box.firstChild) return;
  const card = document.createElement("div");
  card.className = "tp-update__card";
  const text = document.createElement("p");
  text.textContent = TEXT;
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = "Reload";
  button.addEventListener("click", reload);
  card.append(text, button);
  box.append(card);
}

function check() {
  if (!registration || Date.now() - lastCheck < CHECK_EVERY_MS) return;
  lastCheck = Date.now();
  registration.update().catch(() => {}); // offline, or the server is down: next time
}

/**
 * Watch a service worker registration for a newer build (offline.mjs, once registered).
 * @param {ServiceWorkerRegistration} found
 */
export function watch(found) {
  if (registration || !found) return; // none (a browser that blocks service workers)
  registration = found;
  const container = navigator.serviceWorker;
  let controller = container.controller;
  if (registration.waiting && controller) announce();
  registration.addEventListener("updatefound", () => {
    const worker = registration.installing;
    worker?.addEventListener("statechange", () => {
      // installed while an older one is in control: it waits for the reader's Reload
      if (worker.state === "installed" && container.controller) announce();
    });
  });
  container.addEventListener("controllerchange", () => {
    // the first install takes this page over (clientsClaim); any later change is a newer
    // build that another page's Reload let in
    if (controller) {
      stale = true;
      announce();
    }
    controller = container.controller;
  });
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") lastCheck = 0;
    check();
  });
  // A page with no worker in control has just installed the first one: nothing to look for.
  if (!controller) lastCheck = Date.now();
  check();
}

/**
 * Whether the document now shown is of the build this page loaded with; if not (a page of
 * a newer build, fetched by instant navigation), the page is loaded in full instead. Each
 * instant navigation may also look for a newer build.
 */
export function sameBuild() {
  pathname = window.location.pathname;
  if (buildOf(document) !== loadedBuild) {
    window.location.reload();
    return false;
  }
  check();
  return true;
}

/**
 * The runtime could not start: if the guide has a newer build (an old page, whose runtime
 * folder the new build removed from the server), offer the reload. A page under a service
 * worker learns of it as the offline copy is registered (offline.mjs); without one, the
 * page's address is asked for its build.
 */
export async function checkAfterFailure() {
  if (navigator.serviceWorker?.controller || !loadedBuild) return;
  try {
    const response = await fetch(window.location.href, { cache: "no-store" });
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    const served = buildOf(page);
    if (served && served !== loadedBuild) {
      stale = true;
      announce();
    }
  } catch {
    // offline: nothing to offer
  }
}

// Once the guide has moved on, a link to another page of it is a full load (of the new
// build), not the theme's instant navigation: this listener runs before the theme's, which
// waits for the click on the page's body. The back and forward buttons reload likewise.
document.addEventListener(
  "click",
  (event) => {
    if (!stale || event.defaultPrevented || event.button || !(event.target instanceof Element)) {
      return;
    }
    const link = event.target.closest("a[href]");
    if (!link || link.target || event.metaKey || event.ctrlKey || event.shiftKey) return;
    const url = new URL(link.href, window.location.href);
    if (url.origin !== window.location.origin || url.pathname === window.location.pathname) return;
    event.stopPropagation(); // the browser follows the link itself
  },
  true,
);
window.addEventListener("popstate", () => {
  if (stale && window.location.pathname !== pathname) window.location.reload();
});

prepare();
