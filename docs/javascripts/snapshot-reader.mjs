// Reads this browser's memory snapshot (snapshot.mjs) on a thread of its own, started by
// the Python worker as its first step: 30 MB come out of Cache Storage and through SHA-256
// here while the worker loads the runtime, instead of competing with it for its thread.
//
// Posts {found} as soon as it knows whether there is a snapshot, then, if there is,
// {bytes, intact} (the bytes transferred, not copied; null if they could not be read).

import { RUNTIME } from "../runtime/current.mjs";
import { SnapshotStore } from "./snapshot.mjs";

let found = false;
try {
  const stored = await new SnapshotStore(RUNTIME).open();
  found = Boolean(stored);
  self.postMessage({ found });
  if (stored) {
    const [bytes, intact] = await Promise.all([stored.bytes, stored.intact]);
    self.postMessage({ bytes, intact }, [bytes.buffer]);
  }
} catch {
  self.postMessage(found ? { bytes: null, intact: false } : { found: false });
}
