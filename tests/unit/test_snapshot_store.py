"""Where the runtime's memory snapshot is kept (docs/javascripts/snapshot.mjs), run in Node
against a stand-in for the browser's Cache Storage and workers.

Only the blocks that are not all zeros are stored, and putting them back gives the same
bytes; a layout that does not fit its body, or a body that does not match its digest, is
never restored. The bytes are read on a thread of their own (snapshot-reader.mjs) where a
worker can start one, and on the caller's thread where it cannot."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MODULE = (ROOT / "docs" / "javascripts" / "snapshot.mjs").as_uri()

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="needs Node")


def node(script):
    """Run ``script`` (an ES module that imports compact and expand) and parse its output."""
    source = f'import {{ SnapshotStore, compact, expand }} from "{MODULE}";\n{script}'
    done = subprocess.run(
        ["node", "--input-type=module", "-e", source],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


ROUND_TRIP = """
const cases = {
  mixed: (() => { const b = new Uint8Array(5 * 4096 + 10); b[3] = 1; b[2 * 4096 + 7] = 9;
                  b[5 * 4096 + 9] = 4; return b; })(),
  zeros: new Uint8Array(3 * 4096),
  full: new Uint8Array(2 * 4096 + 3).fill(7),
  tiny: new Uint8Array([0, 0, 5]),
  empty: new Uint8Array(0),
  offset: new Uint8Array(4096 * 2 + 1).fill(1).subarray(1),
};
const out = {};
for (const [name, bytes] of Object.entries(cases)) {
  const { body, layout } = compact(bytes);
  const back = expand(body, layout);
  out[name] = { same: back !== null && back.length === bytes.length &&
                      back.every((v, i) => v === bytes[i]),
                stored: body.length, layout };
}
console.log(JSON.stringify(out));
"""


def test_compact_keeps_only_blocks_with_data_and_expands_to_the_same_bytes():
    out = node(ROUND_TRIP)
    assert all(case["same"] for case in out.values()), out
    # the mixed case keeps blocks 0, 2 and 5 (the last one short), the all-zero one nothing
    assert out["mixed"]["layout"] == "20490;0+4096,8192+4096,20480+10"
    assert out["mixed"]["stored"] == 4096 * 2 + 10
    assert out["zeros"] == {"same": True, "stored": 0, "layout": "12288;"}
    assert out["full"]["layout"] == "8195;0+8195"  # neighbouring blocks make one run


@pytest.mark.parametrize(
    "layout",
    [
        None,  # no layout stored with the body
        "",
        "8;0+4",  # the runs add up to less than the body
        "8;0+4,2+4",  # runs overlap
        "8;4+4,0+4",  # out of order
        "6;0+8",  # past the end
        "8;0+4;4+4",  # not the format
        "8;0+4,4+4<script>",
        "-8;0+8",
        "99999999999999;0+8",  # longer than any memory
    ],
)
def test_a_layout_that_does_not_fit_its_body_is_refused(layout):
    script = (
        f"console.log(JSON.stringify(expand(new Uint8Array(8).fill(1), {json.dumps(layout)})));"
    )
    assert node(script) is None


# A Cache Storage in memory, and a Worker class whose behaviour each test sets.
STAND_INS = """
const stored = new Map();
const cache = {
  match: async (key) => stored.get(key)?.clone(),
  put: async (key, response) => { stored.set(key, response); },
  keys: async () => [...stored.keys()].map((url) => ({ url })),
  delete: async (key) => stored.delete(key),
};
globalThis.caches = { open: async () => cache };
let readerDoes = null; // (reader) => void, the fake reader thread's behaviour
globalThis.Worker = class {
  constructor() {
    if (!readerDoes) throw new Error("no nested workers here");
    setTimeout(() => readerDoes(this), 0);
  }
  terminate() { this.terminated = true; }
};
const snapshot = new Uint8Array(4 * 4096);
snapshot[5] = 1; snapshot[3 * 4096] = 2;
const store = new SnapshotStore("https://example.test/runtime/abc/");
async function settle(opened) {
  const found = await opened;
  if (!found) return null;
  const [bytes, intact] = await Promise.all([found.bytes, found.intact]);
  return { same: bytes.length === snapshot.length && bytes.every((v, i) => v === snapshot[i]),
           intact };
}
"""


def run_store(body):
    return node(STAND_INS + body)


def test_a_saved_snapshot_is_stored_compact_and_opens_intact():
    out = run_store("""
await store.save(snapshot);
const response = stored.get(store.key);
console.log(JSON.stringify({
  stored: (await response.clone().arrayBuffer()).byteLength,
  layout: response.headers.get("x-snapshot-layout"),
  opened: await settle(store.open()),
}));""")
    assert out == {"stored": 8192, "layout": "16384;0+4096,12288+4096",
                   "opened": {"same": True, "intact": True}}  # fmt: skip


def test_bytes_that_do_not_match_their_digest_are_not_intact():
    out = run_store("""
await store.save(snapshot);
const body = new Uint8Array(await stored.get(store.key).clone().arrayBuffer());
body[0] ^= 1;
const headers = Object.fromEntries(stored.get(store.key).headers);
stored.set(store.key, new Response(body, { headers }));
console.log(JSON.stringify((await settle(store.open())).intact));""")
    assert out is False


def test_the_reader_thread_answers_when_it_can_start():
    out = run_store("""
await store.save(snapshot);
readerDoes = async (reader) => {  // what snapshot-reader.mjs posts
  const opened = await store.open();
  reader.onmessage({ data: { found: true } });
  const [bytes, intact] = await Promise.all([opened.bytes, opened.intact]);
  reader.onmessage({ data: { bytes, intact } });
};
console.log(JSON.stringify(await settle(store.openElsewhere())));""")
    assert out == {"same": True, "intact": True}


def test_no_snapshot_found_by_the_reader_is_none():
    out = run_store("""
readerDoes = (reader) => reader.onmessage({ data: { found: false } });
console.log(JSON.stringify(await store.openElsewhere()));""")
    assert out is None


@pytest.mark.parametrize("failure", ["cannot start", "fails to load"])
def test_the_snapshot_is_read_on_this_thread_when_the_reader_fails(failure):
    out = run_store(
        """
await store.save(snapshot);
readerDoes = FAILURE;
console.log(JSON.stringify(await settle(store.openElsewhere())));""".replace(
            "FAILURE", "null" if failure == "cannot start" else "(reader) => reader.onerror()"
        )
    )
    assert out == {"same": True, "intact": True}
