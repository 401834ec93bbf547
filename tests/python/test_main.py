"""python3 -m shenzhen runs the same subcommands as the C command, with the same
exit status, the same JSON, and nothing on stdout when it fails.

The C command's path comes from SHZ_CLI (set by CMake).
"""
import json
import os
import subprocess
import sys

import pytest

CLI = os.environ.get("SHZ_CLI", "")


def run_python(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "shenzhen", *args], capture_output=True, **kw)


def run_c(*args: str) -> subprocess.CompletedProcess:
    if not CLI:
        pytest.fail("SHZ_CLI is not set: the C command is needed for comparison")
    return subprocess.run([CLI, *args], capture_output=True)


CASES = [
    ["list"],
    ["list", "--category", "3"],
    ["list", "--lang", "en"],
    ["show", "18"],
    ["show", "1", "--lang", "zh-Hant"],
    ["categories"],
    ["search", "秒批"],
    ["search", "區塊線", "--lang", "zh-Hant"],
    ["search", "miaobao", "--limit", "2"],
    ["search", "破产", "经济再生", "--json"],
    ["json"],
    ["json", "47", "--pretty"],
    ["json", "--ascii"],
    # not found
    ["show", "0"],
    ["show", "48"],
    ["show", "-1"],
    ["list", "--category", "6"],
    ["search", "zzzzqqqq"],
    # bad usage
    [],
    ["frobnicate"],
    ["show"],
    ["show", "abc"],
    ["list", "--lang", "fr"],
    ["search"],
    ["search", "   "],
    ["search", '"unclosed'],
    ["search", "x" * 5000],
    ["search", "秒批", "--limit", "0"],
]


@pytest.mark.parametrize("args", CASES, ids=lambda a: " ".join(a)[:40] or "(none)")
def test_same_exit_status_as_the_c_command(args: list) -> None:
    py, c = run_python(*args), run_c(*args)
    assert py.returncode == c.returncode, (py.stderr, c.stderr)
    if py.returncode == 0:
        assert py.stdout.strip(), "success prints something"
        py.stdout.decode("utf-8")  # valid UTF-8
    else:
        assert py.stdout == b"", "nothing on stdout when it fails"
        assert py.stderr.decode().count("\n") == 1 and py.stderr.startswith(b"shenzhen: ")


@pytest.mark.parametrize("args", [["json"], ["json", "5", "--pretty"], ["json", "--ascii"]])
def test_json_is_byte_for_byte_the_library_export(args: list) -> None:
    assert run_python(*args).stdout == run_c(*args).stdout


def test_search_json_has_the_c_commands_hits() -> None:
    py = json.loads(run_python("search", "科技", "--json").stdout)
    c = json.loads(run_c("search", "科技", "--json").stdout)
    assert py["query"] == c["query"] == "科技"
    assert [(h["id"], h["score"], h["field"]) for h in py["hits"]] == [
        (h["id"], h["score"], h["field"]) for h in c["hits"]
    ]


def test_list_shows_every_measure_in_order() -> None:
    ids = [int(line.split()[0]) for line in run_python("list").stdout.decode().splitlines()]
    assert ids == list(range(1, 48))


def test_help_and_version() -> None:
    assert run_python("--help").returncode == 0
    version = run_python("--version").stdout.decode()
    import shenzhen

    assert shenzhen.__version__ in version and shenzhen.data_version in version


def test_closed_or_full_stdout_is_an_error_not_a_crash() -> None:
    closed = subprocess.run(
        [sys.executable, "-m", "shenzhen", "list"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    assert closed.returncode == 0  # /dev/null accepts everything
    with open("/dev/full", "wb") as full:
        r = subprocess.run([sys.executable, "-m", "shenzhen", "json"], stdout=full, stderr=subprocess.PIPE)
    assert r.returncode == 3 and b"cannot write" in r.stderr and b"Traceback" not in r.stderr
    r = subprocess.run(
        [sys.executable, "-c", "import os,runpy,sys; os.close(1); sys.argv=['shenzhen','list'];"
         "runpy.run_module('shenzhen', run_name='__main__')"],
        stderr=subprocess.PIPE,
    )
    assert r.returncode == 3 and b"Traceback" not in r.stderr
