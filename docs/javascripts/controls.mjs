// A calculator form's controls: reading them as the model's inputs, setting them from a
// link or a saved scenario (as values, never as markup), and resetting them.

export function controls(form) {
  return Array.from(form.elements).filter((c) => c.name && c.matches("input, select, textarea"));
}

export function controlValue(control) {
  if (control.type === "checkbox") return control.checked ? "true" : "false";
  return control.value;
}

export function isDefault(control) {
  if (control.type === "checkbox") return control.checked === control.defaultChecked;
  if (control.tagName === "SELECT") {
    return Array.from(control.options).every((o) => o.selected === o.defaultSelected);
  }
  return control.value === (control.dataset.default ?? control.defaultValue);
}

// A box the reader filled (typed, from a link, from a saved scenario) holds the reader's
// own amount: it is always sent, so the exchange rate never converts it, even where it
// equals a default. Reset makes it a default again.
export function markOwn(control) {
  control.dataset.own = "";
}

function isOwn(control) {
  return "own" in control.dataset;
}

// The inputs the model gets: the ones the reader set. Every other field takes its default
// in the model, where money defaults follow the exchange rate.
export function readInputs(form) {
  return Object.fromEntries(
    controls(form)
      .filter((c) => isOwn(c) || !isDefault(c))
      .map((c) => [c.name, controlValue(c)]),
  );
}

// The defaults in the reader's currency (boxes still at their default follow them) and
// the unit each money field's label names, both from the model's reply.
export function updateDefaults(form, defaults, hints = {}) {
  for (const control of controls(form)) {
    if (control.type !== "text" || !(control.name in defaults)) continue;
    if (isDefault(control) && !isOwn(control)) control.value = defaults[control.name];
    control.dataset.default = defaults[control.name];
  }
  for (const [name, text] of Object.entries(hints)) {
    const unit = form.querySelector(`[data-field="${CSS.escape(name)}"] label .tp-unit`);
    if (unit) unit.textContent = text;
  }
}

function setControl(control, value) {
  if (control.type === "checkbox") {
    control.checked = ["true", "1", "yes", "on"].includes(String(value).trim().toLowerCase());
  } else {
    control.value = value; // a property, never markup
  }
}

export function resetControl(control) {
  delete control.dataset.own;
  if (control.type === "checkbox") control.checked = control.defaultChecked;
  else if (control.tagName === "SELECT") {
    for (const option of control.options) option.selected = option.defaultSelected;
  } else control.value = control.dataset.default ?? control.defaultValue;
}

// Set controls from [name, value] pairs; the model validates them like typed input.
// `settings`: whether the pairs may set a site-wide setting (a saved scenario's rate may;
// a link sets those as `currency` and `rate`, never per calculator). Returns the names the
// form does not have.
export function applyInputs(form, entries, { settings = false } = {}) {
  const byName = new Map(
    controls(form)
      .filter((c) => settings || !c.dataset.siteParam)
      .map((c) => [c.name, c]),
  );
  const unknown = [];
  for (const [name, value] of entries) {
    const control = byName.get(name);
    if (control) {
      setControl(control, value === null ? "" : String(value).slice(0, 200));
      markOwn(control);
    } else unknown.push(String(name).slice(0, 40));
  }
  return unknown;
}
