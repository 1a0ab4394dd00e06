// Entry point: start the Python worker as early as the page allows, and bind every
// calculator form on every page Material shows (instant navigation keeps this module and
// its one worker alive across pages).

import { bind } from "./binder.mjs";
import { runtime } from "./runtime.mjs";

function bindAll() {
  const forms = document.querySelectorAll("form[data-calculator]");
  if (forms.length) runtime.start().catch(() => {}); // each form reports its own failure
  forms.forEach(bind);
}

if (window.document$) window.document$.subscribe(bindAll);
else bindAll();
