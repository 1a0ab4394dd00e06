// The reader's currency: a site-wide setting of a currency code (how amounts are shown)
// and an exchange rate (a model input of every calculator, the field with
// data-site-param="rate"). A link's `currency` and `rate` parameters win over the
// preference this browser keeps; the model checks both, and a bad one changes nothing.

const KEY = "tune-or-prompt:currency";

export const DEFAULT = Object.freeze({ currency: "", rate: "" });

function stored() {
  try {
    const value = JSON.parse(window.localStorage.getItem(KEY) || "null");
    if (value && typeof value === "object") {
      return { currency: String(value.currency || ""), rate: String(value.rate || "") };
    }
  } catch {
    // no storage (private mode) or a value this version cannot read: the default
  }
  return null;
}

export function fromLink() {
  const params = new URL(window.location.href).searchParams;
  return params.has("currency") || params.has("rate");
}

// The setting a page starts with: the link's, else this browser's, else the default. A
// link's setting becomes this browser's once the model accepts it (binder.mjs), so it
// lasts across instant navigation and reloads.
export function initialSetting() {
  const params = new URL(window.location.href).searchParams;
  if (fromLink()) {
    return {
      currency: (params.get("currency") || "").slice(0, 12),
      rate: (params.get("rate") || "").slice(0, 40),
    };
  }
  return stored() || DEFAULT;
}

export function keep(setting) {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(setting));
  } catch {
    // no storage: the setting lasts for this page only
  }
}

export function forget() {
  try {
    window.localStorage.removeItem(KEY);
  } catch {
    // no storage: nothing kept
  }
}

export function sameSetting(a, b) {
  return a.currency === b.currency && (a.rate || "1") === (b.rate || "1");
}

export function isDefault(setting) {
  return !setting.currency && (!setting.rate || setting.rate === "1");
}

function rateControl(form) {
  return form.querySelector('[data-site-param="rate"]');
}

// The setting a form's controls hold now.
export function settingOf(form) {
  const rate = rateControl(form);
  return {
    currency: form.querySelector('[data-setting="currency"]').value.trim().toUpperCase(),
    rate: rate.value.trim() === rate.dataset.default ? "" : rate.value.trim(),
  };
}

// Put `setting` into a form's controls (values, never markup).
export function showSetting(form, setting) {
  form.querySelector('[data-setting="currency"]').value = setting.currency;
  const rate = rateControl(form);
  rate.value = setting.rate || rate.dataset.default;
}
