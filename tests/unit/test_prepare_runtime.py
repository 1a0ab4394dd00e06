"""scripts/prepare_runtime.py makes the runtime again only when one of its inputs changed,
and only from a runtime folder whose files still hash to its name."""

import prepare_runtime
from prepare_runtime import CURRENT, STAMP, content_hash, inputs_digest, up_to_date


def made(out, inputs):
    """``out`` as the script leaves it: a content-addressed folder, current.mjs, the stamp."""
    files = out / "files"
    files.mkdir(parents=True)
    (files / "pyodide.mjs").write_text("runtime")
    (files / "model.whl").write_bytes(b"wheel")
    folder = files.rename(out / content_hash(files))
    (out / "current.mjs").write_text(CURRENT.format(hash=folder.name))
    (out / STAMP).write_text(f"{inputs} {folder.name}\n")
    return folder


def test_a_runtime_made_from_the_same_inputs_is_up_to_date(tmp_path):
    folder = made(tmp_path / "runtime", "abc")
    assert up_to_date(tmp_path / "runtime", "abc") == folder
    assert up_to_date(tmp_path / "runtime", "abd") is None  # an input changed
    assert up_to_date(tmp_path / "elsewhere", "abc") is None  # never made


def test_a_runtime_folder_changed_since_is_made_again(tmp_path):
    folder = made(tmp_path / "runtime", "abc")
    (folder / "model.whl").write_bytes(b"another wheel")
    assert up_to_date(tmp_path / "runtime", "abc") is None


def test_the_inputs_digest_follows_the_model_and_the_full_library_choice(tmp_path, monkeypatch):
    (tmp_path / "calculator").mkdir()
    model = tmp_path / "calculator" / "model.py"
    model.write_text("RATE = 1\n")
    monkeypatch.setattr(prepare_runtime, "ROOT", tmp_path)
    monkeypatch.delenv("FULL_STDLIB", raising=False)
    first = inputs_digest()
    assert inputs_digest() == first
    model.write_text("RATE = 2\n")
    second = inputs_digest()
    assert second != first
    monkeypatch.setenv("FULL_STDLIB", "1")
    assert inputs_digest() != second
