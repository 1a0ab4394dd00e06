// Answering a page's requests (protocol.mjs: Call, Compare, Preset, Describe, Quotes) once the runtime is
// ready. Replies cross as the model's JSON text, parsed by the page: a string is copied
// whole, where an object graph (a chart, a table) would be cloned piece by piece.

import { plainError } from "./protocol.mjs";

/** @typedef {import("./protocol.mjs").Request} Request */
/** @typedef {import("./protocol.mjs").Result} Result */

/**
 * The reply's JSON text to `message`, from calculator.bridge.
 * @param {Request} message
 * @returns {string}
 */
function reply(bridge, message) {
  try {
    if (message.type === "describe") {
      return `{"ok": true, "schema": ${bridge.describe()}}`;
    }
    // a currency of "" is Python's None (undefined), not JavaScript's null
    const currency = message.currency ? String(message.currency) : undefined;
    if (message.type === "quotes") {
      const names = JSON.stringify(message.names || []);
      return bridge.quotes(names, currency, String(message.rate || "1"));
    }
    const calculator = String(message.calculator);
    if (message.type === "preset") {
      const rate = String(message.rate || "1");
      return bridge.preset(calculator, String(message.preset), String(message.model), rate);
    }
    const inputs = JSON.stringify(message.inputs || {});
    if (message.type === "compare") {
      return bridge.compare(calculator, JSON.stringify(message.inputs_a || {}), inputs, currency);
    }
    return bridge.call(calculator, inputs, currency);
  } catch (err) {
    return JSON.stringify({ ok: false, error: plainError(err) });
  }
}

/**
 * Answer `message` on `client` once `ready` gives the bridge; nothing if the boot failed
 * (the pages have been told).
 * @param {Promise<object>} ready
 * @param {{postMessage: (message: Result) => void}} client
 * @param {Request} message
 */
export async function answer(ready, client, message) {
  let bridge;
  try {
    bridge = await ready;
  } catch {
    return;
  }
  client.postMessage({ type: "result", id: message.id, json: reply(bridge, message) });
}
