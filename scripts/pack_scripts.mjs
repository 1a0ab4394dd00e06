// Packs the guide's own scripts in the built site, with esbuild (pinned in package.json):
//
// - The Python worker's modules become one file. The worker's script and the dozen modules
//   it imports otherwise arrive in four or five rounds of requests (each waits for the one
//   before, and for a free connection beside the page's own files), so the runtime's
//   downloads, which the worker starts, began about 150 ms later on a 40 ms link; bundled,
//   the worker is one request. The bundle replaces javascripts/calc-worker.mjs (the same
//   address, so the pages and the early worker script are unchanged). The runtime's
//   address (`../runtime/current.mjs`, which names the runtime's folder relative to
//   itself) goes into the bundle too, restated relative to the bundle: fetched on its own,
//   it was one more round trip before the worker could start the runtime's downloads
//   (about 45 ms on a 40 ms link). The worker's modules that no page or other worker
//   imports are then removed from the site, so the offline copy does not download them
//   too.
// - Every other script loses its comments (esbuild keeps those among a class's members), and
//   nothing else: a third of their bytes, sent on a first visit and again by the offline
//   copy. Names and layout are kept, so the site's scripts read as their sources do in the
//   browser's tools.
//
// docs/javascripts/ keeps the sources with their comments, which `make dev` serves as they are.
//
// Usage: node scripts/pack_scripts.mjs SITE_DIR
import { readdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, transform } from "esbuild";

const SOURCES = fileURLToPath(new URL("../docs/javascripts/", import.meta.url));
const WORKER = "calc-worker.mjs";
// What the pages load themselves (overrides/main.html) and the workers they start besides
// this one (snapshot.mjs starts the snapshot reader where the browser allows).
const OTHER_ENTRIES = ["calculators.mjs", "snapshot-reader.mjs"];

const site = process.argv[2];
if (!site) {
  console.error("usage: node scripts/pack_scripts.mjs SITE_DIR");
  process.exit(2);
}
const scripts = join(site, "javascripts");

// The runtime's folder, as the site's runtime/current.mjs names it.
const current = readFileSync(join(site, "runtime", "current.mjs"), "utf8");
const folder = /new URL\("\.\/([0-9a-f]+)\/", import\.meta\.url\)/.exec(current)?.[1];
if (!folder) {
  console.error(`${join(site, "runtime", "current.mjs")}: no runtime folder named`);
  process.exit(1);
}
const CURRENT = /\/runtime\/current\.mjs$/;

// In the worker's bundle (javascripts/), the runtime's address is written out; elsewhere
// (the other entries, listed only to see what they import) it stays an import.
const runtimeAddress = (inline) => ({
  name: "runtime-address",
  setup(on) {
    on.onResolve({ filter: CURRENT }, (args) =>
      inline ? { path: "current.mjs", namespace: "runtime" } : { path: args.path, external: true },
    );
    on.onLoad({ filter: /.*/, namespace: "runtime" }, () => ({
      contents: `export const RUNTIME = new URL("../runtime/${folder}/", import.meta.url).href;`,
      loader: "js",
    }));
  },
});

const common = { bundle: true, format: "esm", metafile: true };
const modulesOf = (result) =>
  Object.keys(result.metafile.inputs)
    .filter((path) => !path.startsWith("runtime:")) // the address written out, no file
    .map((path) => basename(path));

const worker = await build({
  ...common,
  plugins: [runtimeAddress(true)],
  entryPoints: [join(SOURCES, WORKER)],
  outfile: join(scripts, WORKER),
  allowOverwrite: true,
  logLevel: "warning",
});
const others = await build({
  ...common,
  plugins: [runtimeAddress(false)],
  entryPoints: OTHER_ENTRIES.map((name) => join(SOURCES, name)),
  outdir: join(site, "unused"),
  write: false,
});
const kept = new Set(modulesOf(others));
const removed = modulesOf(worker).filter((name) => name !== WORKER && !kept.has(name));
for (const name of removed) unlinkSync(join(scripts, name));

// The rest, one by one: ES modules (.mjs) and the classic search worker stand-in (.js).
let before = 0;
let after = 0;
for (const name of readdirSync(scripts).filter((n) => /\.m?js$/.test(n) && n !== WORKER)) {
  const path = join(scripts, name);
  const source = readFileSync(path, "utf8");
  const format = name.endsWith(".mjs") ? "esm" : undefined;
  const { code } = await transform(source, { loader: "js", format, legalComments: "none" });
  writeFileSync(path, code);
  before += Buffer.byteLength(source);
  after += Buffer.byteLength(code);
}
console.log(
  `scripts: the worker one file of ${modulesOf(worker).length} modules (${removed.length} ` +
    `used only there, removed); comments out of the rest, ${kb(before)} -> ${kb(after)}`,
);

function kb(bytes) {
  return `${Math.round(bytes / 1024)} KB`;
}
