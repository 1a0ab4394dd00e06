// Packs the guide's own scripts in the built site, with esbuild (pinned in package.json):
//
// - The Python worker's modules become one file. The worker's script and the dozen modules
//   it imports otherwise arrive in four or five rounds of requests (each waits for the one
//   before, and for a free connection beside the page's own files), so the runtime's
//   downloads, which the worker starts, began about 150 ms later on a 40 ms link; bundled,
//   the worker is one request. The bundle replaces javascripts/calc-worker.mjs (the same
//   address, so the pages and the early worker script are unchanged);
//   `../runtime/current.mjs` stays an import of its own: it names the runtime's folder
//   relative to itself. The worker's modules that no page or other worker imports are then
//   removed from the site, so the offline copy does not download them too.
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

const runtimeStaysApart = {
  name: "runtime-stays-apart",
  setup(on) {
    on.onResolve({ filter: /\/runtime\/current\.mjs$/ }, (args) => ({
      path: args.path,
      external: true,
    }));
  },
};

const common = { bundle: true, format: "esm", metafile: true, plugins: [runtimeStaysApart] };
const modulesOf = (result) => Object.keys(result.metafile.inputs).map((path) => basename(path));

const worker = await build({
  ...common,
  entryPoints: [join(SOURCES, WORKER)],
  outfile: join(scripts, WORKER),
  allowOverwrite: true,
  logLevel: "warning",
});
const others = await build({
  ...common,
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
