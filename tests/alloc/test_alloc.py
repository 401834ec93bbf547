"""Allocation failures through the Python binding.

Run with LD_LIBRARY_PATH naming the directory of the allocation-failure test
build of libshenzhen.so.1 (tests/alloc/CMakeLists.txt): the package's
extension module then loads that build instead of the one its RUNPATH names.
For each call the binding makes that allocates (search, the JSON exports), the
n-th allocation is made to fail for n = 1, 2, ... until the call succeeds:
each failure must raise MemoryError (the package's OutOfMemoryError), leak no
block, and the call that finally succeeds must give what an undisturbed call
gives. The whole catalogue's thousands of failure points are sampled (every
25th, the first and the last 25): the C test walks each of them. Prints the
failure points walked per function.
"""

import ctypes
import gc
import importlib
import os
import sys

import pytest

import shenzhen

_c = importlib.import_module("shenzhen._shenzhen_c")  # the raw C API, JSON exports included

# dlopen by SONAME gives the library already loaded by the extension module.
_lib = ctypes.CDLL("libshenzhen.so.1")
_fail = _lib.shzi_test_fail_allocation
_fail.argtypes = [ctypes.c_long, ctypes.c_int]
_fail.restype = None
_allocations = _lib.shzi_test_allocations
_allocations.restype = ctypes.c_long
_live = _lib.shzi_test_live_allocations
_live.restype = ctypes.c_long

FLAGS = (_c.SHZ_JSON_COMPACT, _c.SHZ_JSON_PRETTY, _c.SHZ_JSON_ASCII,
         _c.SHZ_JSON_PRETTY | _c.SHZ_JSON_ASCII)

_points: dict = {}


def _alloc_stride() -> int:
    """SHZ_ALLOC_STRIDE=N (1 to 1000, default 1), as in tests/alloc/walk.c: a walk that is not
    sampled visits failure points 1, 1 + N, 1 + 2N, ... and the last; a sampled one (every k-th)
    visits every (k * N)-th between its first and last k. .ci/sanitize sets it for ASan, whose
    check of each point repeats the same cleanup at many times the cost."""
    try:
        stride = int(os.environ.get("SHZ_ALLOC_STRIDE", "1"))
    except ValueError:
        return 1
    return stride if 1 <= stride <= 1000 else 1


STRIDE = _alloc_stride()


def _attempt(fn, n, persistent):
    """Calls fn() with allocation n failing: (result or None, MemoryError or None, attempts)."""
    _fail(n, persistent)
    try:
        return fn(), None, _allocations()
    except MemoryError as error:
        return None, error, _allocations()
    finally:
        _fail(0, 0)


def _walk(name, fn, persistent, sample):
    """Makes allocation n of fn() fail in one mode, for every n up to the call's allocations
    (with sample k > 0: the first k, every k-th and the last k), then for the one after the last,
    which must succeed. Returns the failure points walked."""
    expected, error, total = _attempt(fn, 0, 0)
    assert error is None
    gc.collect()  # whatever of the undisturbed call expected does not hold
    live_before = _live()
    points = range(1, total + 1)
    if not sample and STRIDE > 1 and total:
        points = sorted({*range(1, total + 1, STRIDE), total})
    if sample:
        points = sorted({*range(1, min(sample, total) + 1),
                         *range(sample * STRIDE, total + 1, sample * STRIDE),
                         *range(max(1, total - sample + 1), total + 1)})
    for n in points:
        _, error, attempts = _attempt(fn, n, persistent)
        assert error is not None, f"{name}: allocation {n} of {total} failed, no MemoryError"
        assert attempts >= n
        assert isinstance(error, shenzhen.OutOfMemoryError), repr(error)
        assert error.status == _c.SHZ_ERR_NO_MEMORY
        del error  # holds nothing of the library's: no collection needed
        assert _live() == live_before, f"{name}: allocation {n} failed and blocks leaked"
    got, error, attempts = _attempt(fn, total + 1, persistent)
    assert error is None and attempts == total, f"{name}: {error!r} after {total} allocations"
    assert got == expected, f"{name}: the call after the walk differs"
    del got, expected
    gc.collect()
    assert _live() == live_before, f"{name}: blocks leaked"
    return len(points)


def _walk_both(function, name, fn, sample=0):
    once = _walk(name, fn, 0, sample)
    persistent = _walk(name, fn, 1, sample)
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
        results = shenzhen.search(query, **options)
        return results.terms, [(hit.measure.id, hit.score, hit.field, hit.spans, hit.snippet,
                                hit.snippet_match, hit.match, hit.terms, hit.relevance,
                                hit.explain()) for hit in results]
    return run


@pytest.mark.parametrize("query", ["秒批", "改革 创新", '"深圳 经济特区"', "創新", "shenzhen",
                                   "sz", "qqqqxyz"])
@pytest.mark.parametrize("options", [{}, {"limit": 2}, {"lang": "zh-Hant"},
                                     {"fields": ["title", "summary"]}, {"mode": "all_terms"}])
def test_search(query, options):
    _walk_both("shenzhen.search", f"search({query!r}, {options})", _hits(query, **options))


@pytest.mark.parametrize("flags", FLAGS)
def test_json_catalogue(flags):
    # Sampled: every allocation of it is walked in C (test_alloc.c); here each failure takes
    # the same way out of the binding, and all of them would cost a minute.
    points = _walk_both("shz_json_catalogue", f"shz_json_catalogue({flags})",
                        lambda: _c.shz_json_catalogue(flags), sample=25)
    assert points > 100


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
