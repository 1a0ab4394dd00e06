// One generic binder for every <form data-calculator>: it knows no calculator by name. It
// restores the form's inputs from the address, wires its controls and buttons to a
// CalculatorForm (calculator-form.mjs: the form's states and its calls), and makes it live
// once the runtime is.

import { bindActions } from "./actions.mjs";
import { CalculatorForm } from "./calculator-form.mjs";
import { applyInputs, markOwn } from "./controls.mjs";
import { isSetting } from "./form-setting.mjs";
import { keepAnswerInView } from "./in-view.mjs";
import { bindPresets } from "./presets.mjs";
import { printable } from "./print-page.mjs";
import { setStatus } from "./results.mjs";
import { runtime } from "./runtime.mjs";
import { changedParams, paramsFromUrl, syncUrl } from "./url-state.mjs";

const LOADING_TEXT = {
  runtime: "Starting the Python runtime (a few seconds on the first visit)…",
  import: "Almost ready…",
};
const SAVE_DATA_TEXT =
  "Not live yet: your browser asks to save data, so the Python runtime (about 5 MB) is " +
  "downloaded only once you edit an input.";

export function bind(form) {
  if (form.dataset.bound) return;
  form.dataset.bound = "true";
  const calculator = new CalculatorForm(form);
  printable(calculator);
  calculator.setting.show();
  const unknown = [...applyInputs(form, paramsFromUrl(form)), ...calculator.comparison.restore()];
  bindPresets(calculator);
  keepAnswerInView(form);
  const fromUrl = changedParams(form).length > 0 || calculator.comparison.active;

  for (const action of ["copy-link", "compare", "reset", "load-json", "print"]) {
    form.querySelector(`[data-action="${action}"]`).disabled = false;
  }
  const note = fromUrl ? " Results below are for the default inputs until then." : "";
  const waiting = runtime.saveData && !runtime.asked;
  calculator.setLoading(waiting ? SAVE_DATA_TEXT + note : LOADING_TEXT.runtime + note);
  const onProgress = (stage) => {
    if (calculator.status === "loading" && LOADING_TEXT[stage]) {
      setStatus(form, LOADING_TEXT[stage]);
    }
  };
  runtime.listeners.add(onProgress);

  function onInput(event) {
    const control = event.target;
    if (!control.name && !control.dataset.setting) return;
    calculator.markEdited();
    if (isSetting(control)) {
      calculator.setting.edit({ typed: true });
    } else {
      markOwn(control);
      syncUrl(form, { typing: true });
    }
    calculator.recompute();
  }

  form.addEventListener("input", onInput);
  form.addEventListener("change", onInput);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    calculator.recompute();
  });
  calculator.setting.follow(() => calculator.recompute());
  bindActions(calculator);

  runtime
    .start()
    .then(() => {
      runtime.listeners.delete(onProgress);
      return calculator.setLive(unknown);
    })
    .catch((err) => {
      runtime.listeners.delete(onProgress);
      calculator.stop(err, "The results shown are for the default inputs.");
    });
}
