// Two moments of a page that the runtime's client (runtime.mjs) waits for before it asks
// the worker for work: the page has started up (the worker may compile), and the page
// produces its first frame (the worker may download).

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

// `then`, once the page produces its first frame (the browser holds it back until the
// page's styles are in), or at its load event if that comes first (a page the browser
// does not render), or at once for a hidden page: the runtime's downloads wait until then,
// so that on a first visit they do not compete with the page's HTML and styles
// (early-worker.js asks at the first frame too).
export function afterFirstFrame(then) {
  if (document.visibilityState === "hidden") {
    then();
    return;
  }
  let waiting = true;
  const once = () => {
    if (waiting) then();
    waiting = false;
  };
  requestAnimationFrame(once);
  addEventListener("load", once, { once: true });
}
