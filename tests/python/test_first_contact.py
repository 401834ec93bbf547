"""What a new user meets first, through the command, Python and Lua.

- `shenzhen search -` reads the query from standard input;
- `--color=auto|always|never`, with NO_COLOR still honoured under auto;
- `search --json` hits carry their title in the search language;
- a language error never lists, as accepted, the value it refuses.

Environment: SHZ_CLI (the built command), SHZ_LUA (lua5.4), PYTHONPATH and
LUA_CPATH pointing at the built modules.
"""

import json
import os
import pty
import re
import subprocess

import pytest

import shenzhen

CLI = os.environ["SHZ_CLI"]
LUA = os.environ.get("SHZ_LUA", "")
MARK = b"\x1b[1;31m"
QUERY = "破产"


def run(*args, stdin=b"", env=None):
    full = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS")}
    full.update(env or {})
    return subprocess.run([CLI, *args], input=stdin, capture_output=True, env=full, timeout=60)


def run_on_terminal(*args, env=None):
    """The command with its stdout on a pseudo-terminal: (status, output)."""
    full = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    full.update({"TERM": "xterm", **(env or {})})
    leader, follower = pty.openpty()
    proc = subprocess.Popen([CLI, *args], stdout=follower, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, env=full)
    os.close(follower)
    out = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the command closed the terminal
            break
        if not chunk:
            break
        out += chunk
    os.close(leader)
    proc.wait(timeout=60)
    return proc.returncode, out


# ---- standard input ---------------------------------------------------------


@pytest.mark.parametrize("stdin", [QUERY.encode(), QUERY.encode() + b"\n",
                                   QUERY.encode() + b"\r\n\n"])
def test_dash_reads_the_query_from_stdin(stdin):
    expected = run("search", QUERY)
    got = run("search", "-", stdin=stdin)
    assert (got.returncode, got.stdout, got.stderr) == (0, expected.stdout, b"")
    assert expected.stdout


def test_stdin_query_is_the_query_of_the_json():
    got = run("search", "-", "--json", "-n", "2", stdin="个人 破产\n".encode())
    assert got.returncode == 0
    assert json.loads(got.stdout)["query"] == "个人 破产"


def test_dash_among_terms_is_a_term():
    got = run("search", "-", QUERY, "--json", stdin="秒批".encode())
    assert json.loads(got.stdout)["query"] == "- " + QUERY


@pytest.mark.parametrize("stdin,message", [
    (b"", "query is empty"),
    (b"\n", "query is empty"),
    (b"\xff\xfe\n", "not valid UTF-8"),
    ("破".encode() + b"\xe4\xb8", "not valid UTF-8"),
    (b"a" * 5000, "longer than"),
    (b"a " * 300000, "longer than"),
], ids=["empty", "newline", "invalid", "truncated", "long", "huge"])
def test_bad_stdin_is_a_usage_error(stdin, message):
    got = run("search", "-", stdin=stdin)
    assert got.returncode == 2
    assert got.stdout == b""
    err = got.stderr.decode()
    assert err.startswith("shenzhen: ") and err.count("\n") == 1 and message in err, err


def test_help_and_man_page_say_it():
    assert "search - reads the query from standard input" in run("--help").stdout.decode()


# ---- colour -----------------------------------------------------------------


@pytest.mark.parametrize("flag,env,coloured", [
    ("--color=always", {}, True),
    ("--color=always", {"NO_COLOR": "1"}, True),
    ("--color=auto", {}, False),
    ("--color=never", {}, False),
    (None, {}, False),
])
def test_colour_in_a_pipe(flag, env, coloured):
    got = run("search", QUERY, *([flag] if flag else []), env=env)
    assert got.returncode == 0
    assert (MARK in got.stdout) == coloured


@pytest.mark.parametrize("flag,env,coloured", [
    (None, {}, True),
    ("--color=auto", {}, True),
    ("--color=auto", {"NO_COLOR": "1"}, False),
    (None, {"NO_COLOR": "1"}, False),
    (None, {"TERM": "dumb"}, False),
    ("--color=never", {}, False),
    ("--color=always", {"NO_COLOR": "1"}, True),
])
def test_colour_on_a_terminal(flag, env, coloured):
    status, out = run_on_terminal("search", QUERY, *([flag] if flag else []), env=env)
    assert status == 0
    assert (MARK in out) == coloured


@pytest.mark.parametrize("value", ["", "yes", "ALWAYS", "1"])
def test_bad_colour_is_a_usage_error(value):
    got = run("search", QUERY, "--color", value)
    assert got.returncode == 2 and got.stdout == b""
    assert "--color takes auto, always or never" in got.stderr.decode()


# ---- search --json titles ---------------------------------------------------


@pytest.mark.parametrize("lang", ["zh-Hans", "zh-Hant"])
def test_json_hits_carry_the_title_in_the_search_language(lang):
    got = run("search", "科技", "--json", "--lang", lang)
    hits = json.loads(got.stdout)["hits"]
    assert len(hits) > 1
    for hit in hits:
        assert hit["title"] == shenzhen.get(hit["id"]).text("title", lang)


# ---- language errors --------------------------------------------------------

TAGS = ["en", "EN-us", "en_GB", "zh", "zh-TW", "zh-Hant", "fr", "xx-YY", "english"]


def canonical(tag):
    """The library's name for @p tag, or None when it names no language."""
    try:
        return shenzhen.LANGUAGES[shenzhen._shenzhen_c.shz_lang_parse(tag)]
    except shenzhen.LanguageError:
        return None


def assert_does_not_offer(message, tag):
    """A refusal of @p tag must not list it, by any name, among the values taken."""
    name = canonical(tag)
    rest = message.replace(repr(tag), "").replace(f'"{tag}"', "")
    for refused in {tag, name} - {None}:
        found = re.search(rf"(?<![\w-]){re.escape(refused)}(?![\w-])", rest, re.I)
        assert found is None, f"{tag!r} refused by {message!r}, which lists it"


@pytest.mark.parametrize("tag", TAGS)
@pytest.mark.parametrize("command", [["list"], ["show", "1"], ["categories"],
                                     ["search", QUERY]])
def test_command_language_errors(command, tag):
    got = run(*command, "--lang", tag)
    if got.returncode != 0:
        assert got.returncode == 2
        assert_does_not_offer(got.stderr.decode(), tag)


@pytest.mark.parametrize("tag", TAGS)
def test_python_language_errors(tag):
    calls = [lambda: shenzhen.search(QUERY, lang=tag),
             lambda: shenzhen.get(1).text("title", tag)]
    for call in calls:
        try:
            call()
        except shenzhen.LanguageError as error:
            assert_does_not_offer(str(error), tag)


@pytest.mark.skipif(not LUA, reason="no Lua interpreter given")
@pytest.mark.parametrize("tag", TAGS)
def test_lua_language_errors(tag):
    script = """
local s = require("shenzhen")
local tag = arg[1]
for _, call in ipairs({
  function() return s.search(arg[2], { lang = tag }) end,
  function() return s.get(1):text("title", tag) end }) do
  local ok, err = pcall(call)
  if not ok then io.write(tostring(err), "\\n") end
end
"""
    got = subprocess.run([LUA, "-e", script, "-", tag, QUERY], capture_output=True, text=True,
                         stdin=subprocess.DEVNULL, timeout=60)
    # `lua -e SCRIPT - ARGS` runs the script with ARGS in arg, reading no file.
    assert got.returncode == 0, got.stderr
    for message in got.stdout.splitlines():
        assert_does_not_offer(message, tag)
