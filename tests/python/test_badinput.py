"""The bad-input matrix (tests/badinput/matrix.json) through the Python bindings.

Two passes over the same file the C and command tests read:
- every "bindings" call with a "python" expectation runs through the package's
  own API (shenzhen.search, get, category, Measure.text) and must raise exactly
  that class;
- every "api" case the low-level module _shenzhen_c can express runs there and
  must raise the shenzhen.Error subclass of its C status (or the wrapper's own
  TypeError/OverflowError for a NULL string or an id beyond int64_t).
Neither may crash or write anything to stdout or stderr.
"""

from __future__ import annotations

import builtins
import json
import math
import pathlib
from collections.abc import Callable
from typing import Any

import pytest

import shenzhen
from shenzhen import _shenzhen_c as _c

MATRIX = pathlib.Path(__file__).resolve().parents[1] / "badinput" / "matrix.json"
CASES: list[dict[str, Any]] = json.loads(MATRIX.read_text(encoding="utf-8"))["cases"]


def matrix_bytes(spec: str) -> bytes:
    """A matrix BYTE STRING: hex, optionally '*N' for N repetitions."""
    hexpart, _, times = spec.partition("*")
    return bytes.fromhex(hexpart) * int(times or 1)


def as_str(spec: str) -> str:
    # What a Python caller holding those bytes would pass: invalid UTF-8
    # survives decoding only as lone surrogates.
    return matrix_bytes(spec).decode("utf-8", "surrogateescape")


def value(spec: dict[str, Any]) -> object:
    """A matrix VALUE as the Python object it describes."""
    ((kind, v),) = spec.items()
    if kind == "int":
        return int(v)
    if kind == "float":
        return float(v)
    if kind == "str":
        return as_str(v)
    if kind == "bytes":
        return matrix_bytes(v)
    if kind == "bool":
        return bool(v)
    if kind == "null":
        return None
    if kind == "list":
        return [value(item) for item in v]
    raise AssertionError(f"unknown matrix value {spec!r}")


def error_class(name: str) -> type[BaseException]:
    cls = getattr(shenzhen, name, None) or getattr(builtins, name)
    assert isinstance(cls, type) and issubclass(cls, BaseException), name
    return cls


def status_class(status_name: str) -> type[shenzhen.Error]:
    cls: type[shenzhen.Error] = shenzhen._ERRORS[getattr(_c, status_name)]
    return cls


def check_raises(fn: Callable[[], object], expected: Any, capfd) -> None:
    with pytest.raises(expected) as info:
        fn()
    err = info.value
    assert str(err), "an error must say what is wrong"
    if isinstance(err, shenzhen.Error):  # its status names the same class
        assert shenzhen._ERRORS[err.status] is type(err), (err.status, type(err))
    out, errout = capfd.readouterr()
    assert out == "" and errout == "", "a bad input must not print"


# ---- pass 1: the package's own API ----------------------------------------------

BINDING_CALLS = [
    pytest.param(c, b, id=f"{c['id']}#{i}")
    for c in CASES
    for i, b in enumerate(c.get("bindings", ()))
    if "python" in b
]


def package_call(spec: dict[str, Any]) -> Callable[[], object]:
    # Any: the values are wrong on purpose.
    args: list[Any] = [value(a) for a in spec["args"]]
    options: dict[str, Any] = {k: value(v) for k, v in spec.get("options", {}).items()}
    name = spec["call"]
    if name == "search":
        return lambda: shenzhen.search(*args, **options)
    if name == "get":
        return lambda: shenzhen.get(*args)
    if name == "category":
        return lambda: shenzhen.category(*args)
    if name == "text":
        measure = shenzhen.get(args[0])  # the measure itself is never the bad input
        return lambda: measure.text(*args[1:])
    raise AssertionError(f"unknown bindings call {name!r}")


@pytest.mark.parametrize("case, spec", BINDING_CALLS)
def test_package_api(case: dict[str, Any], spec: dict[str, Any], capfd) -> None:
    check_raises(package_call(spec), error_class(spec["python"]), capfd)


# ---- pass 2: the low-level module, status by status --------------------------------


def handle(getter: Callable[[int], object], id_text: str | None) -> object:
    return None if id_text is None else getter(int(id_text))  # None is SWIG's NULL


# Inputs C gets as NULL or beyond int64_t are refused by the wrapper itself.
TYPE_ERROR = "TypeError"
OVERFLOW_ERROR = "OverflowError"


def low_level_call(api: dict[str, Any]) -> tuple[Callable[[], object] | None, str]:
    """(the call, what it raises) for an "api" case: the class name of its
    status, or of the wrapper's own refusal; (None, why) when Python cannot
    express the case."""
    if api.get("out_null"):
        return None, "a NULL output pointer: the binding always passes one"
    a = api["args"]
    status = api["error"]
    call = api["call"]
    if api.get("c") is False:  # ids beyond int64_t
        if call not in ("measure_get", "category_get"):
            return None, "not expressible in C, nor in its wrapper"
        fn = getattr(_c, "shz_" + call)
        return lambda: fn(int(a["id"])), OVERFLOW_ERROR
    if call == "measure_get":
        return lambda: _c.shz_measure_get(int(a["id"])), status
    if call == "category_get":
        return lambda: _c.shz_category_get(int(a["id"])), status
    if call == "lang_parse":
        if a["name"] is None:
            return lambda: _c.shz_lang_parse(None), TYPE_ERROR
        return lambda: _c.shz_lang_parse(as_str(a["name"])), status
    if call == "measure_text":
        m = handle(_c.shz_measure_get, a["measure"])
        return lambda: _c.shz_measure_text(m, a["field"], a["lang"]), status
    if call in ("measure_keyword", "measure_cite"):
        m = handle(_c.shz_measure_get, a["measure"])
        fn = getattr(_c, "shz_" + call)
        return lambda: fn(m, int(a["index"])), status
    if call == "category_title":
        cat = handle(_c.shz_category_get, a["category"])
        return lambda: _c.shz_category_title(cat, a["lang"]), status
    if call == "document_text":
        return lambda: _c.shz_document_text(a["field"], a["lang"]), status
    if call == "document_paragraph":
        return lambda: _c.shz_document_paragraph(int(a["index"]), a["lang"]), status
    if call == "json_catalogue":
        return lambda: _c.shz_json_catalogue(a["flags"]), status
    if call == "json_measure":
        m = handle(_c.shz_measure_get, a["measure"])
        return lambda: _c.shz_json_measure(m, a["flags"]), status
    if call == "json_category":
        cat = handle(_c.shz_category_get, a["category"])
        return lambda: _c.shz_json_category(cat, a["flags"]), status
    if call == "search":
        return search_call(a, status)
    raise AssertionError(f"unknown api call {call!r}")


def search_call(a: dict[str, Any], status: str) -> tuple[Callable[[], object] | None, str]:
    # _search(query, limit, lang name, field mask, mode) fills a fresh options struct.
    if a["query"] is None:
        return lambda: _c._search(None, None, "zh-Hans", 0, 0), TYPE_ERROR
    query = as_str(a["query"])
    o = a["options"] or {"size": "sizeof", "fields": 0, "lang": 0, "limit": 0}
    if o["size"] != "sizeof" or "tail" in o:
        return None, "options.size and the struct tail are set by the binding"
    lang = _c.shz_lang_name(o["lang"])
    if lang is None:
        return None, "the low-level search takes the language by name"
    limit = o["limit"]  # 0 is "no limit" in both
    mode = o.get("mode", 0)
    return lambda: _c._search(query, limit, lang, o["fields"], mode), status


API_CASES = [pytest.param(c, id=c["id"]) for c in CASES if "api" in c]


@pytest.mark.parametrize("case", API_CASES)
def test_low_level(case: dict[str, Any], capfd) -> None:
    fn, expected = low_level_call(case["api"])
    if fn is None:
        pytest.skip(expected)
    if expected.startswith("SHZ_"):
        check_raises(fn, status_class(expected), capfd)
    else:
        check_raises(fn, error_class(expected), capfd)


# ---- the matrix itself -------------------------------------------------------------------


def test_matrix_covers_what_issue_5_asks() -> None:
    calls = [b for c in CASES for b in c.get("bindings", ()) if "python" in b]
    kinds = {k for b in calls for a in [*b["args"], *b.get("options", {}).values()] for k in a}
    assert {"int", "float", "str", "bytes", "null", "bool", "list"} <= kinds
    floats = {a["float"] for b in calls for a in b["args"] if "float" in a}
    assert "nan" in floats and any(math.isinf(float(f)) or float(f) > 2**64 for f in floats)
    ids = {int(b["args"][0]["int"]) for b in calls if b["call"] == "get" and "int" in b["args"][0]}
    assert {0, 48, -1, 2**63, 2**64} <= ids
    utf8 = [c for c in CASES if c["id"].startswith("utf8-")]
    assert len(utf8) >= 15 and all(
        {b.get("python") for b in c["bindings"]} == {"EncodingError", "TypeError"} for c in utf8
    )


# ---- the search mode (1.1): bad values through the package and _shenzhen_c -----------


@pytest.mark.parametrize(
    "mode, error",
    [
        ("fuzzy", shenzhen.OptionsError),
        ("", shenzhen.OptionsError),
        ("BEST", shenzhen.OptionsError),
        ("all terms", shenzhen.OptionsError),
        ("best\0", shenzhen.OptionsError),
        (None, TypeError),
        (0, TypeError),
        (True, TypeError),
        (b"best", TypeError),
        (["best"], TypeError),
    ],
)
def test_search_bad_mode(mode: Any, error: type, capfd) -> None:
    check_raises(lambda: shenzhen.search("数据", mode=mode), error, capfd)


@pytest.mark.parametrize("code", [2, 3, 255, 2**31, 2**32 - 1])
def test_low_level_bad_mode(code: int, capfd) -> None:
    # Past the modes the library knows, the C status itself (SHZ_ERR_BAD_OPTIONS).
    assert code not in shenzhen.SEARCH_MODES.values()
    check_raises(lambda: _c._search("数据", None, "zh-Hans", 0, code), shenzhen.OptionsError, capfd)


@pytest.mark.parametrize("code", [-1, 2**64, "1", None])
def test_low_level_mode_type(code: Any, capfd) -> None:
    check_raises(lambda: _c._search("数据", None, "zh-Hans", 0, code),
                 (TypeError, OverflowError), capfd)
