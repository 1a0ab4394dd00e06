// Packs the guide's own scripts in the built site, with esbuild (pinned in package.json).
//
// Each script a page or a worker starts becomes one file, under its own address (so the
// pages, the early worker script and the workers that start others are unchanged): the
// page's script (calculators.mjs), the Python worker (calc-worker.mjs) and the snapshot
// reader it starts. As modules, each arrived in a round of requests per level of imports
// (the page's script in seven), every request waiting for a free connection beside the
// runtime's downloads: on a 40 ms link the page's calculators were bound at about 0.8 s,
// and the worker, which starts the runtime's downloads, began them about 150 ms later.
// `../runtime/current.mjs` stays an import of its own: it names the runtime's folder
// relative to itself. The modules are then removed from the site, so the offline copy
// does not download them too. Names and layout are kept (nothing is minified), and each
// module's part of a bundle is headed by its source's path, so the site's scripts read as
// their sources do in the browser's tools; comments are left out (legal ones included:
// the guide's scripts have none).
//
// The theme's search worker stand-in (search-worker.js, a classic script) loses its
// comments, and nothing else.
//
// docs/javascripts/ keeps the sources with their comments, which `make dev` serves as they are.
//
// Usage: node scripts/pack_scripts.mjs SITE_DIR
import { readdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, transform } from "esbuild";

const SOURCES = fileURLToPath(new URL("../docs/javascripts/", import.meta.url));
// What the pages load themselves (overrides/main.html), the worker they start, and the
// worker it starts where the browser allows (snapshot.mjs).
const ENTRIES = ["calculators.mjs", "calc-worker.mjs", "snapshot-reader.mjs"];
const CLASSIC = ["search-worker.js"];

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

const bundled = await build({
  entryPoints: ENTRIES.map((name) => join(SOURCES, name)),
  outdir: scripts,
  outExtension: { ".js": ".mjs" },
  allowOverwrite: true,
  bundle: true,
  format: "esm",
  legalComments: "none",
  metafile: true,
  plugins: [runtimeStaysApart],
  logLevel: "warning",
});
const modules = new Set(Object.keys(bundled.metafile.inputs).map((path) => basename(path)));
const removed = [...modules].filter((name) => !ENTRIES.includes(name));
for (const name of removed) unlinkSync(join(scripts, name));
const left = readdirSync(scripts).filter((n) => /\.m?js$/.test(n));
const unknown = left.filter((n) => !ENTRIES.includes(n) && !CLASSIC.includes(n));
if (unknown.length) {
  console.error(`pack_scripts: no entry imports ${unknown.join(", ")}`);
  process.exit(1);
}

for (const name of CLASSIC) {
  const path = join(scripts, name);
  const { code } = await transform(readFileSync(path, "utf8"), { legalComments: "none" });
  writeFileSync(path, code);
}
const sizes = ENTRIES.map((n) => `${n} ${kb(readFileSync(join(scripts, n)).length)}`);
console.log(`scripts: ${modules.size} modules in ${ENTRIES.length} files (${sizes.join(", ")})`);

function kb(bytes) {
  return `${Math.round(bytes / 1024)} KB`;
}
