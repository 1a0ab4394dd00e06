// Saving and loading a calculator's scenario, all in the browser: CSV and JSON downloads of
// the inputs and raw results, and loading a saved JSON file back.

import { applyInputs } from "./controls.mjs";
import { showSetting } from "./currency.mjs";

export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function csvCell(value) {
  const text = value === null || value === undefined ? "" : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// One row per input and per result value: kind, name, label, value (tables flattened as
// output[row].column; a link as its target calculator and inputs in JSON). While comparing,
// scenario A's inputs and results follow as "input A" and "result A", and each difference
// B minus A as "difference".
function resultRows(calc, result, kind) {
  const rows = [];
  for (const output of calc.outputs) {
    const value = result[output.key];
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        if (item !== null && typeof item === "object") {
          for (const column of output.columns) {
            rows.push([
              kind,
              `${output.key}[${i}].${column.key}`,
              `${output.label}: ${column.label}`,
              item[column.key],
            ]);
          }
        } else rows.push([kind, `${output.key}[${i}]`, output.label, item]);
      });
    } else if (value !== null && typeof value === "object") {
      rows.push([kind, output.key, output.label, JSON.stringify(value)]);
    } else rows.push([kind, output.key, output.label, value]);
  }
  return rows;
}

function inputRows(calc, inputs, kind) {
  return calc.fields.map((field) => [kind, field.name, field.label, inputs[field.name]]);
}

export function toCsv(calc, scenario) {
  const { inputs, result, link, currency, compare, presets = {}, prices } = scenario;
  const rows = [["kind", "name", "label", "value"]];
  rows.push(...inputRows(calc, inputs, "input"), ...resultRows(calc, result, "result"));
  if (compare) {
    const a = compare.a.result;
    rows.push(...inputRows(calc, a.inputs, "input A"), ...resultRows(calc, a, "result A"));
    for (const output of calc.outputs) {
      if (output.key in compare.delta) {
        rows.push(["difference", output.key, output.label, compare.delta[output.key].value]);
      }
    }
  }
  for (const [key, model] of Object.entries(presets)) {
    rows.push(["source", `preset.${key}`, "Model chosen (its prices fill the boxes)", model]);
  }
  if (Object.keys(presets).length) rows.push(["source", "prices", "Prices", prices]);
  rows.push(["source", "currency", "Currency (empty: the article's dollars)", currency]);
  rows.push(["source", "figures_as_of", "Figures as of", result.figures_as_of]);
  rows.push(["source", "link", "Link", link]);
  return `${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

export function toJson(calc, scenario) {
  const { inputs, result, link, currency, compare, presets = {}, prices } = scenario;
  const data = {
    calculator: calc.id,
    inputs,
    currency: currency || null,
    result,
    figures_as_of: result.figures_as_of,
    link,
  };
  if (Object.keys(presets).length) Object.assign(data, { presets, prices });
  if (compare) {
    const delta = Object.fromEntries(
      Object.entries(compare.delta).map(([key, { value }]) => [key, value]),
    );
    data.compare = { inputs: compare.a.result.inputs, result: compare.a.result, delta };
  }
  return `${JSON.stringify(data, null, 2)}\n`;
}

// Read a saved scenario into the form; throws with a reader's reason if the file is not
// one for this calculator. Returns the input names the calculator does not have
// (`ignored`) and, for a file saved while comparing, scenario A's inputs (`compareWith`).
export async function loadScenario(form, file) {
  let data;
  try {
    data = JSON.parse(await file.text());
  } catch {
    throw new Error("the file is not JSON");
  }
  const id = form.dataset.calculator;
  if (
    !data ||
    typeof data !== "object" ||
    typeof data.inputs !== "object" ||
    data.inputs === null
  ) {
    throw new Error("the file has no inputs");
  }
  if (data.calculator !== id) {
    throw new Error(`the file is for "${String(data.calculator).slice(0, 40)}", not "${id}"`);
  }
  // its amounts are in its own currency: a file without a rate is in the article's dollars
  const currency = typeof data.currency === "string" ? data.currency.slice(0, 12) : "";
  showSetting(form, { currency, rate: "" }); // the rate, if any, is among the inputs
  const ignored = applyInputs(form, Object.entries(data.inputs), { settings: true });
  const a = data.compare?.inputs;
  const compareWith = a && typeof a === "object" ? a : null;
  return { ignored, compareWith };
}
