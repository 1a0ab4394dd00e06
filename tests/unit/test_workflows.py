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
    (node,) = uses(workflow, "actions/setup-node")
    assert node["with"]["node-version-file"] == ".nvmrc"
    assert node["with"]["cache"] == "npm"
    assert (ROOT / ".nvmrc").read_text().strip() in ("20", "22", "24")


def test_ci_runs_the_readmes_test_command_on_pushes_and_pull_requests():
    workflow = load("ci.yml")
    assert {"push", "pull_request"} <= set(workflow["on"])
    runs = [s["run"] for s in steps(workflow) if "run" in s]
    assert runs == ["make test"]
    assert "make test" in readme_commands()
    assert "make test" in (ROOT / ".ci" / "run").read_text()


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
