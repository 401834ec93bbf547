"""Allocation failures through the Python binding.

Run with LD_LIBRARY_PATH naming the directory of the allocation-failure test
build of libshenzhen.so.1 (tests/alloc/CMakeLists.txt): the package's
extension module then loads that build instead of the one its RUNPATH names.
For each call the binding makes that allocates (search, the JSON exports), the
n-th allocation is made to fail for n = 1, 2, ... until the call succeeds:
each failure must raise MemoryError (the package's OutOfMemoryError), leak no
block, and the call that finally succeeds must give what an undisturbed call
gives. Prints the failure points walked per function.
"""

import ctypes
import gc
import os
import sys

import pytest

import shenzhen
from shenzhen import _shenzhen_c as _c

# dlopen by SONAME gives the library already loaded by the extension module.
_lib = ctypes.CDLL("libshenzhen.so.1")
_fail = _lib.shz_test_fail_allocation
_fail.argtypes = [ctypes.c_long, ctypes.c_int]
_fail.restype = None
_allocations = _lib.shz_test_allocations
_allocations.restype = ctypes.c_long
_live = _lib.shz_test_live_allocations
_live.restype = ctypes.c_long

FLAGS = (_c.SHZ_JSON_COMPACT, _c.SHZ_JSON_PRETTY, _c.SHZ_JSON_ASCII,
         _c.SHZ_JSON_PRETTY | _c.SHZ_JSON_ASCII)

_points: dict = {}


def _walk(name, fn, persistent):
    """Walks the failure points of fn() in one mode; returns how many there were."""
    gc.collect()
    live_before = _live()
    expected = fn()
    n = 1
    while True:
        _fail(n, persistent)
        error = None
        try:
            got = fn()
        except MemoryError as caught:
            error = caught
        finally:
            attempts = _allocations()
            _fail(0, 0)
        if error is None:
            assert attempts < n, f"{name}: allocation {n} failed, yet the call succeeded"
            assert got == expected, f"{name}: the call after {n - 1} failure points differs"
            del got, expected
            gc.collect()
            assert _live() == live_before, f"{name}: blocks leaked"
            return n - 1
        assert attempts >= n, f"{name}: MemoryError with no allocation failed"
        assert isinstance(error, shenzhen.OutOfMemoryError), repr(error)
        assert error.status == _c.SHZ_ERR_NO_MEMORY
        del error  # holds nothing of the library's: no collection needed
        assert _live() == live_before, f"{name}: allocation {n} failed and blocks leaked"
        n += 1


def _walk_both(function, name, fn):
    once = _walk(name, fn, 0)
    persistent = _walk(name, fn, 1)
    assert once == persistent, f"{name}: {once} failure points once, {persistent} persistent"
    calls, points = _points.get(function, (0, 0))
    _points[function] = (calls + 1, points + once)
    return once


@pytest.fixture(scope="module", autouse=True)
def _figures():
    yield
    for function, (calls, points) in sorted(_points.items()):
        print(f"alloc walk (Python): {function:<20} {calls:4} calls, {points:7} failure points "
              "walked in each mode (once, persistent)", file=sys.stderr)


def test_the_test_build_is_loaded():
    maps = open("/proc/self/maps", encoding="utf-8").read()
    loaded = {line.split()[-1] for line in maps.splitlines() if "libshenzhen.so" in line}
    assert loaded == {os.path.realpath(os.path.join(os.environ["LD_LIBRARY_PATH"],
                                                    "libshenzhen.so.1"))}
    _fail(1, 0)
    try:
        with pytest.raises(MemoryError):
            _c.shz_json_measure(_c.shz_measure_at(0), 0)
    finally:
        _fail(0, 0)


def _hits(query, **options):
    def run():
        return [(hit.measure.id, hit.score, hit.field, hit.spans, hit.snippet, hit.snippet_match)
                for hit in shenzhen.search(query, **options)]
    return run


@pytest.mark.parametrize("query", ["秒批", "改革 创新", '"深圳 经济特区"', "創新", "shenzhen",
                                   "sz", "qqqqxyz"])
@pytest.mark.parametrize("options", [{}, {"limit": 2}, {"lang": "zh-Hant"},
                                     {"fields": ["title", "summary"]}])
def test_search(query, options):
    _walk_both("shenzhen.search", f"search({query!r}, {options})", _hits(query, **options))


@pytest.mark.parametrize("flags", FLAGS)
def test_json_catalogue(flags):
    points = _walk_both("shz_json_catalogue", f"shz_json_catalogue({flags})",
                        lambda: _c.shz_json_catalogue(flags))
    assert points > 1000  # one or more per JSON node: every measure, category, paragraph


@pytest.mark.parametrize("flags", FLAGS)
def test_json_category(flags):
    for i in range(_c.shz_category_count()):
        category = _c.shz_category_at(i)
        assert _walk_both("shz_json_category", f"shz_json_category({i}, {flags})",
                          lambda: _c.shz_json_category(category, flags)) > 0


@pytest.mark.parametrize("flags", FLAGS)
def test_json_measure(flags):
    for i in range(_c.shz_measure_count()):
        measure = _c.shz_measure_at(i)
        assert _walk_both("shz_json_measure", f"shz_json_measure({i}, {flags})",
                          lambda: _c.shz_json_measure(measure, flags)) > 0
