// The one place the worker changes what the runtime's loader finds in the worker's global
// scope. The loader (Pyodide's pyodide.mjs and the Emscripten code in pyodide.asm.mjs)
// downloads through the global `fetch`, compiles its main module with
// `WebAssembly.instantiateStreaming`, both looked up when called, and only warns where a
// download or a compile fails, leaving a promise nobody awaits. The worker relies on each
// of those: tests/unit/test_dependencies.py fails if the pinned Pyodide changes them.

/**
 * Route every `fetch` in this scope through `wrap(original)`.
 * @param {(original: typeof fetch) => typeof fetch} wrap
 */
export function replaceFetch(wrap) {
  globalThis.fetch = wrap(globalThis.fetch.bind(globalThis));
}

/**
 * Route every streaming WebAssembly compile through `wrap(original)`.
 * @param {(original: typeof WebAssembly.instantiateStreaming) =>
 *   typeof WebAssembly.instantiateStreaming} wrap
 */
export function replaceInstantiateStreaming(wrap) {
  const original = WebAssembly.instantiateStreaming.bind(WebAssembly);
  WebAssembly.instantiateStreaming = wrap(original);
}

/**
 * Call `handle(reason)` for each promise rejected with no handler; where it returns true
 * the rejection counts as handled (the browser does not log it).
 * @param {(reason: unknown) => boolean} handle
 */
export function onUnhandledRejection(handle) {
  globalThis.addEventListener("unhandledrejection", (event) => {
    if (handle(event.reason)) event.preventDefault();
  });
}
