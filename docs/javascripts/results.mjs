// Placing what the worker computed: every number arrives as text made by the model's one
// formatter (reply.display), charts arrive as SVG drawn by the model; this module only puts
// them in place. Nothing is ever inserted as HTML: text goes in as textContent, and a chart
// is parsed as an SVG document (which runs no scripts) and imported.

export function setStatus(form, text) {
  const status = form.querySelector('[data-role="status"]');
  if (status) status.textContent = text;
}

function element(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

export function clearErrors(form) {
  for (const field of form.querySelectorAll(".tp-field[data-invalid]")) {
    field.removeAttribute("data-invalid");
    const error = field.querySelector('[data-role="error"]');
    error.textContent = "";
    error.hidden = true;
    for (const control of field.querySelectorAll("input, select"))
      control.removeAttribute("aria-invalid");
  }
  form.removeAttribute("data-stale");
}

// A field-level error from the model: shown at its field; the last good result stays,
// marked stale. An error without a field is shown in the status line.
export function showError(form, error) {
  clearErrors(form);
  form.setAttribute("data-stale", "");
  const field = Array.from(form.querySelectorAll(".tp-field")).find(
    (f) => error.field && f.dataset.field === error.field,
  );
  if (!field) {
    setStatus(form, `Could not compute: ${error.message || error.reason}`);
    return;
  }
  field.setAttribute("data-invalid", "");
  const box = field.querySelector('[data-role="error"]');
  box.textContent = error.reason || error.message;
  box.hidden = false;
  for (const control of field.querySelectorAll("input, select"))
    control.setAttribute("aria-invalid", "true");
  const more = field.closest("details");
  if (more) more.open = true;
  setStatus(form, "Showing the last valid result: correct the marked field to update it.");
}

// A table's rows: built afresh when their number changes, otherwise only the cells whose
// text changed are touched (an edit then costs no new elements and little layout).
function placeTable(table, view) {
  const numeric = Array.from(table.tHead.rows[0].cells, (th) => th.dataset.unit !== "text");
  const body = table.tBodies[0];
  if (body.rows.length === view.rows.length && body.rows[0]?.cells.length === numeric.length) {
    view.rows.forEach((cells, r) => {
      const tr = body.rows[r];
      cells.forEach((cell, i) => {
        const td = tr.cells[i];
        if (td.textContent !== cell.text) td.textContent = cell.text;
        if (numeric[i] && td.dataset.value !== cell.value) td.dataset.value = cell.value;
      });
    });
    return;
  }
  const rows = view.rows.map((cells) => {
    const tr = element("tr");
    cells.forEach((cell, i) => {
      const attrs = i === 0 ? { scope: "row" } : {};
      if (numeric[i]) Object.assign(attrs, { class: "tp-num", "data-value": cell.value });
      tr.appendChild(element(i === 0 ? "th" : "td", attrs, cell.text));
    });
    return tr;
  });
  body.replaceChildren(...rows);
  table.setAttribute("data-rows", String(rows.length));
  const summary = table.closest("details")?.querySelector("summary");
  if (summary)
    summary.textContent = summary.textContent.replace(/\(\d+ rows\)$/, `(${rows.length} rows)`);
}

function placeChart(figure, svgText) {
  if (!svgText) {
    figure.replaceChildren();
    return;
  }
  const svg = new DOMParser().parseFromString(svgText, "image/svg+xml").documentElement;
  if (svg.nodeName !== "svg") return; // a parse error: keep the previous chart
  figure.replaceChildren(document.importNode(svg, true));
}

// `display` maps each output key to what the model made of it: {items} for a list, {href,
// text} for a link, {rows, chart} for a table or series, {text, value} for one value.
export function placeResult(form, display) {
  for (const [key, view] of Object.entries(display)) {
    const node = form.querySelector(`[data-output="${CSS.escape(key)}"]`);
    if (!node) continue;
    if ("items" in view) {
      node.replaceChildren(...view.items.map((item) => element("li", {}, item)));
    } else if ("href" in view) {
      if (view.href) node.setAttribute("href", view.href);
      else node.removeAttribute("href");
      node.textContent = view.text;
    } else if ("rows" in view) {
      placeTable(node, view);
      const figure = form.querySelector(`[data-chart="${CSS.escape(key)}"]`);
      if (figure) placeChart(figure, view.chart);
    } else {
      node.textContent = view.text;
      node.setAttribute("data-value", view.value);
      const summary = form.querySelector(`[data-summary="${CSS.escape(key)}"]`);
      if (summary) summary.textContent = view.text;
    }
  }
}

// The calculator's one live region: a polite announcement per update, of the headline
// results (its answer) rather than of every output, or of `text` (the runtime stopped).
export function announce(form, text) {
  const region = form.querySelector('[data-role="announce"]');
  if (!region) return;
  const parts = Array.from(form.querySelectorAll(".tp-summary dl > div"), (row) => {
    const [label, value] = row.children;
    return `${label.textContent}: ${value.textContent}`;
  });
  region.textContent = text || `Updated. ${parts.join("; ")}.`;
}
