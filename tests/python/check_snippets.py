"""Runs every code snippet the bindings document, so none can go stale.

  check_snippets.py --python PY --lua LUA FILE[:LANG,LANG…]…

From a Markdown FILE: every ```python and ```lua block (only the languages
named after the colon, when some are). From a .lua FILE: the runnable block
of its top comment, the lines indented "--   ". Each block runs alone, in a
scratch directory, with the environment's PYTHONPATH/LUA_CPATH; it must exit
0, write nothing to stderr, and print what its comments show a print line
prints (`print(x)  # {'a': 1}`). A Markdown ```sh block must be one that a test
runs (the pip commands of bindings/README.md, run by check_wheel.py, and the
luarocks command, run by tests/pkg/check-luarocks.sh); any other is an error,
as is a FILE without a snippet.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_wheel  # noqa: E402  (the pip commands it runs from the README)

FENCE = re.compile(r"^```(\w+)\n(.*?)^```", re.M | re.S)


def markdown_blocks(path: str, langs: set) -> list:
    with open(path, encoding="utf-8") as f:
        text = f.read()
    blocks, tested = [], check_wheel.tested_sh_lines(path)
    for match in FENCE.finditer(text):
        lang, body = match.group(1), match.group(2)
        line = text.count("\n", 0, match.start()) + 1
        if langs and lang not in langs:
            continue
        if lang == "sh":
            commands = {c.split("  #", 1)[0].strip() for c in body.splitlines() if c.strip()}
            if not commands <= tested:
                blocks.append(("untested", line, body))
            continue
        if lang in ("python", "lua"):
            blocks.append((lang, line, body))
    return blocks


# `print(x)  # {'a': 1}` or `print(x)  -- nil   no measure`: the comment shows what the
# line prints, so the output must hold that line (runs of whitespace compared as one).
SHOWN = re.compile(r"^\s*print\(.*\)\s+(?:#|--)\s+(.+)$")


def shown_results(body: str) -> list:
    """What the block's print lines say they print: a comment of code, not of prose."""
    results = []
    for line in body.splitlines():
        match = SHOWN.match(line)
        if match and re.match(r"[\[{('\"0-9-]|nil\b|true\b|false\b", match.group(1)):
            results.append(" ".join(match.group(1).split()))
    return results


def missing_results(body: str, output: str) -> list:
    printed = {" ".join(line.split()) for line in output.splitlines()}
    return [shown for shown in shown_results(body) if shown not in printed]


def lua_comment_block(path: str) -> list:
    body, start = [], None
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.startswith("--"):
                break
            if line.startswith("--   "):
                start = start or number
                body.append(line[len("--   "):])
    return [("lua", start, "".join(body))] if body else []


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--python", required=True)
    parser.add_argument("--lua", required=True)
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    interpreters = {"python": [args.python], "lua": [args.lua]}
    failed = ran = 0
    with tempfile.TemporaryDirectory() as scratch:
        for spec in args.files:
            path, _, langs = spec.partition(":")
            wanted = set(langs.split(",")) if langs else set()
            blocks = lua_comment_block(path) if path.endswith(".lua") else \
                markdown_blocks(path, wanted)
            if not blocks:
                print(f"FAIL {path}: no snippet found")
                failed += 1
            for lang, line, body in blocks:
                where = f"{os.path.relpath(path)}:{line}"
                if lang == "untested":
                    print(f"FAIL {where}: a sh block no test runs:\n{body}")
                    failed += 1
                    continue
                suffix = "py" if lang == "python" else lang
                script = os.path.join(scratch, f"snippet_{ran}.{suffix}")
                with open(script, "w", encoding="utf-8") as f:
                    f.write(body)
                done = subprocess.run(interpreters[lang] + [script], cwd=scratch,
                                      capture_output=True, text=True)
                ran += 1
                missing = missing_results(body, done.stdout)
                if done.returncode != 0 or done.stderr:
                    print(f"FAIL {where} ({lang}): exit {done.returncode}\n{done.stderr}")
                    failed += 1
                elif missing:
                    print(f"FAIL {where} ({lang}): does not print what it shows: {missing}\n"
                          f"{done.stdout}")
                    failed += 1
                else:
                    print(f"ok   {where} ({lang}, {len(body.splitlines())} lines)")
    print(f"snippets: {ran} run, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
