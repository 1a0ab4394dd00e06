// Starts the Python worker from the top of <head>, before the rest of the page is fetched
// or parsed, on pages that hold a calculator (overrides/main.html inlines this script
// there; the page's Content-Security-Policy allows it by its hash). The guide's module
// (calculators.mjs, through runtime.mjs) adopts the worker with any messages it has already
// sent; without this script, the module starts the worker itself.
(() => {
  if (typeof WebAssembly !== "object" || typeof Worker !== "function") return;
  try {
    const url = new URL(document.currentScript.dataset.worker, document.baseURI);
    const worker = new Worker(url, { type: "module" });
    const early = [];
    worker.onmessage = (event) => early.push(event);
    worker.onerror = (event) => early.push(event);
    window.__tuneOrPromptWorker = { worker, early };
  } catch {
    // the module will try again and report why
  }
})();
