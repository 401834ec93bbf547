"""The Python package as a newcomer installs it, into a fresh virtual environment.

  check_wheel.py SOURCE_DIR WORKDIR wheel|pip

Copies the source tree (without build directories) to WORKDIR/src and runs
there the commands the READMEs show (`python3` is this interpreter):
  wheel: `python3 -m build --wheel --no-isolation` (bindings/README.md), then
         installs that wheel (`pip install --no-index`) into a new venv;
  pip:   `python3 -m venv --system-site-packages env && env/bin/pip install
         --no-build-isolation .`, as README.md's quick start has it (and
         bindings/README.md, which must show the same command).
The venvs see Debian's site packages so that pytest and pandas come from
Debian (offline); the shenzhen package must come from the venv. Then: the
installed module and the command the wheel carries need no libshenzhen.so
(linked in statically); the quick start's `env/bin/python -m shenzhen search`
line finds hits; the Python tests pass against the installed package, run from
outside the tree; and (wheel) the quick start's notebook commands execute
examples/python/explore.ipynb in the venv, checked as check_notebook.py does.
"""

import os
import shlex
import shutil
import subprocess
import sys

from check_notebook import check_executed

TESTS = ("test_shenzhen.py", "test_badinput.py")
README = os.path.join("bindings", "README.md")
TOP_README = "README.md"
NOTEBOOK = os.path.join("examples", "python", "explore.ipynb")


def sh_lines(readme: str) -> list:
    """The command lines of the README's ```sh blocks, comments removed."""
    with open(readme, encoding="utf-8") as f:
        text = f.read()
    lines = []
    for block in text.split("```sh\n")[1:]:
        body = block.split("```", 1)[0]
        lines += [line.split("  #", 1)[0].strip() for line in body.splitlines()]
    return [line for line in lines if line]


def tested_sh_lines(readme: str) -> set:
    """The ```sh lines of @p readme that a test runs: building and pip-installing the package
    (this script) and making the rock (tests/pkg/check-luarocks.sh)."""
    return {line for line in sh_lines(readme)
            if line.startswith(("python3 -m build", "luarocks ")) or "pip install" in line}


def readme_commands(src: str) -> dict:
    """The commands by use: building the wheel (bindings/README.md), the pip
    install, the search and the notebook steps (README.md's quick start)."""
    commands: dict = {"notebook": []}
    for line in sh_lines(os.path.join(src, README)):
        if line.startswith("python3 -m build"):
            commands["wheel"] = line
        elif "pip install" in line:
            commands["bindings_pip"] = line
    for line in sh_lines(os.path.join(src, TOP_README)):
        if "pip install" in line:
            commands["pip"] = line
        elif line.startswith("env/bin/python -m shenzhen search"):
            commands["search"] = line
        elif line.startswith(("env/bin/python -m ipykernel", "env/bin/python -m nbconvert")):
            commands["notebook"].append(line)
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


def in_venv(command: str, venv: str) -> str:
    """A quick-start line (written for ./env) for the venv @p venv."""
    return command.replace("env/bin/", shlex.quote(os.path.join(venv, "bin")) + "/")


def check_command(search: str, venv: str, src: str, env: dict) -> int:
    """The command the wheel carries: in the venv's bin/, standing alone, found by
    `python -m shenzhen`; the quick start's search finds measure 15 (破产)."""
    failed = 0
    command = os.path.join(venv, "bin", "shenzhen")
    needed = subprocess.run(["readelf", "-d", command], capture_output=True, text=True).stdout
    if "(NEEDED)" not in needed or "libshenzhen" in needed or "RUNPATH" in needed:
        print(f"FAIL: {command} is missing, needs a libshenzhen outside it or has a RUNPATH")
        failed += 1
    print("$", in_venv(search, venv), flush=True)
    got = subprocess.run(["sh", "-c", in_venv(search, venv)], capture_output=True, text=True,
                         env=env, cwd=src)
    print(got.stdout, got.stderr, sep="")
    if got.returncode != 0 or not got.stdout.lstrip().startswith("15 "):
        print(f"FAIL: {search}: status {got.returncode}, expected measure 15 first")
        failed += 1
    return failed


def check_notebook(steps: list, venv: str, src: str, workdir: str, env: dict) -> int:
    """The quick start's notebook steps in the venv, then the executed notebook's checks."""
    import matplotlib.font_manager  # noqa: F401  (a first import builds its cache, on stderr)

    for step in steps:
        run("sh", "-c", in_venv(step, venv), env=env, cwd=src)
    executed = os.path.join(src, os.path.splitext(NOTEBOOK)[0] + ".nbconvert.ipynb")
    python = os.path.join(venv, "bin", "python")
    return check_executed(executed, os.path.join(workdir, "notebook"), [python, "-m", "jupyter"])


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
    commands = readme_commands(src)
    for key in ("wheel", "pip", "search"):
        if key not in commands:
            print(f"the READMEs show no {key} command")
            return 1
    if commands["pip"] != commands.get("bindings_pip"):
        print(f"{TOP_README} and {README} show different pip commands: {commands['pip']!r}, "
              f"{commands.get('bindings_pip')!r}")
        return 1
    if len(commands["notebook"]) != 2:
        print(f"{TOP_README} shows not the two notebook steps: {commands['notebook']}")
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
    failed += check_command(commands["search"], venv, src, env)
    if mode == "wheel":
        failed += check_notebook(commands["notebook"], venv, src, workdir, env)
    tests = [os.path.join(os.path.dirname(os.path.abspath(__file__)), t) for t in TESTS]
    result = subprocess.run([python, "-m", "pytest", "-q", "-p", "no:cacheprovider", *tests],
                            env=env, cwd=workdir)
    failed += result.returncode != 0
    print(f"{mode}: installed package tested, {'FAILED' if failed else 'passed'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
