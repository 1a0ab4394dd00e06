// Generate site/sw.js with Workbox: precache every file of the built site, the 9.6 MB
// Python runtime included, so the guide and its calculators work offline after one visit.
// Usage: node scripts/service-worker.mjs [SITE_DIR]
import { generateSW } from "workbox-build";

const site = process.argv[2] || "site";
const MiB = 1024 * 1024;

const { count, size, warnings } = await generateSW({
  globDirectory: site,
  globPatterns: ["**/*.{html,css,js,mjs,json,wasm,zip,whl,svg,png,ico,xml,txt}"],
  globIgnores: ["sw.js", "**/*.map", "sitemap.xml.gz"],
  swDest: `${site}/sw.js`,
  maximumFileSizeToCacheInBytes: 16 * MiB, // Workbox skips files over 2 MiB by default
  ignoreURLParametersMatching: [/.*/], // ?calculator.field=value links open cached pages
  directoryIndex: "index.html",
  cleanupOutdatedCaches: true,
  clientsClaim: true,
  skipWaiting: true,
  inlineWorkboxRuntime: true,
  sourcemap: false,
  mode: "production",
});
for (const warning of warnings) console.warn(`service worker: ${warning}`);
if (warnings.length) process.exit(1);
console.log(`service worker: ${count} files precached, ${(size / MiB).toFixed(1)} MiB`);
