// The printed memo: one sheet with the calculator's question, the inputs, the results as
// the page shows them, its chart, the caveats and the link that reopens it. The memo is a
// <template> built with the form (guide/templates/memo.html); this module fills a copy
// from the form, generically, and prints it alone (calculator.css, @media print).

import { controls, isDefault } from "./controls.mjs";

// Made when a memo is first printed: a date format is slow to set up, and most visits print
// nothing.
let dateFormat = null;
function today() {
  dateFormat ??= new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
  });
  return dateFormat.format(new Date());
}
const MAX_TABLE_ROWS = 8; // a table without a chart is printed only if it stays compact

function mark(symbol, title) {
  const node = document.createElement("b");
  node.className = "tp-memo__mark";
  node.title = title;
  node.textContent = ` ${symbol}`;
  return node;
}

// A copy of a chart or table for paper: ids dropped (the page keeps its own).
function copyOf(node) {
  const copy = node.cloneNode(true);
  for (const element of [copy, ...copy.querySelectorAll("[id]")]) element.removeAttribute("id");
  for (const element of copy.querySelectorAll("[aria-labelledby]"))
    element.removeAttribute("aria-labelledby");
  return copy;
}

function figureFor(form) {
  const svg = form.querySelector(".tp-chart svg");
  if (svg) return copyOf(svg);
  const table = Array.from(form.querySelectorAll(".tp-out--table table")).find(
    (t) => t.tBodies[0] && t.tBodies[0].rows.length <= MAX_TABLE_ROWS,
  );
  return table ? copyOf(table) : null;
}

// A comparison on paper: A's result and the difference beside each of B's, A's inputs in
// a column of their own.
function fillComparison(memo, compared) {
  const show = (node, text) => {
    node.textContent = text;
    node.hidden = false;
  };
  memo.querySelector('[data-memo="comparing"]').hidden = false;
  for (const target of memo.querySelectorAll("dd[data-memo-output]")) {
    const key = target.dataset.memoOutput;
    if (!(key in compared.delta)) continue;
    const row = target.parentElement;
    show(row.querySelector('[data-memo-compare="a"]'), `A: ${compared.a.display[key].text}`);
    const { text } = compared.delta[key];
    const change = compared.change[key]?.text;
    if (text)
      show(
        row.querySelector('[data-memo-compare="delta"]'),
        `B − A: ${text}${change ? ` (${change})` : ""}`,
      );
  }
  for (const cell of memo.querySelectorAll('th[data-memo-compare="a"]')) cell.hidden = false;
  for (const row of memo.querySelectorAll("[data-memo-input]")) {
    show(
      row.querySelector('[data-memo-compare="a"]'),
      `A: ${compared.a.input_texts[row.dataset.memoInput] ?? ""}`,
    );
  }
}

// The models chosen in presets, and where their prices come from.
function fillPrices(memo, form, models) {
  const labels = Object.entries(models).map(([key, model]) => {
    const label = form.querySelector(`input[data-preset="${CSS.escape(key)}"]`)?.labels[0];
    return `${label ? label.textContent : key}: ${model}`;
  });
  if (!labels.length) return;
  const slot = memo.querySelector('[data-memo="prices"]');
  const source = form.querySelector('[data-role="preset-source"]').textContent;
  slot.textContent = `Models chosen: ${labels.join("; ")}. ${source}`;
  slot.hidden = false;
}

// The memo of `form` as it stands. `texts`: each input as the model used it for the
// results on show (the reply's input_texts); without them the results are the page's own,
// for the default inputs the memo was built with, and `basis` says so. `compared`: the
// reply's comparison while the reader compares; `models`: the presets' chosen models.
export function buildMemo(form, { texts, link, basis, compared = null, models = {} }) {
  const live = Boolean(texts);
  const template = form.querySelector('template[data-role="memo"]');
  const memo = template.content.firstElementChild.cloneNode(true);
  const slot = (name) => memo.querySelector(`[data-memo="${name}"]`);
  slot("date").textContent = today();
  slot("currency").textContent =
    `${form.querySelector('[data-role="currency-note"]').textContent}.`;
  slot("link").textContent = link;
  if (basis) {
    slot("basis").textContent = basis;
    slot("basis").hidden = false;
  }
  const byName = new Map(controls(form).map((control) => [control.name, control]));
  for (const row of memo.querySelectorAll("[data-memo-input]")) {
    const name = row.dataset.memoInput;
    const control = byName.get(name);
    const cell = row.cells[1];
    const changed = live && !isDefault(control);
    row.toggleAttribute("data-changed", changed);
    if (live) cell.textContent = texts[name] ?? "";
    if (changed) cell.append(mark("*", "changed from the default"));
    else if (row.hasAttribute("data-illustrative")) cell.append(mark("°", "illustrative"));
    const unit = form.querySelector(`[data-field="${CSS.escape(name)}"] label .tp-unit`);
    const memoUnit = row.querySelector(".tp-unit");
    if (unit && memoUnit) memoUnit.textContent = unit.textContent;
  }
  for (const target of memo.querySelectorAll("[data-memo-output]")) {
    const shown = form.querySelector(`[data-output="${CSS.escape(target.dataset.memoOutput)}"]`);
    if (target.tagName === "UL") {
      for (const item of shown.children) {
        const li = document.createElement("li");
        li.textContent = item.textContent;
        target.append(li);
      }
    } else target.textContent = shown.textContent;
  }
  const figure = figureFor(form);
  if (figure) slot("chart").append(figure);
  if (live && compared) fillComparison(memo, compared);
  if (live) fillPrices(memo, form, models);
  return memo;
}

// Print `memo` on its own; the page is as it was once the print dialog closes.
export function printMemo(memo) {
  const holder = document.createElement("div");
  holder.className = "tp-memo-print";
  holder.append(memo);
  for (const old of document.querySelectorAll(".tp-memo-print")) old.remove();
  document.body.append(holder);
  document.body.classList.add("tp-printing");
  window.addEventListener(
    "afterprint",
    () => {
      holder.remove();
      document.body.classList.remove("tp-printing");
    },
    { once: true },
  );
  window.print();
}
