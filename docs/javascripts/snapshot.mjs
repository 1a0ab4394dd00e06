// The worker's memory snapshot of a booted runtime, kept in the reader's browser (Cache
// Storage), so that later page loads restore Python in a fraction of a second instead of
// booting it. Never downloaded: it is made here, after the first boot.
//
// Pyodide's snapshot API is private and exact to one build, so a snapshot is kept under
// the address of the runtime folder it was made from (content-addressed: any change to the
// runtime or the wheel gives a new address), with the SHA-256 of its bytes; a snapshot
// whose bytes do not match, or that fails to restore, is dropped and the runtime boots
// normally.
//
// Much of a snapshot is blocks of zeros (the free part of Python's heap), so only the
// other blocks are stored (compact/expand below): less to read and to check on every load.

import { sha256 } from "./boot.mjs";

const CACHE = "tune-or-prompt-snapshots";
const DIGEST = "x-content-sha256"; // of the stored body
const LAYOUT = "x-snapshot-layout"; // "length;offset+size,offset+size,..." (see compact)
const BLOCK = 4096;
const MAX_LENGTH = 2 ** 32; // a WebAssembly memory is at most 4 GiB

// The runs of `bytes` that are not all zeros, at block boundaries: {body, layout}, `body`
// the runs one after another and `layout` the text that puts them back.
export function compact(snapshot) {
  const bytes = snapshot.byteOffset % 4 ? snapshot.slice() : snapshot;
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2);
  const runs = [];
  for (let start = 0; start < bytes.length; start += BLOCK) {
    const end = Math.min(start + BLOCK, bytes.length);
    let zero = true;
    for (let w = start >> 2; w < end >> 2 && zero; w += 1) zero = words[w] === 0;
    for (let b = end & ~3; b < end && zero; b += 1) zero = bytes[b] === 0;
    if (zero) continue;
    const last = runs.at(-1);
    if (last && last[0] + last[1] === start) last[1] += end - start;
    else runs.push([start, end - start]);
  }
  const body = new Uint8Array(runs.reduce((sum, [, size]) => sum + size, 0));
  let at = 0;
  for (const [offset, size] of runs) {
    body.set(bytes.subarray(offset, offset + size), at);
    at += size;
  }
  return { body, layout: `${bytes.length};${runs.map((r) => r.join("+")).join(",")}` };
}

// The snapshot `compact` stored as `body` and `layout`, or null if they do not fit together
// (runs out of order, overlapping, past the end, or not adding up to the body).
export function expand(body, layout) {
  const match = /^(\d+);((?:\d+\+\d+)(?:,\d+\+\d+)*)?$/.exec(layout || "");
  if (!match || Number(match[1]) > MAX_LENGTH) return null;
  const bytes = new Uint8Array(Number(match[1]));
  let at = 0;
  let end = 0;
  for (const run of match[2] ? match[2].split(",") : []) {
    const [offset, size] = run.split("+").map(Number);
    if (offset < end || offset + size > bytes.length || at + size > body.length) return null;
    bytes.set(body.subarray(at, at + size), offset);
    at += size;
    end = offset + size;
  }
  return at === body.length ? bytes : null;
}

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
  // what was stored matches the digest it was stored with and makes a whole snapshot. Both
  // settle while the caller goes on, so the runtime's loader can start before the bytes
  // have been read and checked.
  async open() {
    if (!this.usable) return null;
    const cache = await storage().open(CACHE);
    const response = await cache.match(this.key);
    if (!response) return null;
    const digest = response.headers.get(DIGEST);
    const layout = response.headers.get(LAYOUT);
    const body = response.arrayBuffer().then((buffer) => new Uint8Array(buffer));
    const expanded = body.then((stored) => expand(stored, layout));
    const bytes = expanded.then((whole) => whole || new Uint8Array(0)); // not intact, then
    const intact = Promise.all([body.then(sha256), expanded]).then(
      ([actual, whole]) => actual === digest && whole !== null,
    );
    return { bytes, intact };
  }

  // Keep `bytes` as the snapshot of this runtime, and drop those of any other runtime.
  async save(bytes) {
    if (!this.usable) return;
    const cache = await storage().open(CACHE);
    const { body, layout } = compact(bytes);
    const headers = {
      "content-type": "application/octet-stream",
      [DIGEST]: await sha256(body),
      [LAYOUT]: layout,
    };
    await cache.put(this.key, new Response(body, { headers }));
    for (const request of await cache.keys()) {
      if (request.url !== this.key) await cache.delete(request);
    }
  }

  // open(), on a thread of its own (snapshot-reader.mjs) where the browser lets a worker
  // start one, so that reading and checking 30 MB does not hold up the caller's thread;
  // open() on this thread where it cannot, or where the reader fails to start.
  openElsewhere() {
    if (!this.usable) return Promise.resolve(null);
    let reader;
    try {
      reader = new Worker(new URL("./snapshot-reader.mjs", import.meta.url), { type: "module" });
    } catch {
      return this.open(); // no nested workers here
    }
    let deliver;
    const contents = new Promise((resolve) => {
      deliver = resolve;
    });
    return new Promise((resolve) => {
      reader.onerror = () => {
        reader.terminate();
        deliver({ bytes: null, intact: false });
        resolve(this.open());
      };
      reader.onmessage = ({ data }) => {
        if ("found" in data) {
          resolve(data.found ? this.#promised(contents) : null);
          if (data.found) return;
        } else {
          deliver(data);
        }
        reader.terminate();
      };
    });
  }

  #promised(contents) {
    const bytes = contents.then(({ bytes }) => bytes || Promise.reject(new Error("unreadable")));
    return { bytes, intact: contents.then(({ intact }) => intact) };
  }

  async drop() {
    if (this.usable) await (await storage().open(CACHE)).delete(this.key);
  }
}
