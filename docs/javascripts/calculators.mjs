// Entry point, loaded async: start the Python worker as soon as the page's first calculator
// form is parsed (before the theme's own script has run), bind every form on every page
// Material shows (instant navigation keeps this module and its one worker alive across
// pages), and register the offline copy once the runtime is live. A page of a newer build
// is never bound to this one's runtime (update-notice.mjs).

import { bind } from "./binder.mjs";
import { initialSetting, isDefault } from "./currency.mjs";
import { registerOffline } from "./offline.mjs";
import { runtime } from "./runtime.mjs";
import { checkAfterFailure, sameBuild } from "./update-notice.mjs";

const FORMS = "form[data-calculator]";

// What waits for the runtime: the theme's search index (scripts/defer_search.py, which
// asks on this channel whether it may start; the reader going to the search box starts it
// at once) and the offline copy, which starts filling once the worker has stored the
// runtime it downloaded.
const channel = new BroadcastChannel("tune-or-prompt");
let searchMayStart = false;

function allowSearch() {
  searchMayStart = true;
  channel.postMessage("search-may-start");
}

channel.addEventListener("message", (event) => {
  if (event.data === "search-waiting" && searchMayStart) channel.postMessage("search-may-start");
});
document.addEventListener("focusin", (event) => {
  if (event.target.matches?.(".md-search__input")) allowSearch();
});

function startRuntime() {
  const started = runtime.start();
  started.then(allowSearch, allowSearch);
  started.catch(checkAfterFailure); // an old page whose runtime the new build replaced
  started.then(() => runtime.copied).then(registerOffline, registerOffline);
}

// Where the reader asked the browser to save data, nothing downloads the runtime until they
// turn to a calculator: focus one of its inputs, or press a button that needs the model (a
// link or a reset does not). The offline copy, which holds the runtime, waits for it too.
const NO_MODEL_NEEDED = ["copy-link", "reset"];

function whenReaderAsks() {
  const ask = (event) => {
    const target = event.target;
    if (!target.closest?.(FORMS)) return;
    const button = target.closest("button[data-action]");
    if (event.type === "focusin" && !target.matches("input, select, textarea")) return;
    if (event.type === "click" && (!button || NO_MODEL_NEEDED.includes(button.dataset.action))) {
      return;
    }
    document.removeEventListener("focusin", ask, true);
    document.removeEventListener("click", ask, true);
    runtime.download();
  };
  document.addEventListener("focusin", ask, true);
  document.addEventListener("click", ask, true);
}

if (runtime.saveData) whenReaderAsks();

function noRuntime() {
  allowSearch();
  if (!runtime.saveData) registerOffline();
}

function whenFormParsed(found, none) {
  if (document.querySelector(FORMS)) return found();
  if (document.readyState !== "loading") return none();
  const observer = new MutationObserver(() => {
    if (!document.querySelector(FORMS)) return;
    observer.disconnect();
    found();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", () => {
    if (!document.querySelector(FORMS)) {
      observer.disconnect();
      none();
    }
  });
}

// Amounts quoted in the prose (data-quote, from guide/extension.py) follow the reader's
// currency: the model quotes them again in it. A bad setting leaves them in dollars, as
// the calculators then say at the setting.
// The page is built in dollars, so a page in them needs no call, unless the reader has
// changed the setting on it since.
let setting = initialSetting();
let requoted = false;

async function requote() {
  const spans = Array.from(document.querySelectorAll("[data-quote]"));
  if (!spans.length || (isDefault(setting) && !requoted)) return;
  const names = [...new Set(spans.map((span) => span.dataset.quote))];
  const reply = await runtime.quotes(names, setting.currency, setting.rate || "1");
  if (!reply.ok) return;
  requoted = !isDefault(setting);
  for (const span of spans) span.textContent = reply.quotes[span.dataset.quote] ?? span.textContent;
}

document.addEventListener("tp:setting", (event) => {
  setting = event.detail.setting;
  requote().catch(() => {});
});

function bindAll() {
  if (!sameBuild()) return; // a page of a newer build: loaded in full instead
  const forms = document.querySelectorAll(FORMS);
  const quoted = !isDefault(setting) && document.querySelector("[data-quote]");
  if (forms.length || quoted) {
    runtime
      .start()
      .then(requote)
      .catch(() => {}); // each form reports its own failure
  }
  // Each form is bound in a task of its own, after the theme's own handlers for the page
  // have run, so that no one long task holds up the page while it loads.
  for (const form of forms) {
    setTimeout(() => {
      if (form.isConnected) bind(form);
    }, 0);
  }
}

function onDocuments() {
  if (window.document$) window.document$.subscribe(bindAll);
  else bindAll();
}

whenFormParsed(startRuntime, noRuntime);
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", onDocuments);
else onDocuments();
