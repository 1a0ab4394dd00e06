// The browser's own Print (Ctrl+P): the page's text, with each calculator in its memo's
// compact form (memo.mjs) in place of its form: the question, the results as shown, the
// chart and the inputs that differ from the defaults; no input boxes, no buttons, in the
// light palette. "beforeprint" cannot wait, so a calculator still starting prints the
// results built into the page, for the default inputs, and says so. The "Print memo"
// button prints one memo alone (body.tp-printing) and is left to it.

import { buildMemo } from "./memo.mjs";

const STATIC_BASIS =
  "Results for the default inputs, as built into the page: the live calculator had not " +
  "started when this page was printed.";
const STALE_BASIS =
  "Results for the last inputs the calculator accepted; a field holds a value it refused.";

const forms = new WeakMap(); // form -> its CalculatorForm, for the results it shows
let scheme = null; // the palette the page had before printing

export function printable(calculator) {
  forms.set(calculator.form, calculator);
}

function compactMemo(form) {
  const calculator = forms.get(form);
  const last = calculator?.last;
  const link = new URL(window.location.href);
  if (!last) {
    link.search = "";
    link.hash = form.id;
    return buildMemo(form, { link: link.href, basis: STATIC_BASIS });
  }
  const basis = calculator.isFresh() && !form.hasAttribute("data-stale") ? "" : STALE_BASIS;
  return buildMemo(form, {
    texts: last.inputTexts,
    link: link.href,
    basis,
    compared: last.compare,
  });
}

function beforePrint() {
  if (document.body.classList.contains("tp-printing")) return; // a memo prints alone
  if (document.querySelector(".tp-print-copy")) return; // made already for this print
  for (const form of document.querySelectorAll("form[data-calculator]")) {
    const memo = compactMemo(form);
    memo.classList.add("tp-memo--compact");
    const unchanged = memo.querySelectorAll("[data-memo-input]:not([data-changed])");
    const rows = memo.querySelectorAll("[data-memo-input]");
    if (unchanged.length === rows.length) memo.querySelector(".tp-memo__inputs").hidden = true;
    const copy = document.createElement("div");
    copy.className = "tp-print-copy";
    copy.append(memo);
    form.after(copy);
  }
  scheme = document.body.getAttribute("data-md-color-scheme");
  if (scheme && scheme !== "default") document.body.setAttribute("data-md-color-scheme", "default");
}

function afterPrint() {
  for (const copy of document.querySelectorAll(".tp-print-copy")) copy.remove();
  if (scheme) document.body.setAttribute("data-md-color-scheme", scheme);
  scheme = null;
}

window.addEventListener("beforeprint", beforePrint);
window.addEventListener("afterprint", afterPrint);
