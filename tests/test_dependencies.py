"""Dependencies whose absence costs CPU without failing anything."""

import importlib.util

import yaml

from bot.content import limits, loader, yamlread


def test_sniffio_is_installed_so_httpcore_stops_retrying_a_failing_import():
    # Without it, httpcore's current_async_library() retries ``import sniffio`` (a full
    # sys.path search) several times per request: ~37 µs a call (bench/bench_sniffio.py).
    assert importlib.util.find_spec("sniffio") is not None


def test_the_loader_uses_libyaml_when_pyyaml_has_it():
    expected = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader
    assert loader._YamlLoader is expected
    assert limits._Loader is expected
    assert yamlread.SafeLoader is expected
