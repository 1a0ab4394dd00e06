// Calculator inputs in the page address: ID.FIELD=value pairs in the query string, only
// for inputs that differ from their defaults, and the site-wide currency setting as
// `currency` and `rate`. The hash stays the section anchor (Material rewrites it while
// scrolling), so state never goes there.
//
// What a form holds beyond its inputs goes in as ID~PART=value (the grammar is in
// ARCHITECTURE.md): a comparison's pinned scenario (ID~a, ID~a.FIELD=value) and the models
// chosen in presets (ID~preset.KEY=provider/model). The modules that keep such state add
// it with addLinkParts(); a form reads it back with partsFromUrl().

import { controls, controlValue, isDefault } from "./controls.mjs";
import { isDefault as isDefaultSetting } from "./currency.mjs";

function prefix(form) {
  return `${form.dataset.calculator}.`;
}

function partPrefix(form) {
  return `${form.dataset.calculator}~`;
}

const partMakers = new Set(); // (form) => [[part, value], ...]

// Register `make(form)`, which gives the [part, value] pairs a form adds to its links.
export function addLinkParts(make) {
  partMakers.add(make);
}

function partParams(form) {
  return Array.from(partMakers).flatMap((make) =>
    make(form).map(([part, value]) => [partPrefix(form) + part, value]),
  );
}

// The [part, value] pairs the current address holds for this form (ID~PART=value).
export function partsFromUrl(form) {
  return Array.from(new URL(window.location.href).searchParams)
    .filter(([key]) => key.startsWith(partPrefix(form)))
    .map(([key, value]) => [key.slice(partPrefix(form).length), value]);
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

// URLSearchParams escapes more than a query needs: the part marker `~`, and the `/` and
// `:` of a model name, read as they are (RFC 3986 allows them in a query).
function tidy(url) {
  url.search = url.search.replace(/%7E/gi, "~").replace(/%2F/gi, "/").replace(/%3A/gi, ":");
  return url;
}

function replaceUrl(url) {
  tidy(url);
  if (url.href !== window.location.href) window.history.replaceState(window.history.state, "", url);
}

// Writing the address is a same-document navigation: each write costs the browser process
// several milliseconds, which on a small machine slows the reply to the very edit that
// caused it, and Chromium ignores writes beyond a few hundred in ten seconds (a held-down
// arrow key gets there). So while the reader types, the address is written once they
// pause, and at once on a click (a link is about to be followed, or a button pressed) or
// when the page is hidden. A write never lands on another page's address: forms that left
// the page (instant navigation) are skipped, and so is a page whose path has changed.
const TYPING_PAUSE_MS = 250;
const pending = new Set(); // forms whose inputs the address does not show yet
let pendingPath = "";
let timer = 0;

function withInputs(url, form) {
  for (const key of Array.from(url.searchParams.keys())) {
    if (key.startsWith(prefix(form)) || key.startsWith(partPrefix(form))) {
      url.searchParams.delete(key);
    }
  }
  for (const [key, value] of [...changedParams(form), ...partParams(form)]) {
    url.searchParams.append(key, value);
  }
  return url;
}

// The address with every pending form's inputs in it.
function current() {
  const url = new URL(window.location.href);
  const samePage = url.pathname === pendingPath;
  for (const form of pending) if (samePage && form.isConnected) withInputs(url, form);
  pending.clear();
  clearTimeout(timer);
  return url;
}

function flushUrl() {
  if (pending.size) replaceUrl(current());
}

// Put the form's changed inputs in the address: now, or (`typing`) once the reader pauses.
export function syncUrl(form, { typing = false } = {}) {
  if (!typing) {
    replaceUrl(withInputs(current(), form));
    return;
  }
  if (!pending.size) pendingPath = window.location.pathname;
  pending.add(form);
  clearTimeout(timer);
  timer = setTimeout(flushUrl, TYPING_PAUSE_MS);
}

document.addEventListener("click", flushUrl, true); // before the theme follows a link
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "hidden") flushUrl();
});
window.addEventListener("pagehide", flushUrl);

export function syncSetting(setting) {
  const url = current();
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
  for (const [key, value] of [...changedParams(form), ...partParams(form)]) {
    url.searchParams.append(key, value);
  }
  for (const [key, value] of settingParams(setting)) url.searchParams.append(key, value);
  url.hash = sectionAnchor(form);
  return tidy(url).href;
}
