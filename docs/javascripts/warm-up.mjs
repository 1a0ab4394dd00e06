// The engine compiles the hottest WebAssembly (Python's own loop) at full speed only after
// it has run a while, so the first edits of a visit would be slower than later ones.
// Calling every calculator with its defaults a few times, one call per task so that a
// reader's call is never queued behind more than one, gets that done while the page is
// read, and only after a quiet moment, so that it never runs while the reader types.
// Results are discarded; calls have no side effects.

const ROUNDS = 5; // calls per calculator
const SLOW_MS = 10; // a calculator slower than this is warmed once
const QUIET_MS = 400; // and only while the reader has not asked for anything for this long
const BETWEEN_MS = 50; // the least time between two warm-up calls

let lastCallAt = 0;

/** A page asked for something: warm-up waits for the next quiet moment. */
export function noteRequest() {
  lastCallAt = performance.now();
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function quietMoment() {
  await pause(BETWEEN_MS);
  for (let wait = lastCallAt + QUIET_MS - performance.now(); wait > 0; ) {
    await pause(wait);
    wait = lastCallAt + QUIET_MS - performance.now();
  }
}

/** Warm up every calculator the bridge describes. */
export async function warmUp(bridge) {
  const ids = Object.keys(JSON.parse(bridge.describe()).calculators);
  const slow = new Set();
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const id of ids) {
      if (slow.has(id)) continue;
      await quietMoment();
      const started = performance.now();
      bridge.call(id, "{}", undefined);
      if (performance.now() - started > SLOW_MS) slow.add(id);
    }
  }
}
