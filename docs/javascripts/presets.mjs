// A calculator's presets (guide/templates/presets.html): each control lists the models of
// the price table, and choosing one fills the boxes it names (data-fills) with that model's
// prices, asked of the model in the reader's currency, as if the reader had typed them.
// A preset is not an input: links carry the prices themselves, and the chosen model only
// as a label (ID~preset.KEY=provider/model) that never refills a box, so a link gives the
// same answer after the price table changes.
//
// A preset is in use while one of its boxes still holds the price it put there; the label
// is cleared once none does. While any is in use, the form says where the prices come
// from (data-role="preset-source"), and so do the memo and the exports.

import { markOwn } from "./controls.mjs";
import { settingOf } from "./currency.mjs";
import { runtime } from "./runtime.mjs";
import { addLinkParts, partsFromUrl, syncUrl } from "./url-state.mjs";

const PART = "preset.";

function presetControls(form) {
  return Array.from(form.querySelectorAll("input[data-preset]"));
}

function fieldOf(control) {
  return control.closest("[data-preset-field]");
}

function say(control, slot, text) {
  const node = fieldOf(control).querySelector(`[data-role="${slot}"]`);
  node.textContent = text;
  node.hidden = !text;
}

function filled(control) {
  return JSON.parse(control.dataset.filled || "{}");
}

// Whether a box still holds a price the preset put there.
function inUse(form, control) {
  return Object.entries(filled(control)).some(
    ([name, text]) => text !== "" && form.elements.namedItem(name)?.value === text,
  );
}

// The models chosen in presets that are in use, by preset key.
export function chosenModels(form) {
  return Object.fromEntries(
    presetControls(form)
      .filter((control) => control.value && inUse(form, control))
      .map((control) => [control.dataset.preset, control.value]),
  );
}

function showSource(form) {
  const source = form.querySelector('[data-role="preset-source"]');
  if (source) source.hidden = Object.keys(chosenModels(form)).length === 0;
}

// The list of a preset that shows some models first completes itself from the full list.
function completeList(control) {
  const list = control.list;
  const rest = list && document.getElementById(list.dataset.then || "");
  if (!rest || list.dataset.completed) return;
  list.dataset.completed = "";
  list.append(...Array.from(rest.options, (option) => option.cloneNode(true)));
}

function known(control, value) {
  return Array.from(control.list?.options || []).some((option) => option.value === value);
}

async function choose(calculator, control, model) {
  const { form, id } = calculator;
  say(control, "error", "");
  await runtime.start();
  const reply = await runtime.preset(id, control.dataset.preset, model, settingOf(form).rate);
  if (control.value.trim() !== model) return; // the reader has moved on
  if (!reply.ok) {
    say(control, "error", reply.error.reason || reply.error.message);
    return;
  }
  control.dataset.filled = JSON.stringify(reply.values);
  for (const [name, text] of Object.entries(reply.values)) {
    const box = form.elements.namedItem(name);
    box.value = text;
    markOwn(box);
  }
  say(control, "preset-note", reply.notes.join(" "));
  showSource(form);
  calculator.markEdited();
  syncUrl(form);
  calculator.recompute();
}

// A link's labels: shown, never refilled from the table; the link's prices stand.
function restore(calculator) {
  const { form } = calculator;
  const byKey = new Map(presetControls(form).map((c) => [c.dataset.preset, c]));
  const strangers = [];
  for (const [part, value] of partsFromUrl(form)) {
    const control = part.startsWith(PART) && byKey.get(part.slice(PART.length));
    if (!control) continue;
    const model = value.slice(0, 200);
    control.value = model; // a property, never markup
    const fills = control.dataset.fills.split(" ");
    const boxes = fills.map((name) => [name, form.elements.namedItem(name)?.value ?? ""]);
    control.dataset.filled = JSON.stringify(Object.fromEntries(boxes));
    completeList(control);
    if (!known(control, model)) strangers.push(model);
  }
  if (strangers.length) {
    calculator.notes.push(
      `The link names models the price table does not have (${strangers.join(", ")}); ` +
        "the prices it carries stand.",
    );
  }
  showSource(form);
}

export function bindPresets(calculator) {
  const { form } = calculator;
  const controls = presetControls(form);
  if (!controls.length) return;
  for (const control of controls) {
    control.addEventListener("focus", () => completeList(control), { once: true });
    let asked = ""; // the model whose prices were last asked for (input, then change)
    const onChoice = (event) => {
      const model = control.value.trim();
      if (!model || model === asked) return;
      if (known(control, model)) {
        asked = model;
        choose(calculator, control, model).catch((err) => say(control, "error", err.message));
      } else if (event.type === "change") {
        const shown = model.slice(0, 80);
        say(
          control,
          "error",
          `${shown} is not in the price table: pick a model from the list, or enter the prices below.`,
        );
      }
    };
    const forget = () => {
      asked = "";
    };
    form.addEventListener("tp:reset", forget);
    control.addEventListener("tp:released", forget);
    control.addEventListener("input", onChoice);
    control.addEventListener("change", onChoice);
  }
  // A price edited by hand: a preset none of whose prices are left is no longer in use.
  form.addEventListener("input", (event) => {
    if (!event.target.name) return;
    for (const control of controls) {
      if (control.value && !inUse(form, control) && event.target.name in filled(control)) {
        control.value = "";
        control.dispatchEvent(new Event("tp:released"));
        delete control.dataset.filled;
        say(control, "preset-note", "");
      }
    }
    showSource(form);
  });
  form.addEventListener("tp:reset", () => {
    for (const control of controls) {
      control.value = "";
      delete control.dataset.filled;
      say(control, "preset-note", "");
      say(control, "error", "");
    }
    showSource(form);
  });
  restore(calculator);
}

addLinkParts((form) =>
  Object.entries(chosenModels(form)).map(([key, model]) => [PART + key, model]),
);
