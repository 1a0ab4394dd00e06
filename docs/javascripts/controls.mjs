// A calculator form's controls: reading them as the model's inputs, setting them from a
// link or a saved scenario (as values, never as markup), and resetting them.

export function controls(form) {
  return Array.from(form.elements).filter((c) => c.name && c.matches("input, select, textarea"));
}

export function controlValue(control) {
  if (control.type === "checkbox") return control.checked ? "true" : "false";
  return control.value;
}

export function readInputs(form) {
  return Object.fromEntries(controls(form).map((c) => [c.name, controlValue(c)]));
}

export function isDefault(control) {
  if (control.type === "checkbox") return control.checked === control.defaultChecked;
  if (control.tagName === "SELECT") {
    return Array.from(control.options).every((o) => o.selected === o.defaultSelected);
  }
  return control.value === (control.dataset.default ?? control.defaultValue);
}

function setControl(control, value) {
  if (control.type === "checkbox") {
    control.checked = ["true", "1", "yes", "on"].includes(String(value).trim().toLowerCase());
  } else {
    control.value = value; // a property, never markup
  }
}

export function resetControl(control) {
  if (control.type === "checkbox") control.checked = control.defaultChecked;
  else if (control.tagName === "SELECT") {
    for (const option of control.options) option.selected = option.defaultSelected;
  } else control.value = control.dataset.default ?? control.defaultValue;
}

// Set controls from [name, value] pairs; the model validates them like typed input.
// Returns the names the form does not have.
export function applyInputs(form, entries) {
  const byName = new Map(controls(form).map((c) => [c.name, c]));
  const unknown = [];
  for (const [name, value] of entries) {
    const control = byName.get(name);
    if (control) setControl(control, value === null ? "" : String(value).slice(0, 200));
    else unknown.push(String(name).slice(0, 40));
  }
  return unknown;
}
