"""python3 -m shenzhen runs the C command: for every subcommand, usage error
and kind of output, stdout, stderr and exit status are byte for byte those of
the command run directly.

The C command's path comes from SHZ_CLI (set by CMake); python3 -m shenzhen
must find the same executable by itself (beside the package's build tree).
"""
import os
import pty
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CLI = os.environ.get("SHZ_CLI", "")


def _env(**extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("SHZ_COMMAND", "NO_COLOR", "TERM")}
    env["COLUMNS"] = "80"
    env.update(extra)
    return env


def run_python(*args: str, env: "dict | None" = None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "shenzhen", *args], capture_output=True, env=env or _env(), **kw
    )


def run_c(*args: str) -> subprocess.CompletedProcess:
    if not CLI:
        pytest.fail("SHZ_CLI is not set: the C command is needed for comparison")
    return subprocess.run([CLI, *args], capture_output=True, env=_env())


CASES = [
    ["list"],
    ["list", "--category", "3"],
    ["list", "--lang", "en"],
    ["list", "--lang=zh-Hant", "--category=5"],
    ["show", "18"],
    ["show", "1", "--lang", "zh-Hant"],
    ["show", "47", "--lang", "en"],
    ["categories"],
    ["categories", "--lang", "en"],
    ["search", "秒批"],
    ["search", "區塊線", "--lang", "zh-Hant"],
    ["search", "miaobao", "--limit", "2"],
    ["search", "破产", "经济再生", "--json"],
    ["search", "科技", "--json", "--limit", "3"],
    ["search", "科技", "-j", "-n", "0", "-l", "zh_TW"],
    ["show", "3", "5", "-l", "zh-HK"],
    ["list", "--format", "tsv", "-c", "2"],
    ["list", "--format=jsonl", "--lang", "EN-us"],
    ["json"],
    ["json", "47", "--pretty"],
    ["json", "--ascii"],
    ["json", "5", "--pretty", "--ascii"],
    ["--version"],
    ["--help"],
    ["-h"],
    ["help"],
    # not found
    ["show", "0"],
    ["show", "48"],
    ["show", "-1"],
    ["show", "--", "--5"],
    ["json", "99"],
    ["list", "--category", "6"],
    ["search", "zzzzqqqq"],
    ["search", "zzzzqqqq", "--json"],
    ["search", "区块链", "-m", "all"],
    ["search", "区块链", "--mode", "best", "-j"],
    ["search", "zzqqxx", "破产", "-m", "all"],
    ["search", "x", "-m", "any"],
    ["show", "3", "99", "5"],
    # bad usage
    [],
    ["frobnicate"],
    ["show"],
    ["show", "abc"],
    ["list", "--lang", "fr"],
    ["list", "--pretty"],
    ["list", "--bogus"],
    ["search"],
    ["search", "   "],
    ["search", '"unclosed'],
    ["search", "x" * 5000],
    ["search", "秒批", "--limit", "x"],
    ["search", "秒批", "--lang", "en"],
    ["json", "1", "2", "3"],
    ["show", "\udcff"],
]


def _arg_bytes(args: list) -> list:
    return [os.fsencode(a) for a in args]


def _case_id(args: list) -> str:
    return " ".join(args)[:40].encode("utf-8", "replace").decode() or "(none)"


@pytest.mark.parametrize("args", CASES, ids=_case_id)
def test_python_m_is_the_c_command_byte_for_byte(args: list) -> None:
    py = run_python(*_arg_bytes(args))
    c = run_c(*_arg_bytes(args))
    assert (py.returncode, py.stderr) == (c.returncode, c.stderr)
    assert py.stdout == c.stdout
    if c.returncode == 0:
        assert c.stdout and c.stderr == b""
    else:
        assert c.stderr.count(b"\n") <= 1


def test_show_double_dash_negative_looking_id_is_a_clean_error() -> None:
    r = run_python("show", "--", "--5")
    assert r.returncode == 2 and r.stdout == b""
    assert r.stderr.startswith(b"shenzhen: ") and b"Traceback" not in r.stderr


def _run_on_pty(argv: list, env: dict) -> "tuple[int, bytes]":
    """Runs argv with stdout and stderr on a pseudo-terminal; its exit status and output."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=slave, stderr=slave, env=env)
    os.close(slave)
    out = b""
    while True:
        ready, _, _ = select.select([master], [], [], 20)
        assert ready, "the command hung"
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the other side closed
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    return proc.wait(timeout=20), out


def test_on_a_terminal_too() -> None:
    env = _env(TERM="xterm")
    c = _run_on_pty([CLI, "search", "秒批", "--limit", "2"], env)
    py = _run_on_pty([sys.executable, "-m", "shenzhen", "search", "秒批", "--limit", "2"], env)
    assert py == c
    assert b"\x1b[" in c[1], "highlighted on a terminal"


def test_closed_and_full_stdout_as_the_command() -> None:
    with open("/dev/full", "wb") as full:
        py = subprocess.run([sys.executable, "-m", "shenzhen", "json"], stdout=full,
                            stderr=subprocess.PIPE, env=_env())
        c = subprocess.run([CLI, "json"], stdout=full, stderr=subprocess.PIPE, env=_env())
    assert (py.returncode, py.stderr) == (c.returncode, c.stderr) and c.returncode == 3
    closed = [sys.executable, "-c",
              "import os, runpy, sys; os.close(1); sys.argv = ['shenzhen', 'list'];"
              " runpy.run_module('shenzhen', run_name='__main__')"]
    py = subprocess.run(closed, stderr=subprocess.PIPE, env=_env())
    assert py.returncode == 3 and py.stderr.startswith(b"shenzhen: ")
    assert b"Traceback" not in py.stderr


@pytest.mark.parametrize("command", [[CLI], [sys.executable, "-m", "shenzhen"]],
                         ids=["c", "python-m"])
def test_head_closing_the_pipe_is_quiet(command: list) -> None:
    """`shenzhen json --pretty | head -1`: one line, nothing on stderr, status 0 (pipefail)."""
    line = " ".join(f"'{word}'" for word in command)
    r = subprocess.run(["bash", "-o", "pipefail", "-c", f"{line} json --pretty | head -1"],
                       capture_output=True, env=_env())
    assert (r.returncode, r.stdout, r.stderr) == (0, b"{\n", b"")


def test_shz_command_chooses_the_executable(tmp_path: Path) -> None:
    script = tmp_path / "fake"
    script.write_text('#!/bin/sh\nprintf "%s|" "$0" "$@"; exit 7\n')
    script.chmod(0o755)
    r = run_python("show", "--", "--5", env=_env(SHZ_COMMAND=str(script)))
    assert r.returncode == 7
    assert r.stdout == f"{script}|show|--|--5|".encode()  # the arguments unchanged


def test_missing_command_is_127_with_one_line(tmp_path: Path) -> None:
    r = run_python("list", env=_env(SHZ_COMMAND=str(tmp_path / "nowhere")))
    assert r.returncode == 127 and r.stdout == b""
    assert r.stderr.count(b"\n") == 1 and r.stderr.startswith(b"shenzhen: ")
    assert b"nowhere" in r.stderr and b"Traceback" not in r.stderr


def test_not_executable_is_126(tmp_path: Path) -> None:
    plain = tmp_path / "shenzhen"
    plain.write_text("not a program\n")
    plain.chmod(0o644)
    r = run_python("list", env=_env(SHZ_COMMAND=str(plain)))
    assert r.returncode == 126 and r.stdout == b"" and r.stderr.count(b"\n") == 1


def _package_copy(site: Path) -> Path:
    """The package copied into @site, away from the build tree; returns @site (its PYTHONPATH)."""
    import shenzhen

    shutil.copytree(Path(shenzhen.__file__).parent, site / "shenzhen",
                    ignore=shutil.ignore_patterns("__pycache__"))
    return site


def test_found_on_path_outside_the_build_tree(tmp_path: Path) -> None:
    site = _package_copy(tmp_path / "site")
    bindir = tmp_path / "onpath"  # not <prefix>/bin of the copy
    bindir.mkdir()
    (bindir / "shenzhen").symlink_to(CLI)
    env = _env(PYTHONPATH=str(site), PATH=f"{bindir}:/usr/bin:/bin")
    assert run_python("categories", env=env).stdout == run_c("categories").stdout
    env["PATH"] = "/nonexistent"
    r = subprocess.run([sys.executable, "-m", "shenzhen", "categories"], capture_output=True,
                       env=env)
    assert r.returncode == 127 and r.stdout == b"" and b"SHZ_COMMAND" in r.stderr


def test_found_in_the_prefix_of_an_installed_package(tmp_path: Path) -> None:
    prefix = tmp_path / "prefix"
    site = _package_copy(prefix / "lib" / "python3" / "dist-packages")
    (prefix / "bin").mkdir(parents=True)
    (prefix / "bin" / "shenzhen").symlink_to(CLI)
    env = _env(PYTHONPATH=str(site), PATH="/nonexistent")
    r = subprocess.run([sys.executable, "-m", "shenzhen", "show", "3"], capture_output=True,
                       env=env)
    assert (r.returncode, r.stdout, r.stderr) == (0, run_c("show", "3").stdout, b"")
