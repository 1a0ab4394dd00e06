// One generic binder for every <form data-calculator>: it knows no calculator by name.
// What it needs (fields, outputs) comes from calculator.schema(); what it shows comes from
// the worker's reply, already formatted by the model.
//
// Form states (data-status): static (pre-rendered, no script) -> loading -> ready | error;
// "ready" once the first live result (or field error) for the inputs is shown; "error" if
// the runtime cannot start or stops answering, with the last results kept.

import { applyInputs, controls, readInputs, resetControl } from "./controls.mjs";
import { clearErrors, placeResult, setStatus, showError } from "./results.mjs";
import { runtime } from "./runtime.mjs";
import { download, loadScenario, toCsv, toJson } from "./scenario.mjs";
import { changedParams, paramsFromUrl, shareLink, syncUrl } from "./url-state.mjs";

const LOADING_TEXT = {
  runtime: "Starting the Python runtime (a few seconds on the first visit)…",
  package: "Loading the cost model…",
  import: "Almost ready…",
};
const DEBOUNCE_MS = 120;

function liveText() {
  return `Live: results update as you type (Python ${runtime.python} in your browser).`;
}

function stopLive(form, err, what) {
  form.setAttribute("data-status", "error");
  setStatus(form, `Live calculation is unavailable: ${err.message}. ${what}`);
}

export function bind(form) {
  if (form.dataset.bound) return;
  form.dataset.bound = "true";
  const id = form.dataset.calculator;
  const state = { seq: 0, timer: 0, calc: null, last: null };
  const unknown = applyInputs(form, paramsFromUrl(form));
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
    if (!state.calc) return;
    const seq = ++state.seq;
    const inputs = readInputs(form);
    const reply = await runtime.call(id, inputs);
    if (seq !== state.seq || !form.isConnected) return; // a newer input won
    if (reply.ok) {
      clearErrors(form);
      state.last = { inputs, result: reply.result };
      for (const button of form.querySelectorAll(
        '[data-action^="download"], [data-action="print"]',
      ))
        button.disabled = false;
      placeResult(form, state.calc, reply.display);
      setStatus(form, liveText());
      form.dispatchEvent(new CustomEvent("tp:computed", { bubbles: true }));
    } else {
      showError(form, reply.error || {});
    }
  }

  function recompute() {
    compute().catch((err) => stopLive(form, err, "The results shown are the last computed."));
  }

  function onInput(event) {
    if (!event.target.name) return;
    syncUrl(form);
    clearTimeout(state.timer);
    state.timer = setTimeout(recompute, DEBOUNCE_MS);
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
      controls(form).forEach(resetControl);
      clearErrors(form);
      syncUrl(form);
      recompute();
    },
    "download-json": () =>
      download(`${base}.json`, "application/json", toJson(state.calc, scenario())),
    "download-csv": () => download(`${base}.csv`, "text/csv", toCsv(state.calc, scenario())),
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
    if (button && !button.disabled && actions[button.dataset.action])
      actions[button.dataset.action]();
  });
  fileInput.addEventListener("change", async () => {
    const file = fileInput.files?.[0];
    fileInput.value = "";
    if (!file) return;
    try {
      const ignored = await loadScenario(form, file);
      syncUrl(form);
      await compute();
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
    .then(async (schema) => {
      runtime.listeners.delete(onProgress);
      state.calc = schema.calculators[id];
      if (!state.calc) throw new Error(`the model has no calculator "${id}"`);
      // ready once the results reflect the inputs (restored from a link or typed meanwhile)
      await compute();
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
