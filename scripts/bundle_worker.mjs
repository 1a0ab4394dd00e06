// Bundles the Python worker's modules into one file in the built site, with esbuild (pinned in
// package.json). The worker's script and the dozen modules it imports otherwise arrive in
// four or five rounds of requests (each waits for the one before, and for a free
// connection beside the page's own files), so the runtime's downloads, which the worker
// starts, began about 150 ms later on a 40 ms link; bundled, the worker is one request.
//
// The bundle replaces javascripts/calc-worker.mjs in the site (the same address, so the pages
// and the early worker script are unchanged); docs/javascripts/ keeps the modules, which
// `make dev` serves as they are. `../runtime/current.mjs` stays an import of its own: it
// names the runtime's folder relative to itself. The worker's modules that no page or
// other worker imports are then removed from the site, so the offline copy does not
// download them too. Nothing is minified: the bundle reads as its modules do.
//
// Usage: node scripts/bundle_worker.mjs SITE_DIR
import { unlinkSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const SOURCES = fileURLToPath(new URL("../docs/javascripts/", import.meta.url));
const WORKER = "calc-worker.mjs";
// What the pages load themselves (overrides/main.html) and the workers they start besides
// this one (snapshot.mjs starts the snapshot reader where the browser allows).
const OTHER_ENTRIES = ["calculators.mjs", "snapshot-reader.mjs"];

const site = process.argv[2];
if (!site) {
  console.error("usage: node scripts/bundle_worker.mjs SITE_DIR");
  process.exit(2);
}

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
  outfile: join(site, "javascripts", WORKER),
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
for (const name of removed) unlinkSync(join(site, "javascripts", name));
console.log(
  `worker: one file of ${modulesOf(worker).length} modules (${removed.length} used only there, removed)`,
);
