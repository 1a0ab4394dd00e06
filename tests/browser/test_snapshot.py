"""Fast repeat boots: after the first boot the worker keeps a memory snapshot of the runtime
in this browser (Cache Storage), and later page loads restore it; a snapshot that is
corrupt, invalid or made for another runtime is never used, and is dropped.

Where no runtime is running, that is: a later page joins a shared worker that is still live
(test_shared_runtime.py), so these pages start a dedicated worker each."""

import pytest
from local_serving import SNAPSHOT_CACHE, SNAPSHOTS

from .helpers import (
    assert_matches_cpython,
    next_computation,
    open_live,
    wait_for_snapshot,
)

pytestmark = pytest.mark.dedicated_worker


def replace_snapshot(page, url, body, digest=None, layout=None):
    """Overwrite the stored snapshot with ``body`` (bytes as a list), under ``digest`` (by
    default the right one) and ``layout`` (by default: the body is the whole snapshot)."""
    page.evaluate(
        """async ([cache, url, body, digest, layout]) => {
          const bytes = new Uint8Array(body);
          if (digest === null) {
            const d = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
            digest = Array.from(d, b => b.toString(16).padStart(2, '0')).join('');
          }
          layout ??= `${bytes.length};0+${bytes.length}`;
          const headers = {'x-content-sha256': digest, 'x-snapshot-layout': layout};
          await (await caches.open(cache)).put(url, new Response(bytes, {headers}));
        }""",
        [SNAPSHOT_CACHE, url, body, digest, layout],
    )


def test_a_later_page_load_restores_the_runtime_from_its_snapshot(page, context, server):
    form = open_live(page, server)
    assert form.get_attribute("data-boot") == "fresh"
    url = wait_for_snapshot(page)
    assert "/runtime/" in url  # kept under the runtime folder it was made from

    again = context.new_page()  # a new tab, or a colleague's link opened later
    form = open_live(again, server, "hybrid/", "hybrid")
    assert form.get_attribute("data-boot") == "snapshot"
    done = next_computation(again, "hybrid")
    form.locator('[name="switch_month"]').fill("9")
    done()
    assert_matches_cpython(form, "hybrid")
    again.close()


@pytest.mark.parametrize(
    ("body", "digest", "layout"),
    [
        ([1, 2, 3, 4] * 64, "0" * 64, None),  # the bytes do not match their digest
        ([1, 2, 3, 4] * 64, None, "1024;0+512"),  # nor do they make the snapshot stored
        ([7] * 4096, None, None),  # intact bytes, but not a snapshot this runtime can restore
    ],
    ids=["corrupt", "truncated", "invalid"],
)
def test_a_bad_snapshot_is_dropped_and_the_runtime_boots_afresh(
    page, context, server, guard, body, digest, layout
):
    guard.allow_console_errors = True  # a failed restore may log in the worker
    open_live(page, server)
    url = wait_for_snapshot(page)
    replace_snapshot(page, url, body, digest, layout)

    second = context.new_page()
    form = open_live(second, server)
    assert form.get_attribute("data-boot") == "fresh"
    assert_matches_cpython(form, "quality")
    wait_for_snapshot(second)  # a good one replaces it ...
    third = context.new_page()
    assert open_live(third, server).get_attribute("data-boot") == "snapshot"  # ... and is used


def test_snapshots_of_other_runtimes_are_not_used_and_are_dropped(page, context, server):
    page.goto(f"{server}/methodology/")  # no calculator: no runtime starts here
    other = f"{server}/runtime/000000000000/memory-snapshot.bin"
    replace_snapshot(page, other, [9] * 1024)
    form = open_live(page, server)
    assert form.get_attribute("data-boot") == "fresh"
    url = wait_for_snapshot(page)  # this runtime's (never the other's: it is skipped)
    assert page.evaluate(SNAPSHOTS) == [url]  # and the other runtime's is gone


STORED = """async (url) => {
  const response = await (await caches.open('SNAPSHOT_CACHE')).match(url);
  return [response.headers.get('x-snapshot-layout'), (await response.arrayBuffer()).byteLength];
}""".replace("SNAPSHOT_CACHE", SNAPSHOT_CACHE)


def test_only_the_blocks_of_a_snapshot_that_hold_data_are_stored(page, server):
    open_live(page, server)
    layout, stored = page.evaluate(STORED, wait_for_snapshot(page))
    length, runs = layout.split(";")
    assert stored == sum(int(run.split("+")[1]) for run in runs.split(","))
    assert 0 < stored < 0.8 * int(length)  # Python's free heap is mostly zeros
