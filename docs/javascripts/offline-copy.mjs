// The worker's side of the offline copy. On a first visit the worker downloads the Python
// runtime before the service worker exists; so that the service worker does not download
// those megabytes again, the worker puts each runtime file it fetches into the service
// worker's precache (the cache Workbox fills when it installs, and skips for any file
// already there).
//
// Only files under the content-addressed runtime folder are handled: their address
// changes with their content, so Workbox keeps them under their plain address
// (scripts/service-worker.mjs: no revision), and a stored file can never be stale.

const CACHE_ID = "tune-or-prompt"; // scripts/service-worker.mjs sets the same cacheId

export function precacheName(scope) {
  // Workbox's name for a scope's precache (workbox-core's cacheNames, with the cacheId as
  // its prefix; tests/unit/test_dependencies.py checks it against the pinned Workbox)
  return `${CACHE_ID}-precache-v2-${scope}`;
}

// A fetch that keeps a copy of each runtime file it downloads, and store(), which puts the
// copies the offline copy lacks into it once the runtime has started (writing megabytes
// while it boots would slow the boot). Nothing is looked up before a download: once the
// service worker is in place it answers the worker's requests from the offline copy
// itself. Other requests pass through.
export function offlineCopyFetch(fetch, runtimeURL, scope) {
  const copies = [];
  const usable = typeof caches === "object";
  const fetchThrough = async (resource, options) => {
    const response = await fetch(resource, options);
    const url = new URL(resource instanceof Request ? resource.url : resource, runtimeURL);
    if (usable && url.href.startsWith(runtimeURL) && response.status === 200) {
      copies.push([url.href, response.clone()]);
    }
    return response;
  };
  const store = async () => {
    const cache = usable ? await caches.open(precacheName(scope)) : null;
    for (const [url, response] of copies.splice(0)) {
      if (await cache.match(url)) continue; // served from the offline copy already
      await cache.put(url, response).catch(() => {}); // best effort: the copy is a bonus
    }
  };
  return { fetch: fetchThrough, store };
}
