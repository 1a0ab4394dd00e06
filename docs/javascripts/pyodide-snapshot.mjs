// Pyodide's memory snapshots, the one place that names its private API for them: the
// loader's `_makeSnapshot` (boot in the mode that allows a snapshot later) and
// `_loadSnapshot` (restore one) options, and `pyodide.makeMemorySnapshot()`. The pinned
// Pyodide has no public API for them, and a snapshot fits only the exact build that made
// it (snapshot.mjs keeps it under that build's address). tests/unit/test_dependencies.py
// fails if the pinned Pyodide no longer has them.

/**
 * The loader's options for a fresh boot that can be snapshotted later (if `snapshot`).
 * @param {boolean} snapshot
 */
export function bootOptions(snapshot) {
  return { _makeSnapshot: snapshot };
}

/**
 * The loader's options to restore `bytes` (a promise is fine: the loader reads it once it
 * needs it, and a rejection fails the load).
 * @param {Uint8Array | Promise<Uint8Array>} bytes
 */
export function restoreOptions(bytes) {
  return { _loadSnapshot: bytes };
}

/**
 * A snapshot of `pyodide`'s memory, booted with bootOptions(true).
 * @returns {Uint8Array}
 */
export function makeSnapshot(pyodide) {
  return pyodide.makeMemorySnapshot();
}
