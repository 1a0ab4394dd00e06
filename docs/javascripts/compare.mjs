// Two scenarios side by side, in any calculator: "Compare" pins the scenario on show as A
// and the reader keeps editing B. The model computes both and the differences
// (calculator.bridge.compare); this module keeps A, sends it with every call, places A's
// results and the differences beside B's ([data-compare="a"], [data-compare="delta"] in
// each result's row), and marks the inputs that differ from A. B's charts arrive with A
// drawn faded behind. A link carries A as ID~a (the marker, even when A is the defaults)
// and ID~a.FIELD=value, beside B's ID.FIELD=value (url-state.mjs).

import { controls, controlValue, readInputs } from "./controls.mjs";
import { addLinkParts, partsFromUrl } from "./url-state.mjs";

const MARKER = "a";
const PREFIX = "a.";

function siteParams(form) {
  return controls(form).filter((control) => control.dataset.siteParam);
}

function defaultText(control) {
  if (control.type === "checkbox") return control.defaultChecked ? "true" : "false";
  return control.dataset.default ?? control.defaultValue;
}

function hideAll(form) {
  for (const slot of form.querySelectorAll("[data-compare]")) {
    slot.hidden = true;
    slot.textContent = "";
    slot.removeAttribute("data-value");
  }
  for (const field of form.querySelectorAll(".tp-field[data-differs]")) {
    field.removeAttribute("data-differs");
  }
  for (const note of form.querySelectorAll('[data-role="compare-input"]')) {
    note.hidden = true;
    note.textContent = "";
  }
}

export class Comparison {
  #inputs = null; // A's inputs as the model gets them (site-wide settings aside), or null

  constructor(calculator) {
    this.calculator = calculator;
    this.form = calculator.form;
  }

  get active() {
    return this.#inputs !== null;
  }

  // Pin `inputs` as scenario A (by default the inputs on show).
  pin(inputs = readInputs(this.form)) {
    const site = new Set(siteParams(this.form).map((control) => control.name));
    this.#inputs = Object.fromEntries(
      Object.entries(inputs)
        .filter(([name]) => !site.has(name))
        .map(([name, value]) => [name, String(value ?? "").slice(0, 200)]),
    );
    this.#show();
  }

  unpin() {
    this.#inputs = null;
    this.#show();
    hideAll(this.form);
  }

  #show() {
    const { form } = this;
    form.toggleAttribute("data-comparing", this.active);
    const button = form.querySelector('[data-action="compare"]');
    if (!button) return;
    button.textContent = this.active ? "Stop comparing" : "Compare";
    button.setAttribute("aria-pressed", String(this.active));
  }

  // Scenario A from a link (ID~a, ID~a.FIELD=value); returns the names it sets that the
  // calculator does not have.
  restore() {
    const parts = partsFromUrl(this.form);
    if (!parts.some(([part]) => part === MARKER || part.startsWith(PREFIX))) return [];
    const names = new Set(controls(this.form).map((control) => control.name));
    const inputs = {};
    const unknown = [];
    for (const [part, value] of parts) {
      if (!part.startsWith(PREFIX)) continue;
      const name = part.slice(PREFIX.length);
      if (names.has(name)) inputs[name] = value;
      else unknown.push(`A: ${name.slice(0, 40)}`);
    }
    this.pin(inputs);
    return unknown;
  }

  // The call for the inputs on show: both scenarios while comparing (A with B's rate).
  request(runtime, inputs, currency) {
    const { id } = this.calculator;
    if (!this.active) return runtime.call(id, inputs, currency);
    const a = { ...this.#inputs };
    for (const control of siteParams(this.form)) {
      if (control.name in inputs) a[control.name] = inputs[control.name];
    }
    return runtime.compare(id, a, inputs, currency);
  }

  // A's results and the differences beside B's, and the inputs that differ from A marked.
  place(reply) {
    const { form } = this;
    const compared = reply.compare;
    if (!this.active || !compared) {
      hideAll(form);
      return;
    }
    for (const [key, delta] of Object.entries(compared.delta)) {
      const row = form.querySelector(`[data-output="${CSS.escape(key)}"]`)?.closest(".tp-out");
      if (!row) continue;
      const a = row.querySelector('[data-compare="a"]');
      const shown = compared.a.display[key];
      a.textContent = `A: ${shown.text}`;
      a.dataset.value = shown.value;
      a.hidden = false;
      const slot = row.querySelector('[data-compare="delta"]');
      const change = compared.change[key]?.text;
      slot.dataset.value = JSON.stringify(delta.value);
      slot.textContent = delta.text ? `B − A: ${delta.text}${change ? ` (${change})` : ""}` : "";
      slot.hidden = !delta.text;
    }
    this.#markInputs();
  }

  #markInputs() {
    for (const control of controls(this.form)) {
      const field = control.closest(".tp-field");
      const note = field?.querySelector('[data-role="compare-input"]');
      if (!note || control.dataset.siteParam) continue;
      const a = this.#inputs[control.name] ?? defaultText(control);
      const differs = controlValue(control) !== a;
      field.toggleAttribute("data-differs", differs);
      note.textContent = differs ? `In A: ${a === "" ? "empty" : a}` : "";
      note.hidden = !differs;
    }
  }

  // What the exports and the memo need of A.
  get inputs() {
    return this.#inputs && { ...this.#inputs };
  }
}

const comparisons = new WeakMap(); // form -> Comparison, for the links

export function comparisonOf(calculator) {
  let comparison = comparisons.get(calculator.form);
  if (!comparison) {
    comparison = new Comparison(calculator);
    comparisons.set(calculator.form, comparison);
  }
  return comparison;
}

addLinkParts((form) => {
  const inputs = comparisons.get(form)?.inputs;
  if (!inputs) return [];
  return [[MARKER, ""], ...Object.entries(inputs).map(([name, value]) => [PREFIX + name, value])];
});
