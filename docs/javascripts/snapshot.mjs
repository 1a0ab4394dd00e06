// The worker's memory snapshot of a booted runtime, kept in the reader's browser (Cache
// Storage), so that later page loads restore Python in a fraction of a second instead of
// booting it. Never downloaded: it is made here, after the first boot.
//
// Pyodide's snapshot API is private and exact to one build, so a snapshot is kept under
// the address of the runtime folder it was made from (content-addressed: any change to the
// runtime or the wheel gives a new address), with the SHA-256 of its bytes; a snapshot
// whose bytes do not match, or that fails to restore, is dropped and the runtime boots
// normally.

import { sha256 } from "./boot.mjs";

const CACHE = "tune-or-prompt-snapshots";
const DIGEST = "x-content-sha256";

function storage() {
  return typeof caches === "object" ? caches : null;
}

export class SnapshotStore {
  constructor(runtimeURL) {
    this.key = new URL("memory-snapshot.bin", runtimeURL).href;
  }

  get usable() {
    return storage() !== null;
  }

  // The stored snapshot, or null, as two promises: {bytes, intact}, `intact` saying whether
  // the bytes match the digest they were stored with. Both settle while the caller goes on,
  // so the runtime's loader can start before 30 MB have been read and checked.
  async open() {
    if (!this.usable) return null;
    const cache = await storage().open(CACHE);
    const response = await cache.match(this.key);
    if (!response) return null;
    const digest = response.headers.get(DIGEST);
    const bytes = response.arrayBuffer().then((buffer) => new Uint8Array(buffer));
    const intact = bytes.then(sha256).then((actual) => actual === digest);
    return { bytes, intact };
  }

  // Keep `bytes` as the snapshot of this runtime, and drop those of any other runtime.
  async save(bytes) {
    if (!this.usable) return;
    const cache = await storage().open(CACHE);
    const headers = { "content-type": "application/octet-stream", [DIGEST]: await sha256(bytes) };
    await cache.put(this.key, new Response(bytes, { headers }));
    for (const request of await cache.keys()) {
      if (request.url !== this.key) await cache.delete(request);
    }
  }

  async drop() {
    if (this.usable) await (await storage().open(CACHE)).delete(this.key);
  }
}
