// One generic binder for every <form data-calculator>: it knows no calculator by name.
// What it shows comes from the worker's reply, already formatted by the model.
//
// Form states (data-status): static (pre-rendered, no script) -> loading -> ready | error;
// "ready" once the first live result (or field error) for the inputs is shown; "error" if
// the runtime cannot start or stops answering, with the last results kept.
//
// The currency setting (currency.mjs) is site-wide: a change in one form that the model
// accepts is kept, put in the address, and sent to every other form (event tp:setting).

import { bindActions } from "./actions.mjs";
import { applyInputs, markOwn, readInputs, updateDefaults } from "./controls.mjs";
import {
  DEFAULT,
  forget,
  fromLink,
  initialSetting,
  keep,
  sameSetting,
  settingOf,
  showSetting,
} from "./currency.mjs";
import { keepAnswerInView } from "./in-view.mjs";
import { announce, clearErrors, placeResult, setStatus, showError } from "./results.mjs";
import { runtime } from "./runtime.mjs";
import { changedParams, paramsFromUrl, syncSetting, syncUrl } from "./url-state.mjs";

const LOADING_TEXT = {
  runtime: "Starting the Python runtime (a few seconds on the first visit)…",
  import: "Almost ready…",
};
const UPDATING_AFTER_MS = 150; // a call still running after this is marked "updating"
const SETTING_FIELDS = ["currency", "exchange_rate"]; // the model's names for the setting

function liveText() {
  return `Live: results update as you type (Python ${runtime.python} in your browser).`;
}

function stopLive(form, err, what) {
  form.setAttribute("data-status", "error");
  setStatus(form, `Live calculation is unavailable: ${err.message}. ${what}`);
  announce(form, form.querySelector('[data-role="status"]').textContent);
}

// What the results on show were computed for: the changed inputs and the setting.
export function shownKey(form) {
  return JSON.stringify([readInputs(form), settingOf(form)]);
}

function isSetting(control) {
  return Boolean(control.dataset.setting || control.dataset.siteParam);
}

export function bind(form) {
  if (form.dataset.bound) return;
  form.dataset.bound = "true";
  const id = form.dataset.calculator;
  // At most one call in flight per form; inputs that change meanwhile wait as "again" and
  // are read when their call is sent, so typing never waits on a timer or queues stale work.
  const state = {
    live: false,
    last: null,
    busy: false,
    again: false,
    edited: false,
    setting: initialSetting(),
    settingFrom: fromLink() ? "link" : "browser",
    settingChanged: fromLink(), // a link's setting is kept once the model accepts it
    settingTyped: false, // the reader is editing the setting in this form
    notes: [], // what the status line says once the form is live
  };
  showSetting(form, state.setting);
  const unknown = applyInputs(form, paramsFromUrl(form));
  keepAnswerInView(form);
  const fromUrl = changedParams(form).length > 0;

  for (const action of ["copy-link", "reset", "load-json", "print"]) {
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

  function shareSetting(setting) {
    state.setting = setting;
    keep(setting);
    syncSetting(setting);
    document.dispatchEvent(new CustomEvent("tp:setting", { detail: { setting, source: form } }));
  }

  // A setting the reader did not type here (a link's, or one kept in this browser) that
  // the model refuses: the form falls back to the article's dollars and says why, rather
  // than stopping every calculator until the reader finds the setting.
  function refuseSetting(error) {
    const where = state.settingFrom === "link" ? "in the link" : "kept in this browser";
    if (state.settingFrom !== "link") forget();
    state.setting = DEFAULT;
    state.settingChanged = false;
    showSetting(form, DEFAULT);
    syncSetting(DEFAULT);
    state.notes.push(
      `The currency setting ${where} was refused (${error.reason}); amounts are in the ` +
        "article's dollars.",
    );
  }

  async function compute() {
    if (!state.live) return;
    const inputs = readInputs(form);
    const setting = settingOf(form);
    const reply = await runtime.call(id, inputs, setting.currency);
    if (state.again || !form.isConnected) return; // newer inputs are waiting: show those
    if (!reply.ok) {
      if (SETTING_FIELDS.includes(reply.error?.field) && !state.settingTyped) {
        refuseSetting(reply.error);
        state.again = true; // compute again, in dollars
        return;
      }
      showError(form, reply.error || {});
      return;
    }
    clearErrors(form);
    updateDefaults(form, reply.defaults, reply.hints);
    state.last = {
      inputs: reply.result.inputs,
      result: reply.result,
      currency: setting.currency,
      inputTexts: reply.input_texts,
    };
    state.shownFor = shownKey(form);
    for (const button of form.querySelectorAll('[data-action^="download"]'))
      button.disabled = false;
    placeResult(form, reply.display);
    form.querySelector('[data-role="currency-note"]').textContent = reply.currency.note;
    if (state.settingChanged) {
      state.settingChanged = false;
      state.settingTyped = false;
      shareSetting(setting);
    }
    if (state.edited) announce(form);
    setStatus(form, liveText());
    form.dispatchEvent(new CustomEvent("tp:computed", { bubbles: true }));
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
    const control = event.target;
    if (!control.name && !control.dataset.setting) return;
    state.edited = true;
    if (isSetting(control)) {
      state.settingChanged = true;
      state.settingTyped = true;
    } else {
      markOwn(control);
      syncUrl(form, { typing: true });
    }
    recompute();
  }

  function onSetting(event) {
    if (!form.isConnected) {
      document.removeEventListener("tp:setting", onSetting);
      return;
    }
    if (event.detail.source === form) return;
    const same = sameSetting(event.detail.setting, settingOf(form));
    state.setting = event.detail.setting;
    if (same) return;
    state.settingTyped = false;
    showSetting(form, state.setting);
    recompute();
  }

  form.addEventListener("input", onInput);
  form.addEventListener("change", onInput);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    recompute();
  });
  document.addEventListener("tp:setting", onSetting);
  bindActions(form, { id, state, recompute, shownKey: () => shownKey(form) });

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
        const names = unknown.join(", ");
        state.notes.push(
          `This link set inputs the calculator does not have (${names}); they were ignored.`,
        );
      }
      if (state.notes.length) setStatus(form, state.notes.join(" "));
    })
    .catch((err) => {
      runtime.listeners.delete(onProgress);
      stopLive(form, err, "The results shown are for the default inputs.");
    });
}
