"""Imports the installed Python package `shenzhen` (never the build tree's).

Usage: python3 python_consumer.py PREFIX VERSION
"""
import os
import sys


def main() -> int:
    prefix, version = os.path.realpath(sys.argv[1]), sys.argv[2]
    import shenzhen

    failures = []

    def check(ok: bool, what: str) -> None:
        print(("ok: " if ok else "FAIL: ") + what)
        if not ok:
            failures.append(what)

    for name, path in (("shenzhen", shenzhen.__file__), ("its C extension", shenzhen._c.__file__)):
        check(os.path.realpath(path).startswith(prefix + os.sep), f"{name} loaded from {path}")
    check(shenzhen.__version__ == version, f"shenzhen.__version__ == {version!r} (got {shenzhen.__version__!r})")
    measures = list(shenzhen.measures())
    check(len(measures) > 0, f"shenzhen.measures() has {len(measures)} measures")
    first = shenzhen.get(measures[0].id)
    check(first == measures[0], "shenzhen.get(id) returns the same measure")
    try:
        shenzhen.get(0)
        check(False, "shenzhen.get(0) raises")
    except shenzhen.Error:
        check(True, "shenzhen.get(0) raises shenzhen.Error")
    hits = list(shenzhen.search("深圳"))
    check(isinstance(hits, list), f"shenzhen.search() ran ({len(hits)} hits)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
