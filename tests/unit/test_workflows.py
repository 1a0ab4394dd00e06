"""The GitHub workflows run the README's own commands, with the pinned Python and Node."""

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"


def load(name):
    data = yaml.safe_load((WORKFLOWS / name).read_text())
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def readme_commands():
    """The commands the README shows in indented code blocks."""
    text = (ROOT / "README.md").read_text()
    return {line.strip() for line in re.findall(r"^    (\S.*)$", text, re.MULTILINE)}


def steps(workflow):
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def uses(workflow, action):
    return [s for s in steps(workflow) if s.get("uses", "").startswith(action + "@")]


@pytest.mark.parametrize("name", ["ci.yml", "pages.yml"])
def test_python_and_node_come_from_the_repositorys_pins_with_caches(name):
    workflow = load(name)
    (python,) = uses(workflow, "actions/setup-python")
    assert python["with"]["python-version-file"] == ".python-version"
    assert python["with"]["cache"] == "pip"
    nodes = uses(workflow, "actions/setup-node")
    assert nodes
    for node in nodes:
        assert node["with"]["node-version-file"] == ".nvmrc"
        assert node["with"]["cache"] == "npm"
    assert (ROOT / ".nvmrc").read_text().strip() in ("20", "22", "24")


def runs(job):
    return [s["run"] for s in job["steps"] if "run" in s]


def test_ci_runs_the_readmes_test_command_on_pushes_and_pull_requests():
    workflow = load("ci.yml")
    assert {"push", "pull_request"} <= set(workflow["on"])
    assert runs(workflow["jobs"]["test"]) == ["make test"]
    assert "make test" in readme_commands()
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_ci_runs_firefox_and_webkit_in_debian_with_the_pinned_python():
    """Ubuntu has no firefox-esr: the engine tests run in a Debian 12 container, as root
    (so `make engines` installs the browsers), whose Python is the one .python-version
    names; Node comes from .nvmrc as in the other job."""
    job = load("ci.yml")["jobs"]["engines"]
    python = (ROOT / ".python-version").read_text().strip()
    assert job["container"] == f"python:{python}-bookworm"  # Debian 12
    assert "options" not in job or "--user" not in job["options"]
    assert runs(job) == ["make test-engines"]
    (node,) = [s for s in job["steps"] if s.get("uses", "").startswith("actions/setup-node@")]
    assert node["with"]["node-version-file"] == ".nvmrc"
    assert "make test-engines" in readme_commands()
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^test-engines: setup engines\b", makefile, re.MULTILINE)
    (needs,) = re.findall(r"^test:([^#\n]*)", makefile, re.MULTILINE)
    assert {"browser", "engines"} <= set(needs.split())  # make test installs every engine
    for package in ("firefox-esr", "webkit2gtk-driver", "libwebkit2gtk-4.1-0", "xvfb"):
        assert package in makefile


def test_pages_builds_with_the_readme_command_for_the_pages_address_and_deploys():
    workflow = load("pages.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in workflow["on"]
    assert workflow["concurrency"]["group"]
    assert workflow["permissions"] == {}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build"
    (configure,) = uses(workflow, "actions/configure-pages")
    (make,) = [s for s in build["steps"] if "run" in s]
    assert make["run"] == "make build"
    assert any(c.endswith("make build") for c in readme_commands())
    base_url = "${{ steps." + configure["id"] + ".outputs.base_url }}"
    assert make["env"]["SITE_URL"] == base_url + "/"
    (upload,) = uses(workflow, "actions/upload-pages-artifact")
    assert upload["with"]["path"] == "site"
    assert uses(workflow, "actions/deploy-pages")
