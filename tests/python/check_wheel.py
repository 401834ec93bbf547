"""The Python package as a newcomer installs it, into a fresh virtual environment.

  check_wheel.py SOURCE_DIR WORKDIR wheel|pip

Copies the source tree (without build directories) to WORKDIR/src and runs
there the commands bindings/README.md shows (its ```sh block that builds with
pip; `python3` is this interpreter):
  wheel: `python3 -m build --wheel --no-isolation`, then installs that wheel
         (`pip install --no-index`) into a new venv;
  pip:   `python3 -m venv --system-site-packages env && env/bin/pip install
         --no-build-isolation .`
The venvs see Debian's site packages so that pytest and pandas come from
Debian (offline); the shenzhen package must come from the venv. Then: the
installed module needs no libshenzhen.so (linked in statically), and the
Python tests pass against the installed package, run from outside the tree.
"""

import os
import shlex
import shutil
import subprocess
import sys

TESTS = ("test_shenzhen.py", "test_badinput.py")
README = os.path.join("bindings", "README.md")


def readme_commands(readme: str) -> dict:
    """The README's pip commands by mode: its ```sh block that mentions pip."""
    with open(readme, encoding="utf-8") as f:
        text = f.read()
    commands = {}
    for block in text.split("```sh\n")[1:]:
        body = block.split("```", 1)[0]
        if "pip" not in body:
            continue
        for line in body.splitlines():
            command = line.split("  #", 1)[0].strip()
            if command.startswith("python3 -m build"):
                commands["wheel"] = command
            elif "pip install" in command:
                commands["pip"] = command
    return commands


def run(*cmd, **kw) -> subprocess.CompletedProcess:
    print("$", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run([str(c) for c in cmd], check=True, **kw)


def copy_tree(source: str, dest: str) -> None:
    def skip(directory: str, names: list) -> list:
        top = os.path.abspath(directory) == os.path.abspath(source)
        return [n for n in names
                if n in (".git", "__pycache__") or n.endswith(".egg-info")
                or (top and (n.startswith("build") or n == "_build" or n == "dist"))]
    shutil.copytree(source, dest, ignore=skip)


def main() -> int:
    source, workdir, mode = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]), sys.argv[3]
    shutil.rmtree(workdir, ignore_errors=True)
    os.makedirs(workdir)
    src, venv = os.path.join(workdir, "src"), os.path.join(workdir, "venv")
    copy_tree(source, src)
    # Nothing of the build tree may leak in.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    if mode == "wheel":
        run(sys.executable, "-m", "venv", "--system-site-packages", venv, env=env)
    python = os.path.join(venv, "bin", "python")
    commands = readme_commands(os.path.join(src, README))
    if mode not in commands:
        print(f"{README} shows no {mode} command")
        return 1
    # The README's command, run by this interpreter (python3 on PATH may be another).
    command = commands[mode].replace("python3 ", shlex.quote(sys.executable) + " ")
    if mode == "wheel":
        dist = os.path.join(src, "dist")
        run("sh", "-c", command, env=env, cwd=src)
        wheels = [os.path.join(dist, w) for w in os.listdir(dist) if w.endswith(".whl")]
        if len(wheels) != 1:
            print("expected one wheel, found", wheels)
            return 1
        print("wheel:", os.path.basename(wheels[0]), os.path.getsize(wheels[0]), "bytes")
        run(python, "-m", "pip", "install", "--no-index", "--no-deps", wheels[0], env=env)
    elif mode == "pip":
        run("sh", "-c", command, env=env, cwd=src)
        venv = os.path.join(src, "env")
        python = os.path.join(venv, "bin", "python")
    else:
        print("mode must be wheel or pip")
        return 2

    where = subprocess.run(
        [python, "-c", "import shenzhen, shenzhen._shenzhen_c as c; "
         "print(shenzhen.__file__); print(c.__file__); print(shenzhen.__version__)"],
        env=env, cwd=workdir, capture_output=True, text=True, check=True).stdout.split("\n")
    print("imported:", where[0], where[1], "version", where[2])
    failed = 0
    for path in where[:2]:
        if not os.path.realpath(path).startswith(os.path.realpath(venv) + os.sep):
            print(f"FAIL: {path} is not inside the venv {venv}")
            failed += 1
    needed = subprocess.run(["readelf", "-d", where[1]], capture_output=True, text=True,
                            check=True).stdout
    libs = [line.split("[")[1].rstrip("]") for line in needed.splitlines() if "(NEEDED)" in line]
    print("module needs:", libs)
    if any(lib.startswith("libshenzhen") for lib in libs) or "RPATH" in needed or \
            "RUNPATH" in needed:
        print("FAIL: the module depends on a libshenzhen outside it")
        failed += 1
    tests = [os.path.join(os.path.dirname(os.path.abspath(__file__)), t) for t in TESTS]
    result = subprocess.run([python, "-m", "pytest", "-q", "-p", "no:cacheprovider", *tests],
                            env=env, cwd=workdir)
    failed += result.returncode != 0
    print(f"{mode}: installed package tested, {'FAILED' if failed else 'passed'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
