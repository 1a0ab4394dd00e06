// One generic binder for every <form data-calculator>: it knows no calculator by name.
// Everything it needs (fields, outputs, units, labels) comes from calculator.schema(),
// which the worker sends when the Python runtime is ready.
//
// Form states (data-status): static (pre-rendered, no script) -> loading -> ready | error;
// "ready" is set once the first live result (or field error) for the inputs is shown.
// Reader inputs live in the query string as ID.FIELD=value; the hash stays the section
// anchor. Values from the URL are set as control values and validated by the model like
// typed ones; nothing from the URL is ever written as HTML.

const WORKER_URL = new URL("./calc-worker.mjs", import.meta.url);
const BOOT_TIMEOUT_MS = 120000;
const DEBOUNCE_MS = 120;

// ------------------------------------------------------------------------- runtime

const runtime = {
  worker: null,
  ready: null, // Promise<schema>
  pending: new Map(),
  nextId: 1,
  python: "",
  progress: new Set(), // listeners for boot progress

  start() {
    if (this.ready) return this.ready;
    this.ready = new Promise((resolve, reject) => {
      if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
        reject(new Error("this browser cannot run WebAssembly in a worker"));
        return;
      }
      let worker;
      try {
        worker = new Worker(WORKER_URL, { type: "module" });
      } catch (err) {
        reject(new Error(`the worker could not start (${err.message})`));
        return;
      }
      this.worker = worker;
      const timer = setTimeout(
        () => reject(new Error(`the Python runtime did not start within ${BOOT_TIMEOUT_MS / 1000} s`)),
        BOOT_TIMEOUT_MS,
      );
      worker.addEventListener("error", (event) => {
        clearTimeout(timer);
        reject(new Error(event.message || "the worker script failed to load"));
      });
      worker.addEventListener("message", (event) => {
        const message = event.data || {};
        if (message.type === "progress") {
          this.progress.forEach((listener) => listener(message.stage));
        } else if (message.type === "ready") {
          clearTimeout(timer);
          this.python = message.python;
          resolve(message.schema);
        } else if (message.type === "error") {
          clearTimeout(timer);
          reject(new Error(describeBootError(message.error)));
        } else if (message.type === "result") {
          const done = this.pending.get(message.id);
          this.pending.delete(message.id);
          if (done) done(message);
        }
      });
    });
    return this.ready;
  },

  call(calculator, inputs) {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.worker.postMessage({ type: "call", id, calculator, inputs });
    });
  },
};

function describeBootError(error) {
  const text = `${(error && error.message) || error}`;
  if (/wasm|WebAssembly|fetch|NetworkError|Failed to fetch|load/i.test(text)) {
    return `the Python runtime could not be downloaded or compiled (${text.split("\n")[0].slice(0, 160)})`;
  }
  return text.split("\n")[0].slice(0, 200);
}

// ------------------------------------------------------------------------- formatting

const numberFormats = new Map();
function nf(digits) {
  if (!numberFormats.has(digits)) {
    numberFormats.set(
      digits,
      new Intl.NumberFormat("en", { minimumFractionDigits: digits, maximumFractionDigits: digits }),
    );
  }
  return numberFormats.get(digits);
}

// Mirrors guide/render.py's format_number, so live results read like pre-rendered ones.
function formatNumber(value, unit, currency) {
  if (value === null || value === undefined) return unit === "months" || unit === "count" ? "never" : "n/a";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (unit === "money" || unit === "money_per_million_tokens") {
    const size = Math.abs(value);
    const whole = Math.abs(size - Math.round(size)) < 0.005 || size >= 100000; // no cents on big sums
    const digits = size < 1 && size !== 0 ? 4 : whole ? 0 : 2;
    return `${value < 0 ? "-" : ""}${currency}${nf(digits).format(size)}`;
  }
  if (unit === "ratio") return `${nf(2).format(value)}×`;
  if (unit === "share") return `${Number((value * 100).toPrecision(4))}%`;
  if (Math.abs(value - Math.round(value)) >= 0.05 && Math.abs(value) < 1000) return nf(1).format(value);
  return nf(0).format(value);
}

function formatValue(value, unit, context) {
  if (unit === "text") return context.labels[value] || String(value);
  if (unit === "flag") return value ? "yes" : "no";
  return formatNumber(value, unit, context.currency);
}

function rawValue(value) {
  return typeof value === "string" ? value : JSON.stringify(value);
}

// ------------------------------------------------------------------------- DOM helpers

function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function controls(form) {
  return Array.from(form.elements).filter((c) => c.name && c.matches("input, select, textarea"));
}

function controlValue(control) {
  return control.type === "checkbox" ? (control.checked ? "true" : "false") : control.value;
}

function isDefault(control) {
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

function resetControl(control) {
  if (control.type === "checkbox") control.checked = control.defaultChecked;
  else if (control.tagName === "SELECT") {
    Array.from(control.options).forEach((o) => (o.selected = o.defaultSelected));
  } else control.value = control.dataset.default ?? control.defaultValue;
}

function sectionAnchor(form) {
  let node = form;
  while (node && node !== document.body) {
    let sibling = node.previousElementSibling;
    while (sibling) {
      if (/^H[1-6]$/.test(sibling.tagName) && sibling.id) return sibling.id;
      sibling = sibling.previousElementSibling;
    }
    node = node.parentElement;
  }
  return form.id;
}

// ------------------------------------------------------------------------- URL state

function prefix(form) {
  return `${form.dataset.calculator}.`;
}

function changedParams(form) {
  const params = [];
  for (const control of controls(form)) {
    if (!isDefault(control)) params.push([prefix(form) + control.name, controlValue(control)]);
  }
  return params;
}

function syncUrl(form) {
  const url = new URL(window.location.href);
  for (const key of Array.from(url.searchParams.keys())) {
    if (key.startsWith(prefix(form))) url.searchParams.delete(key);
  }
  for (const [key, value] of changedParams(form)) url.searchParams.append(key, value);
  if (url.href !== window.location.href) window.history.replaceState(window.history.state, "", url);
}

function shareLink(form) {
  const url = new URL(window.location.href);
  url.search = "";
  for (const [key, value] of changedParams(form)) url.searchParams.append(key, value);
  url.hash = sectionAnchor(form);
  return url.href;
}

// Set controls from [name, value] pairs (a link, a scenario file) as control values, never
// as markup; the model validates them like typed input. Returns the names it does not have.
function applyInputs(form, entries) {
  const byName = new Map(controls(form).map((c) => [c.name, c]));
  const unknown = [];
  for (const [name, value] of entries) {
    const control = byName.get(name);
    if (control) setControl(control, value === null ? "" : String(value).slice(0, 200));
    else unknown.push(String(name).slice(0, 40));
  }
  return unknown;
}

function restoreFromUrl(form) {
  const entries = Array.from(new URL(window.location.href).searchParams)
    .filter(([key]) => key.startsWith(prefix(form)))
    .map(([key, value]) => [key.slice(prefix(form).length), value]);
  return applyInputs(form, entries);
}

// ------------------------------------------------------------------------- rendering

function setStatus(form, text) {
  const status = form.querySelector('[data-role="status"]');
  if (status) status.textContent = text;
}

function clearErrors(form) {
  for (const field of form.querySelectorAll(".tp-field[data-invalid]")) {
    field.removeAttribute("data-invalid");
    const error = field.querySelector('[data-role="error"]');
    error.textContent = "";
    error.hidden = true;
    for (const control of field.querySelectorAll("[name]")) control.removeAttribute("aria-invalid");
  }
  form.removeAttribute("data-stale");
}

function showError(form, error) {
  clearErrors(form);
  form.setAttribute("data-stale", "");
  const field = error.field
    ? Array.from(form.querySelectorAll(".tp-field")).find((f) => f.dataset.field === error.field)
    : null;
  if (field) {
    field.setAttribute("data-invalid", "");
    const box = field.querySelector('[data-role="error"]');
    box.textContent = error.reason || error.message;
    box.hidden = false;
    for (const control of field.querySelectorAll("[name]")) control.setAttribute("aria-invalid", "true");
    const more = field.closest("details");
    if (more) more.open = true;
    setStatus(form, "Showing the last valid result: correct the marked field to update it.");
  } else {
    setStatus(form, `Could not compute: ${error.message || error.reason}`);
  }
}

function renderTable(table, output, rows, context) {
  const body = table.tBodies[0] || table.appendChild(el("tbody"));
  const trs = rows.map((row) => {
    const tr = el("tr");
    for (const [key, , unit] of output.columns) {
      const value = row[key];
      if (unit === "text") {
        tr.appendChild(el("td", {}, context.labels[value] || String(value)));
      } else {
        tr.appendChild(el("td", { class: "tp-num", "data-value": rawValue(value) }, formatValue(value, unit, context)));
      }
    }
    return tr;
  });
  body.replaceChildren(...trs);
  table.setAttribute("data-rows", String(rows.length));
  const summary = table.closest("details")?.querySelector("summary");
  if (summary) summary.textContent = `${output.label} (${rows.length} rows)`;
}

// A line chart of a series table, drawn from the table itself (header units, data-value
// cells), so it works for any series output and before the runtime is ready.
const SVG_NS = "http://www.w3.org/2000/svg";
const compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });
function compactMoney(value, currency) {
  return `${value < 0 ? "-" : ""}${currency}${compact.format(Math.abs(value))}`;
}

// Round axis bounds to 1, 2 or 5 times a power of ten, with about four steps.
function niceScale(low, high) {
  if (high === low) high = low + 1;
  const raw = (high - low) / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
  return [Math.floor(low / step) * step, Math.ceil(high / step) * step, step];
}
function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function drawChart(table, currency) {
  const details = table.closest("details.tp-out--series");
  if (!details) return;
  const heads = Array.from(table.tHead.rows[0].cells).map((th) => ({ label: th.textContent, unit: th.dataset.unit }));
  const rows = Array.from(table.tBodies[0].rows).map((tr) => Array.from(tr.cells).map((td) => Number(td.dataset.value)));
  if (rows.length < 2) return;
  const lines = heads.map((h, i) => ({ ...h, index: i })).slice(1).filter((h) => h.unit === "money");
  const xs = rows.map((r) => r[0]);
  const ys = rows.flatMap((r) => lines.map((l) => r[l.index])).filter(Number.isFinite);
  const [low, high, step] = niceScale(Math.min(0, ...ys), Math.max(0, ...ys));
  const [W, H, left, right, top, bottom] = [360, 210, 52, 8, 8, 32];
  const x = (v) => left + ((v - xs[0]) / (xs[xs.length - 1] - xs[0] || 1)) * (W - left - right);
  const y = (v) => top + (1 - (v - low) / (high - low)) * (H - top - bottom);
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "tp-chart__svg", role: "img" });
  chart.appendChild(svg("title", {}, `${details.querySelector("summary").textContent}: line chart`));
  for (let v = low; v <= high + step / 2; v += step) {
    chart.appendChild(svg("line", { x1: left, x2: W - right, y1: y(v), y2: y(v), class: v === 0 ? "tp-chart__zero" : "tp-chart__grid" }));
    chart.appendChild(svg("text", { x: left - 5, y: y(v) + 3.5, class: "tp-chart__tick", "text-anchor": "end" },
      compactMoney(v, currency)));
  }
  for (const v of [xs[0], xs[Math.floor(xs.length / 2)], xs[xs.length - 1]]) {
    chart.appendChild(svg("text", { x: x(v), y: H - bottom + 16, class: "tp-chart__tick", "text-anchor": "middle" }, String(v)));
  }
  chart.appendChild(svg("text", { x: (left + W - right) / 2, y: H - 2, class: "tp-chart__axis", "text-anchor": "middle" }, heads[0].label));
  const legend = el("figcaption", { class: "tp-chart__legend" });
  lines.forEach((line, n) => {
    const points = rows.map((r) => `${x(r[0]).toFixed(1)},${y(r[line.index]).toFixed(1)}`).join(" ");
    chart.appendChild(svg("polyline", { points, class: `tp-chart__line tp-chart__line--${n}` }));
    legend.appendChild(el("span", { class: `tp-chart__key tp-chart__key--${n}` }, line.label));
  });
  let figure = details.previousElementSibling;
  if (!figure || !figure.classList.contains("tp-chart")) {
    figure = el("figure", { class: "tp-chart", "aria-hidden": "true" });
    details.before(figure);
  }
  figure.replaceChildren(chart, legend);
}

function renderResult(form, calc, result, context) {
  for (const output of calc.outputs) {
    const node = form.querySelector(`[data-output="${CSS.escape(output.key)}"]`);
    if (!node) continue;
    const value = result[output.key];
    if (output.unit === "list") {
      node.replaceChildren(...value.map((item) => el("li", {}, String(item))));
    } else if (output.unit === "table" || output.unit === "series") {
      renderTable(node, output, value, context);
      if (output.unit === "series") drawChart(node, context.currency);
    } else {
      node.textContent = formatValue(value, output.unit, context);
      node.setAttribute("data-value", rawValue(value));
    }
  }
}

// ------------------------------------------------------------------------- export, import

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el("a", { href: url, download: name });
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
// output[row].column).
function toCsv(form, calc, inputs, result) {
  const rows = [["kind", "name", "label", "value"]];
  for (const field of calc.fields) rows.push(["input", field.name, field.label, inputs[field.name]]);
  for (const output of calc.outputs) {
    const value = result[output.key];
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        if (item !== null && typeof item === "object") {
          for (const [key, label] of output.columns) {
            rows.push(["result", `${output.key}[${i}].${key}`, `${output.label}: ${label}`, item[key]]);
          }
        } else rows.push(["result", `${output.key}[${i}]`, output.label, item]);
      });
    } else rows.push(["result", output.key, output.label, value]);
  }
  rows.push(["source", "figures_as_of", "Figures as of", result.figures_as_of]);
  rows.push(["source", "link", "Link", shareLink(form)]);
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

async function loadScenario(form, file) {
  const text = await file.text();
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error("the file is not JSON");
  }
  const id = form.dataset.calculator;
  if (!data || typeof data !== "object" || typeof data.inputs !== "object" || data.inputs === null) {
    throw new Error("the file has no inputs");
  }
  if (data.calculator !== id) throw new Error(`the file is for "${String(data.calculator).slice(0, 40)}", not "${id}"`);
  return applyInputs(form, Object.entries(data.inputs));
}

// ------------------------------------------------------------------------- binding

const LOADING_TEXT = {
  runtime: "Starting the Python runtime (a few seconds on the first visit)…",
  package: "Loading the cost model…",
  import: "Almost ready…",
};

function bind(form) {
  if (form.dataset.bound) return;
  form.dataset.bound = "true";
  const id = form.dataset.calculator;
  const state = { seq: 0, timer: 0, calc: null, context: null, last: null };
  const unknown = restoreFromUrl(form);
  const fromUrl = changedParams(form).length > 0;

  form.querySelectorAll(".tp-out--series table").forEach((t) => drawChart(t, form.dataset.currency || "$"));

  // usable at once; the downloads and the memo wait for a live result
  for (const action of ["copy-link", "reset", "load-json"]) {
    form.querySelector(`[data-action="${action}"]`).disabled = false;
  }

  form.setAttribute("data-status", "loading");
  setStatus(form, LOADING_TEXT.runtime + (fromUrl ? " Results below are for the default inputs until then." : ""));
  const onProgress = (stage) => {
    if (form.getAttribute("data-status") === "loading" && LOADING_TEXT[stage]) setStatus(form, LOADING_TEXT[stage]);
  };
  runtime.progress.add(onProgress);

  async function compute() {
    if (!state.calc) return;
    const seq = ++state.seq;
    const inputs = Object.fromEntries(controls(form).map((c) => [c.name, controlValue(c)]));
    const reply = await runtime.call(id, inputs);
    if (seq !== state.seq || !form.isConnected) return; // a newer input won
    if (reply.ok) {
      clearErrors(form);
      state.last = { inputs, result: reply.result };
      form.querySelectorAll('[data-action^="download"], [data-action="print"]').forEach((b) => (b.disabled = false));
      renderResult(form, state.calc, reply.result, state.context);
      setStatus(form, `Live: results update as you type (Python ${runtime.python} in your browser).`);
      form.dispatchEvent(new CustomEvent("tp:computed", { bubbles: true }));
    } else {
      showError(form, reply.error || {});
    }
  }

  function onInput(event) {
    if (!event.target.name) return;
    syncUrl(form);
    clearTimeout(state.timer);
    state.timer = setTimeout(compute, DEBOUNCE_MS);
  }

  form.addEventListener("input", onInput);
  form.addEventListener("change", onInput);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    compute();
  });
  // Every button of the form, by its data-action; one delegated listener below.
  const fileInput = form.querySelector('[data-role="scenario-file"]');
  const base = `tune-or-prompt-${id}`;
  const actions = {
    "copy-link": async () => {
      const link = shareLink(form);
      form.setAttribute("data-link", link);
      try {
        await navigator.clipboard.writeText(link);
        setStatus(form, "Link copied: it opens this section with these inputs.");
      } catch {
        setStatus(form, `Copy this link: ${link}`);
      }
    },
    reset: () => {
      controls(form).forEach(resetControl);
      clearErrors(form);
      syncUrl(form);
      compute();
    },
    "download-json": () => {
      const { inputs, result } = state.last;
      const scenario = { calculator: id, inputs, result, figures_as_of: result.figures_as_of, link: shareLink(form) };
      download(`${base}.json`, "application/json", `${JSON.stringify(scenario, null, 2)}\n`);
    },
    "download-csv": () => {
      download(`${base}.csv`, "text/csv", toCsv(form, state.calc, state.last.inputs, state.last.result));
    },
    "load-json": () => fileInput.click(),
    print: () => {
      form.setAttribute("data-link", shareLink(form));
      form.classList.add("tp-print-target");
      document.body.classList.add("tp-printing");
      const done = () => {
        form.classList.remove("tp-print-target");
        document.body.classList.remove("tp-printing");
      };
      window.addEventListener("afterprint", done, { once: true });
      window.print();
    },
  };
  form.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    if (button && !button.disabled && actions[button.dataset.action]) actions[button.dataset.action]();
  });
  fileInput.addEventListener("change", async () => {
    const file = fileInput.files && fileInput.files[0];
    fileInput.value = "";
    if (!file) return;
    try {
      const unknown = await loadScenario(form, file);
      syncUrl(form);
      await compute();
      if (unknown.length) setStatus(form, `Loaded; inputs this calculator does not have were ignored: ${unknown.join(", ")}.`);
    } catch (err) {
      setStatus(form, `Could not load the scenario: ${err.message}.`);
    }
  });

  runtime
    .start()
    .then((schema) => {
      runtime.progress.delete(onProgress);
      state.calc = schema.calculators[id];
      if (!state.calc) throw new Error(`the model has no calculator "${id}"`);
      state.context = { labels: schema.labels, currency: form.dataset.currency || "$" };
      // ready once the results reflect the inputs (restored from a link or typed meanwhile)
      return compute().then(() => {
        form.setAttribute("data-status", "ready");
        if (unknown.length && form.getAttribute("data-status") === "ready") {
          setStatus(form, `This link set inputs the calculator does not have (${unknown.join(", ")}); they were ignored.`);
        }
      });
    })
    .catch((err) => {
      runtime.progress.delete(onProgress);
      form.setAttribute("data-status", "error");
      setStatus(
        form,
        `Live calculation is unavailable: ${err.message}. The results shown are for the default inputs.`,
      );
    });
}

function bindAll() {
  document.querySelectorAll("form[data-calculator]").forEach(bind);
}

if (window.document$) window.document$.subscribe(bindAll);
else bindAll();
