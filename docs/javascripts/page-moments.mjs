// Two moments of a page that the runtime's client (runtime.mjs) waits for before it asks
// the worker for work: the page has started up (the worker may compile), and the page has
// painted its first content (the worker may download).

// `then`, once the page has started up: after its DOMContentLoaded handlers (the theme's),
// the task they ran in, and the tasks they queued (calculators.mjs binds each form in one).
// A hidden page (a link opened in a background tab) says so at once: nothing the reader
// sees waits on it, and the browser runs its timers late.
export function afterStartUp(then) {
  if (document.visibilityState === "hidden") {
    then();
    return;
  }
  const later = () => setTimeout(() => setTimeout(then, 0), 0);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", later, { once: true });
  } else {
    later();
  }
}

// `then`, once the page has painted its first content (or at its load event, or at once for
// a hidden page): the runtime's downloads wait until then, so that on a first visit they do
// not compete with the page's own first paint (early-worker.js asks as soon as it can too).
export function afterFirstPaint(then) {
  if (document.visibilityState === "hidden") {
    then();
    return;
  }
  addEventListener("load", () => then(), { once: true });
  try {
    new PerformanceObserver((list, observer) => {
      if (!list.getEntriesByName("first-contentful-paint").length) return;
      observer.disconnect();
      then();
    }).observe({ type: "paint", buffered: true });
  } catch {
    // no paint timing here: the load event asks
  }
}
