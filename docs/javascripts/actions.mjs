// A calculator's buttons, each by its data-action: copy a link, compare two scenarios
// (compare.mjs), reset, download CSV or JSON, load a saved scenario, print the memo. `calculator` is the form's CalculatorForm
// (calculator-form.mjs): its state, its results and its recompute().

import { controls, resetControl } from "./controls.mjs";
import { buildMemo, printMemo } from "./memo.mjs";
import { chosenModels } from "./presets.mjs";
import { clearErrors, setStatus } from "./results.mjs";
import { runtime } from "./runtime.mjs";
import { download, loadScenario, toCsv, toJson } from "./scenario.mjs";
import { shareLink, syncUrl } from "./url-state.mjs";

const WAITING =
  "The memo is printed once the calculator is live, so that its results are for its inputs…";
const STATIC_BASIS =
  "The live calculator could not start, so these are the results built into the page, " +
  "for the default inputs listed here (not for any inputs you changed).";

// The memo never pairs inputs with results computed for others: it waits for the live
// calculator, prints the results on show only if they are for the inputs in the boxes,
// and without a live calculator prints the page's own results for the default inputs.
async function printMemoOf(calculator, link) {
  const { form } = calculator;
  if (form.dataset.printing !== undefined) return; // one memo at a time
  form.dataset.printing = "";
  try {
    await printWhenReady(form, calculator, link);
  } finally {
    delete form.dataset.printing;
  }
}

async function printWhenReady(form, calculator, link) {
  if (calculator.status === "loading") setStatus(form, WAITING);
  await calculator.whenSettled();
  if (!calculator.live && !calculator.last) {
    const page = new URL(window.location.href);
    page.search = "";
    page.hash = form.id;
    printMemo(buildMemo(form, { link: page.href, basis: STATIC_BASIS }));
  } else if (!calculator.isFresh() || form.hasAttribute("data-stale")) {
    setStatus(
      form,
      "The results on show are not for the inputs in the boxes: correct the marked field " +
        "(or wait for the calculator) to print the memo.",
    );
  } else {
    const { inputTexts, compare } = calculator.last;
    const models = chosenModels(form);
    printMemo(
      buildMemo(form, { texts: inputTexts, link: link(), basis: "", compared: compare, models }),
    );
  }
}

export function bindActions(calculator) {
  const { form, id } = calculator;
  const fileInput = form.querySelector('[data-role="scenario-file"]');
  const base = `tune-or-prompt-${id}`;
  const link = () => shareLink(form, calculator.setting.current);
  const scenario = () => ({
    ...calculator.last,
    link: link(),
    presets: chosenModels(form),
    prices: form.querySelector('[data-role="preset-source"]')?.textContent || "",
  });
  const declaration = async () => (await runtime.describe()).calculators[id];
  const actions = {
    "copy-link": async () => {
      const href = link();
      form.setAttribute("data-link", href);
      try {
        await navigator.clipboard.writeText(href);
        setStatus(form, "Link copied: it opens this section with these inputs.");
      } catch {
        setStatus(form, `Copy this link: ${href}`);
      }
    },
    compare: () => {
      const { comparison } = calculator;
      if (comparison.active) comparison.unpin();
      else comparison.pin();
      calculator.markEdited();
      syncUrl(form);
      calculator.recompute();
    },
    reset: () => {
      calculator.markEdited();
      for (const control of controls(form)) {
        if (!control.dataset.siteParam) resetControl(control); // the currency stays
      }
      form.dispatchEvent(new CustomEvent("tp:reset")); // presets let go of their models
      clearErrors(form);
      syncUrl(form);
      calculator.recompute();
    },
    "download-json": async () =>
      download(`${base}.json`, "application/json", toJson(await declaration(), scenario())),
    "download-csv": async () =>
      download(`${base}.csv`, "text/csv", toCsv(await declaration(), scenario())),
    "load-json": () => fileInput.click(),
    print: () => printMemoOf(calculator, link),
  };
  form.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    const action = button && !button.disabled && actions[button.dataset.action];
    if (!action) return;
    Promise.resolve()
      .then(action)
      .catch((err) =>
        setStatus(form, `Could not ${button.textContent.toLowerCase()}: ${err.message}.`),
      );
  });
  fileInput.addEventListener("change", async () => {
    const file = fileInput.files?.[0];
    fileInput.value = "";
    if (!file) return;
    try {
      const { ignored, compareWith } = await loadScenario(form, file);
      if (compareWith) calculator.comparison.pin(compareWith);
      else calculator.comparison.unpin();
      calculator.markEdited();
      calculator.setting.edit({ typed: false }); // a scenario brings its own currency and rate
      syncUrl(form);
      await calculator.recompute();
      if (ignored.length) {
        const names = ignored.join(", ");
        setStatus(form, `Loaded; inputs this calculator does not have were ignored: ${names}.`);
      }
    } catch (err) {
      setStatus(form, `Could not load the scenario: ${err.message}.`);
    }
  });
}
