// Firefox for tests/engines, driven over WebDriver BiDi by puppeteer-core (no browser
// download: the system Firefox). pytest talks to this script one JSON line at a time on
// stdin/stdout: {id, op, ...} -> {id, value} or {id, error}.
//
//   node tests/engines/firefox.mjs FIREFOX_PATH PROXY_PORT
//
// The page is watched: a request for anything but the loopback (or data:/blob:), an
// uncaught page error and a console error are recorded, and `guard` returns (and clears)
// them. PROXY_PORT is a loopback proxy that records and refuses what it is asked: every
// request that is not for the loopback goes there, the workers' own ones included.

import { createInterface } from "node:readline";
import puppeteer from "puppeteer-core";

const [executablePath, proxyPort] = process.argv.slice(2);
const LOOPBACK = /^(http:\/\/127\.0\.0\.1[:/]|data:|blob:)/;

const browser = await puppeteer.launch({
  browser: "firefox",
  executablePath,
  headless: true,
  // a release build takes the remote settings server below only with this set
  env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: "1" },
  defaultViewport: { width: 1280, height: 900 },
  extraPrefsFirefox: {
    "network.proxy.type": 1,
    "network.proxy.http": "127.0.0.1",
    "network.proxy.http_port": Number(proxyPort),
    "network.proxy.ssl": "127.0.0.1",
    "network.proxy.ssl_port": Number(proxyPort),
    "network.proxy.no_proxies_on": "127.0.0.1",
    "network.proxy.allow_hijacking_localhost": false,
    // the browser's own traffic, which is no page's: remote settings, portal detection
    "services.settings.server": "http://127.0.0.1:9/",
    "network.captive-portal-service.enabled": false,
    "network.connectivity-service.enabled": false,
    // an http address stays http (the guard's own test asks for one)
    "dom.security.https_first": false,
    "dom.security.https_first_schemeless": false,
  },
});

const seen = { foreign: [], pageErrors: [], consoleErrors: [] };

function watch(page) {
  page.on("request", (request) => {
    if (!LOOPBACK.test(request.url())) seen.foreign.push(request.url());
  });
  page.on("pageerror", (error) => seen.pageErrors.push(String(error)));
  page.on("console", (message) => {
    if (message.type() === "error") seen.consoleErrors.push(message.text());
  });
  page.on("dialog", (dialog) => {
    seen.pageErrors.push(`dialog: ${dialog.message()}`);
    dialog.dismiss();
  });
}

const page = (await browser.pages())[0] ?? (await browser.newPage());
watch(page);

// A function's source, as sent by pytest, made a function again (puppeteer sends its text).
const fn = (source) => new Function(`return (${source})`)();

const ops = {
  async goto({ url }) {
    await page.goto(url, { waitUntil: "domcontentloaded" });
  },
  async evaluate({ source, arg }) {
    return page.evaluate(fn(source), arg);
  },
  async wait({ source, arg, timeout }) {
    await page.waitForFunction(fn(source), { polling: 100, timeout: timeout * 1000 }, arg);
  },
  async click({ selector }) {
    await page.click(selector);
  },
  guard() {
    const found = structuredClone(seen);
    for (const list of Object.values(seen)) list.length = 0;
    return found;
  },
  version() {
    return browser.version();
  },
};

const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  const { id, op, ...args } = JSON.parse(line);
  let reply;
  try {
    reply = { id, value: (await ops[op](args)) ?? null };
  } catch (error) {
    reply = { id, error: String(error?.stack ?? error) };
  }
  process.stdout.write(`${JSON.stringify(reply)}\n`);
}
await browser.close();
