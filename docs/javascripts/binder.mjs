// One generic binder for every <form data-calculator>: it knows no calculator by name.
// What it shows comes from the worker's reply, already formatted by the model; the exports
// take the field and output labels from calculator.schema().
//
// Form states (data-status): static (pre-rendered, no script) -> loading -> ready | error;
// "ready" once the first live result (or field error) for the inputs is shown; "error" if
// the runtime cannot start or stops answering, with the last results kept.

import { applyInputs, controls, readInputs, resetControl } from "./controls.mjs";
import { announce, clearErrors, placeResult, setStatus, showError } from "./results.mjs";
import { runtime } from "./runtime.mjs";
import { download, loadScenario, toCsv, toJson } from "./scenario.mjs";
import { changedParams, paramsFromUrl, shareLink, syncUrl } from "./url-state.mjs";

const LOADING_TEXT = {
  runtime: "Starting the Python runtime (a few seconds on the first visit)…",
  package: "Loading the cost model…",
  import: "Almost ready…",
};
const UPDATING_AFTER_MS = 150; // a call still running after this is marked "updating"

function liveText() {
  return `Live: results update as you type (Python ${runtime.python} in your browser).`;
}

// The headline summary is pinned to the bottom while an input has focus and the headline
// results are out of view (stylesheets/calculator.css): mark when they are, and scroll a
// focused input the summary would cover above it.
function watchHeadline(form) {
  const first = form.querySelector(".tp-out[data-headline]");
  if (!first || !("IntersectionObserver" in window)) return;
  const observer = new IntersectionObserver(
    ([entry]) => form.toggleAttribute("data-headline-hidden", !entry.isIntersecting),
    { rootMargin: "-56px 0px 0px 0px", threshold: 1 }, // the theme's header covers the top
  );
  observer.observe(first);
}

function keepFocusClear(form) {
  form.addEventListener("focusin", (event) => {
    if (!event.target.name) return;
    requestAnimationFrame(() => {
      const summary = form.querySelector('[data-role="summary"]');
      if (!summary || getComputedStyle(summary).position !== "fixed") return;
      const covered =
        event.target.getBoundingClientRect().bottom - summary.getBoundingClientRect().top;
      if (covered > -8) window.scrollBy({ top: covered + 16 });
    });
  });
}

function stopLive(form, err, what) {
  form.setAttribute("data-status", "error");
  setStatus(form, `Live calculation is unavailable: ${err.message}. ${what}`);
  announce(form, form.querySelector('[data-role="status"]').textContent);
}

export function bind(form) {
  if (form.dataset.bound) return;
  form.dataset.bound = "true";
  const id = form.dataset.calculator;
  // At most one call in flight per form; inputs that change meanwhile wait as "again" and
  // are read when their call is sent, so typing never waits on a timer or queues stale work.
  const state = { live: false, last: null, busy: false, again: false, edited: false };
  const unknown = applyInputs(form, paramsFromUrl(form));
  watchHeadline(form);
  keepFocusClear(form);
  const fromUrl = changedParams(form).length > 0;

  for (const action of ["copy-link", "reset", "load-json"]) {
    form.querySelector(`[data-action="${action}"]`).disabled = false;
  }
  form.setAttribute("data-status", "loading");
  const note = fromUrl ? " Results below are for the default inputs until then." : "";
  setStatus(form, LOADING_TEXT.runtime + note);
  const onProgress = (stage) => {
    if (form.getAttribute("data-status") === "loading" && LOADING_TEXT[stage])
      setStatus(form, LOADING_TEXT[stage]);
  };
  runtime.listeners.add(onProgress);

  async function compute() {
    if (!state.live) return;
    const inputs = readInputs(form);
    const reply = await runtime.call(id, inputs);
    if (state.again || !form.isConnected) return; // newer inputs are waiting: show those
    if (reply.ok) {
      clearErrors(form);
      state.last = { inputs, result: reply.result };
      for (const button of form.querySelectorAll(
        '[data-action^="download"], [data-action="print"]',
      ))
        button.disabled = false;
      placeResult(form, reply.display);
      if (state.edited) announce(form);
      setStatus(form, liveText());
      form.dispatchEvent(new CustomEvent("tp:computed", { bubbles: true }));
    } else {
      showError(form, reply.error || {});
    }
  }

  async function recompute() {
    if (state.busy) {
      state.again = true;
      return;
    }
    state.busy = true;
    const slow = setTimeout(() => form.setAttribute("data-updating", ""), UPDATING_AFTER_MS);
    try {
      do {
        state.again = false;
        await compute();
      } while (state.again);
    } catch (err) {
      stopLive(form, err, "The results shown are the last computed.");
    } finally {
      clearTimeout(slow);
      form.removeAttribute("data-updating");
      state.busy = false;
    }
  }

  function onInput(event) {
    if (!event.target.name) return;
    state.edited = true;
    syncUrl(form);
    recompute();
  }

  form.addEventListener("input", onInput);
  form.addEventListener("change", onInput);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    recompute();
  });

  const fileInput = form.querySelector('[data-role="scenario-file"]');
  const base = `tune-or-prompt-${id}`;
  const scenario = () => ({ ...state.last, link: shareLink(form) });
  const calc = async () => (await runtime.describe()).calculators[id];
  const actions = {
    "copy-link": async () => {
      const link = shareLink(form);
      form.setAttribute("data-link", link);
      try {
        await navigator.clipboard.writeText(link);
        setStatus(form, "Link copied: it opens this section with these inputs.");
      } catch {
        setStatus(form, `Copy this link: ${link}`);
      }
    },
    reset: () => {
      state.edited = true;
      controls(form).forEach(resetControl);
      clearErrors(form);
      syncUrl(form);
      recompute();
    },
    "download-json": async () =>
      download(`${base}.json`, "application/json", toJson(await calc(), scenario())),
    "download-csv": async () =>
      download(`${base}.csv`, "text/csv", toCsv(await calc(), scenario())),
    "load-json": () => fileInput.click(),
    print: () => {
      form.setAttribute("data-link", shareLink(form));
      form.classList.add("tp-print-target");
      document.body.classList.add("tp-printing");
      const done = () => {
        form.classList.remove("tp-print-target");
        document.body.classList.remove("tp-printing");
      };
      window.addEventListener("afterprint", done, { once: true });
      window.print();
    },
  };
  form.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    const action = button && !button.disabled && actions[button.dataset.action];
    if (!action) return;
    Promise.resolve()
      .then(action)
      .catch((err) =>
        setStatus(form, `Could not ${button.textContent.toLowerCase()}: ${err.message}.`),
      );
  });
  fileInput.addEventListener("change", async () => {
    const file = fileInput.files?.[0];
    fileInput.value = "";
    if (!file) return;
    try {
      const ignored = await loadScenario(form, file);
      syncUrl(form);
      await recompute();
      if (ignored.length)
        setStatus(
          form,
          `Loaded; inputs this calculator does not have were ignored: ${ignored.join(", ")}.`,
        );
    } catch (err) {
      setStatus(form, `Could not load the scenario: ${err.message}.`);
    }
  });

  runtime
    .start()
    .then(async () => {
      runtime.listeners.delete(onProgress);
      state.live = true;
      // ready once the results reflect the inputs (restored from a link or typed meanwhile)
      await recompute();
      if (form.getAttribute("data-status") === "error") return;
      form.dataset.boot = runtime.boot;
      form.setAttribute("data-status", "ready");
      if (unknown.length) {
        setStatus(
          form,
          `This link set inputs the calculator does not have (${unknown.join(", ")}); they were ignored.`,
        );
      }
    })
    .catch((err) => {
      runtime.listeners.delete(onProgress);
      stopLive(form, err, "The results shown are for the default inputs.");
    });
}
