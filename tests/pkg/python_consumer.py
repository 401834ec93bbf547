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

    # The package and its C extension (whatever its name: the package's compiled module).
    extensions = []
    for name, module in sys.modules.items():
        path = getattr(module, "__file__", None) or ""
        if name.startswith("shenzhen.") and path.endswith(".so"):
            extensions.append(path)
    check(len(extensions) == 1, f"one C extension loaded: {extensions}")
    for path in [shenzhen.__file__ or ""] + extensions:
        check(os.path.realpath(path).startswith(prefix + os.sep), f"loaded from {path}")
    check(shenzhen.__version__ == version,
          f"shenzhen.__version__ == {version!r} (got {shenzhen.__version__!r})")
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
