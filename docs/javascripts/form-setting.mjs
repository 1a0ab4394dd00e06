// The site-wide currency setting (currency.mjs) as one form holds it. A change in a form
// that the model accepts is kept, put in the address, and sent to every other form (event
// tp:setting on the document); a setting the reader did not type in this form (a link's,
// or one kept in this browser) that the model refuses is dropped for the article's dollars.

import {
  DEFAULT,
  forget,
  fromLink,
  initialSetting,
  keep,
  sameSetting,
  settingOf,
  showSetting,
} from "./currency.mjs";
import { syncSetting } from "./url-state.mjs";

const SETTING_FIELDS = ["currency", "exchange_rate"]; // the model's names for the setting

/** Whether `control` is one of the setting's (the currency code or the rate). */
export function isSetting(control) {
  return Boolean(control.dataset.setting || control.dataset.siteParam);
}

export class FormSetting {
  constructor(form) {
    this.form = form;
    this.current = initialSetting(); // the setting this form shares (links, exports)
    this.from = fromLink() ? "link" : "browser";
    this.changed = fromLink(); // a link's setting is kept once the model accepts it
    this.typed = false; // the reader is editing the setting in this form
  }

  /** Put the setting into the form's controls. */
  show() {
    showSetting(this.form, this.current);
  }

  /** The setting changed in this form: typed by the reader, or brought by a scenario. */
  edit({ typed }) {
    this.changed = true;
    if (typed) this.typed = true;
  }

  /** Whether the model's `error` refuses a setting the reader did not type here. */
  refusedBy(error) {
    return SETTING_FIELDS.includes(error?.field) && !this.typed;
  }

  /**
   * Fall back to the article's dollars after the model refused the setting with `error`
   * (rather than stop every calculator until the reader finds the setting); returns what
   * the status line should say.
   */
  fallBack(error) {
    const where = this.from === "link" ? "in the link" : "kept in this browser";
    if (this.from !== "link") forget();
    this.current = DEFAULT;
    this.changed = false;
    this.show();
    syncSetting(DEFAULT);
    return (
      `The currency setting ${where} was refused (${error.reason}); amounts are in the ` +
      "article's dollars."
    );
  }

  /** The model accepted `setting` (what the controls held): share it if it changed here. */
  accepted(setting) {
    if (!this.changed) return;
    this.changed = false;
    this.typed = false;
    this.current = setting;
    keep(setting);
    syncSetting(setting);
    const detail = { setting, source: this.form };
    document.dispatchEvent(new CustomEvent("tp:setting", { detail }));
  }

  /** Follow other forms' changes: `onChange()` once this form's controls show a new one. */
  follow(onChange) {
    const onSetting = (event) => {
      if (!this.form.isConnected) {
        document.removeEventListener("tp:setting", onSetting);
        return;
      }
      if (event.detail.source === this.form) return;
      const same = sameSetting(event.detail.setting, settingOf(this.form));
      this.current = event.detail.setting;
      if (same) return;
      this.typed = false;
      this.show();
      onChange();
    };
    document.addEventListener("tp:setting", onSetting);
  }
}
