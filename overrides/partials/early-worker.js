// Starts the Python worker from the top of <head>, before the rest of the page is fetched
// or parsed, on pages that hold a calculator (overrides/main.html inlines this script
// there; the page's Content-Security-Policy allows it by its hash). The guide's module
// (calculators.mjs, through runtime.mjs) adopts the worker with any messages it has already
// sent; without this script, the module starts a dedicated worker itself.
//
// A shared worker where the browser has them: every tab of this build of the guide uses
// one runtime (the name holds the build's digest, so tabs of another build never share
// it), kept a while after the last tab has gone (`extendedLifetime`, where supported), so
// a reload joins it live. Otherwise (or unnamed, as in `make dev`) a dedicated worker.
//
// The worker downloads the runtime only once a page asks: this script asks as the page
// produces its first frame, which the browser holds back until the page's styles are in,
// so that the runtime's megabytes never compete with the page's HTML and styles; where the
// reader asked the browser to save data, it does not ask (runtime.mjs does, once the
// reader turns to a calculator), and the worker only joins a runtime already live.
(() => {
  if (typeof WebAssembly !== "object" || typeof Worker !== "function") return;
  try {
    const { worker: path, workerName: name } = document.currentScript.dataset;
    const url = new URL(path, document.baseURI);
    const shared = typeof SharedWorker === "function" && Boolean(name);
    const worker = shared
      ? new SharedWorker(url, { type: "module", name, extendedLifetime: true })
      : new Worker(url, { type: "module" });
    const port = shared ? worker.port : worker;
    const early = [];
    port.onmessage = (event) => early.push(event);
    worker.onerror = (event) => early.push(event);
    window.__tuneOrPromptWorker = { worker, port, early };
    if (navigator.connection?.saveData === true) return;
    const ask = () => port.postMessage({ type: "download" });
    // Asked at the first frame rather than once the browser reports the first contentful
    // paint (a report that came up to 0.1 s after the paint, behind the theme's start-up):
    // on a 20 Mbit/s link the calculators went live about 0.1 s sooner, the worker being
    // ready by then, and the paint stayed within 10% of the same page's with the runtime
    // blocked (scripts/benchmark.py).
    if (document.visibilityState === "hidden") ask();
    else requestAnimationFrame(ask);
  } catch {
    // the module will try again and report why
  }
})();
