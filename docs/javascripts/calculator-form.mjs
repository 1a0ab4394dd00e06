// A calculator form's state, for the one generic binder (binder.mjs): it knows no
// calculator by name, and what it shows comes from the worker's reply, already formatted by
// the model.
//
// States (data-status): static (pre-rendered, no script) -> loading -> ready | error;
// "ready" once the first live result (or field error) for the inputs is shown; "error" if
// the runtime cannot start or stops answering, with the last results kept. The state
// changes only through the methods below; whenSettled() resolves once the form is neither
// loading nor computing. The form's part in the site-wide currency setting is form-setting.mjs.

import { comparisonOf } from "./compare.mjs";
import { readInputs, updateDefaults } from "./controls.mjs";
import { settingOf } from "./currency.mjs";
import { FormSetting } from "./form-setting.mjs";
import { announce, clearErrors, placeResult, setStatus, showError } from "./results.mjs";
import { runtime } from "./runtime.mjs";

const UPDATING_AFTER_MS = 150; // a call still running after this is marked "updating"

function liveText() {
  return `Live: results update as you type (Python ${runtime.python} in your browser).`;
}

// What the results on show were computed for: the changed inputs and the setting.
function shownKey(form) {
  return JSON.stringify([readInputs(form), settingOf(form)]);
}

export class CalculatorForm {
  #status = "static";
  #live = false; // the runtime answers: inputs are computed
  #busy = false; // a call is in flight (at most one per form)
  #again = false; // inputs changed while a call was in flight: compute again
  #settled = []; // whenSettled() callers

  constructor(form) {
    this.form = form;
    this.id = form.dataset.calculator;
    this.edited = false; // the reader has changed something: updates are announced
    this.last = null; // the last live result shown, as the exports save it
    this.shownFor = null; // shownKey() of the inputs the results on show are for
    this.notes = []; // what the status line says once the form is live
    this.setting = new FormSetting(form);
    this.comparison = comparisonOf(this); // scenario A, while the reader compares
  }

  get status() {
    return this.#status;
  }

  get live() {
    return this.#live;
  }

  get busy() {
    return this.#busy;
  }

  // Whether the results on show are live ones for the inputs the boxes hold now.
  isFresh() {
    return Boolean(this.last) && this.shownFor === shownKey(this.form);
  }

  // Resolves once the form is neither loading nor computing.
  whenSettled() {
    if (this.#isSettled()) return Promise.resolve();
    return new Promise((resolve) => this.#settled.push(resolve));
  }

  #isSettled() {
    return this.#status !== "loading" && !this.#busy;
  }

  #changed() {
    if (this.#isSettled()) for (const resolve of this.#settled.splice(0)) resolve();
  }

  #setStatus(status) {
    this.#status = status;
    this.form.setAttribute("data-status", status);
    this.#changed();
  }

  #setBusy(busy) {
    this.#busy = busy;
    this.#changed();
  }

  // The form waits for the runtime; its status line says `text` meanwhile.
  setLoading(text) {
    this.#setStatus("loading");
    setStatus(this.form, text);
  }

  // The reader changed the inputs (typed, reset, loaded a scenario): updates are announced.
  markEdited() {
    this.edited = true;
  }

  // The runtime is up: inputs are computed from now on, and the form is ready once the
  // results on show are for them (restored from a link or typed meanwhile).
  async setLive(unknown) {
    this.#live = true;
    await this.recompute();
    if (this.status === "error") return;
    this.form.dataset.boot = runtime.boot;
    this.#setStatus("ready");
    if (unknown.length) {
      const names = unknown.join(", ");
      this.notes.push(
        `This link set inputs the calculator does not have (${names}); they were ignored.`,
      );
    }
    if (this.notes.length) setStatus(this.form, this.notes.join(" "));
  }

  // The runtime cannot start or stopped answering: the results on show stay.
  stop(err, what) {
    this.#setStatus("error");
    setStatus(this.form, `Live calculation is unavailable: ${err.message}. ${what}`);
    announce(this.form, this.form.querySelector('[data-role="status"]').textContent);
  }

  // Compute the inputs the form holds. At most one call is in flight; inputs that change
  // meanwhile wait as "again" and are read when their call is sent, so typing never waits
  // on a timer or queues stale work.
  async recompute() {
    if (this.busy) {
      this.#again = true;
      return;
    }
    this.#setBusy(true);
    const form = this.form;
    const slow = setTimeout(() => form.setAttribute("data-updating", ""), UPDATING_AFTER_MS);
    try {
      do {
        this.#again = false;
        await this.#compute();
      } while (this.#again);
    } catch (err) {
      this.stop(err, "The results shown are the last computed.");
    } finally {
      clearTimeout(slow);
      form.removeAttribute("data-updating");
      this.#setBusy(false);
    }
  }

  async #compute() {
    if (!this.live) return;
    const form = this.form;
    const inputs = readInputs(form);
    const setting = settingOf(form);
    const reply = await this.comparison.request(runtime, inputs, setting.currency);
    if (this.#again || !form.isConnected) return; // newer inputs are waiting: show those
    if (!reply.ok) {
      if (this.setting.refusedBy(reply.error)) {
        this.notes.push(this.setting.fallBack(reply.error));
        this.#again = true; // compute again, in dollars
        return;
      }
      if (reply.error?.side === "a") {
        this.comparison.unpin(); // A (from a link or a file) is refused: show B alone
        this.notes.push(`Scenario A was refused (${reply.error.message}); showing yours alone.`);
        this.#again = true;
        return;
      }
      showError(form, reply.error || {});
      return;
    }
    clearErrors(form);
    updateDefaults(form, reply.defaults, reply.hints);
    this.last = {
      inputs: reply.result.inputs,
      result: reply.result,
      currency: setting.currency,
      inputTexts: reply.input_texts,
      compare: reply.compare || null, // A's result and the differences, while comparing
    };
    this.shownFor = shownKey(form);
    for (const button of form.querySelectorAll('[data-action^="download"]'))
      button.disabled = false;
    placeResult(form, reply.display);
    this.comparison.place(reply);
    form.querySelector('[data-role="currency-note"]').textContent = reply.currency.note;
    this.setting.accepted(setting);
    if (this.edited) announce(form);
    setStatus(form, liveText());
    form.dispatchEvent(new CustomEvent("tp:computed", { bubbles: true }));
  }
}
