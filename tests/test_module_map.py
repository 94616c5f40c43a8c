"""The module map of docs/architecture.md is the one the code's docstrings give."""

from tools.module_map import documented, module_map


def test_the_documented_module_map_is_the_code_s():
    assert documented() == module_map(), (
        "carte des modules périmée : .tools/bin/uv run python -m tools.module_map --write"
    )
