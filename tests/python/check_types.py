"""The package's type stubs against its runtime and its users.

  check_types.py PACKAGE_DIR FILE...

1. mypy.stubtest: every public name of the runtime package has a stub and
   every stub a runtime name, with matching kinds and signatures.
2. mypy --strict over FILE... (typed programs using the package): no error.
3. mypy --strict over wrong uses: each must be an error, so the stubs are
   really what mypy reads (an untyped package would accept them all).
4. mypy (default options) over the package's own __init__.py, read beside
   the extension's stub alone (the package stub would hide it).
Run with the PYTHONPATH under which `import shenzhen` is the built package.
"""

import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CONFIG = os.path.join(HERE, "mypy.ini")

WRONG = {
    "get_str": 'import shenzhen\nshenzhen.get("1")\n',
    "search_positional_limit": 'import shenzhen\nshenzhen.search("x", 3)\n',
    "hit_score_is_int": 'import shenzhen\ns: str = shenzhen.search("x")[0].score\n',
    "related_is_bool": 'import shenzhen\nshenzhen.search("x", related="no")\n',
    "measure_is_read_only": 'import shenzhen\nshenzhen.get(1).title = "x"\n',
    "no_such_name": "import shenzhen\nshenzhen.no_such_function()\n",
}


def mypy(args: list, cwd: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, MYPYPATH=os.path.abspath(sys.argv[1]))
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", CONFIG, "--no-incremental",
         "--cache-dir", os.devnull, *args],
        cwd=cwd, env=env, capture_output=True, text=True)


def main() -> int:
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, MYPYPATH=os.path.abspath(sys.argv[1]))
        stubtest = subprocess.run(
            [sys.executable, "-m", "mypy.stubtest", "--mypy-config-file", CONFIG,
             "--allowlist", os.path.join(HERE, "stubtest_allowlist.txt"), "shenzhen"],
            cwd=tmp, env=env, capture_output=True, text=True)
        print("stubtest:", stubtest.stdout.strip().splitlines()[-1:] or stubtest.stderr)
        if stubtest.returncode != 0:
            print(stubtest.stdout, stubtest.stderr)
            failed += 1
        files = [os.path.abspath(f) for f in sys.argv[2:]]
        typed = mypy(files, tmp)
        print("mypy --strict on", len(files), "files:", typed.stdout.strip().splitlines()[-1:])
        if typed.returncode != 0:
            print(typed.stdout, typed.stderr)
            failed += 1
        rejected = 0
        for name, code in WRONG.items():
            path = os.path.join(tmp, f"wrong_{name}.py")
            with open(path, "w", encoding="utf-8") as f:
                f.write(code)
            wrong = mypy([path], tmp)
            if wrong.returncode == 1 and "error:" in wrong.stdout:
                rejected += 1
            else:
                print(f"mypy accepted the wrong use {name!r}:", wrong.stdout, wrong.stderr)
        print(f"wrong uses rejected: {rejected} of {len(WRONG)}")
        failed += rejected != len(WRONG)
        runtime = os.path.join(tmp, "runtime", "shenzhen")
        os.makedirs(runtime)
        for name in ("__init__.py", "_shenzhen_c.pyi"):
            shutil.copy(os.path.join(sys.argv[1], "shenzhen", name), runtime)
        config = os.path.join(tmp, "runtime.ini")
        with open(config, "w", encoding="utf-8") as f:
            f.write("[mypy]\n[mypy-pandas.*]\nignore_missing_imports = True\n")
        own = subprocess.run(
            [sys.executable, "-m", "mypy", "--config-file", config, "--no-incremental",
             "--cache-dir", os.devnull, "-p", "shenzhen"],
            cwd=os.path.dirname(runtime), capture_output=True, text=True)
        print("mypy on __init__.py:", own.stdout.strip().splitlines()[-1:])
        if own.returncode != 0:
            print(own.stdout, own.stderr)
            failed += 1
        # The typed program also runs: its annotations describe real values.
        run = subprocess.run([sys.executable, os.path.join(HERE, "typed_usage.py")],
                             capture_output=True, text=True)
        if run.returncode != 0:
            print("typed_usage.py failed:", run.stderr)
            failed += 1
    print("python_types:", "failed" if failed else "passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
