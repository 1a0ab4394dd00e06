// Calculator inputs in the page address: ID.FIELD=value pairs in the query string, only
// for inputs that differ from their defaults, and the site-wide currency setting as
// `currency` and `rate`. The hash stays the section anchor (Material rewrites it while
// scrolling), so state never goes there.

import { controls, controlValue, isDefault } from "./controls.mjs";
import { isDefault as isDefaultSetting } from "./currency.mjs";

function prefix(form) {
  return `${form.dataset.calculator}.`;
}

export function changedParams(form) {
  return controls(form)
    .filter((control) => !control.dataset.siteParam && !isDefault(control))
    .map((control) => [prefix(form) + control.name, controlValue(control)]);
}

function settingParams(setting) {
  if (!setting || isDefaultSetting(setting)) return [];
  return [
    ["currency", setting.currency],
    ["rate", setting.rate],
  ].filter(([, value]) => value);
}

// The [field, value] pairs the current address holds for this form.
export function paramsFromUrl(form) {
  return Array.from(new URL(window.location.href).searchParams)
    .filter(([key]) => key.startsWith(prefix(form)))
    .map(([key, value]) => [key.slice(prefix(form).length), value]);
}

function replaceUrl(url) {
  if (url.href !== window.location.href) window.history.replaceState(window.history.state, "", url);
}

export function syncUrl(form) {
  const url = new URL(window.location.href);
  for (const key of Array.from(url.searchParams.keys())) {
    if (key.startsWith(prefix(form))) url.searchParams.delete(key);
  }
  for (const [key, value] of changedParams(form)) url.searchParams.append(key, value);
  replaceUrl(url);
}

export function syncSetting(setting) {
  const url = new URL(window.location.href);
  url.searchParams.delete("currency");
  url.searchParams.delete("rate");
  for (const [key, value] of settingParams(setting)) url.searchParams.append(key, value);
  replaceUrl(url);
}

// The nearest heading before the form, for a link that opens at this section.
function sectionAnchor(form) {
  for (let node = form; node && node !== document.body; node = node.parentElement) {
    for (
      let sibling = node.previousElementSibling;
      sibling;
      sibling = sibling.previousElementSibling
    ) {
      if (/^H[1-6]$/.test(sibling.tagName) && sibling.id) return sibling.id;
    }
  }
  return form.id;
}

export function shareLink(form, setting) {
  const url = new URL(window.location.href);
  url.search = "";
  for (const [key, value] of changedParams(form)) url.searchParams.append(key, value);
  for (const [key, value] of settingParams(setting)) url.searchParams.append(key, value);
  url.hash = sectionAnchor(form);
  return url.href;
}
