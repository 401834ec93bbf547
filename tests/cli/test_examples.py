"""Every example of the command that the documentation shows, run as written and
checked against the result the documentation claims.

The examples are extracted from README.md (its ```sh blocks) and from the
EXAMPLES of the built man pages shenzhen(1), shenzhen-json(5) and
shenzhen-search(7). EXAMPLES below gives, for each example (as a reader types
it, `./build/shenzhen` read as `shenzhen`), what it must print: an example
the table does not know fails, and so does a row no page shows any more. A
README line that is not an example of the command (building, installing, the
benchmarks) must be named in ELSEWHERE with the test that runs it.

Each example runs in bash (pipefail) in an empty directory, with the built
command first on PATH: the status must be the one expected (0 unless said),
nothing may come on stderr, and every regular expression of the row must
match the output (or the file the example writes).

Environment: SHZ_MAN_DIR (the built pages), SHZ_CLI_DIR (the command),
SHZ_SOURCE_DIR (README.md).
"""
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

MAN_DIR = Path(os.environ["SHZ_MAN_DIR"])
BINDIR = os.environ["SHZ_CLI_DIR"]
SOURCE = Path(os.environ["SHZ_SOURCE_DIR"])
PAGES = ("shenzhen.1", "shenzhen-json.5", "shenzhen-search.7")

ROFF = [("\\-", "-"), ("\\(dq", '"'), ("\\(aq", "'"), ("\\e", "\\"), ("\\&", "")]

# the first hit: id, relevance, field, match, title
HIT = r"\A{id}\s+[01]\.\d\d\s+{field}\s+{match}\s+"

# example -> {"out": [regexes on stdout], "file": (name, [regexes]), "status": int}
EXAMPLES: dict[str, dict[str, Any]] = {
    # README.md, Searching
    "shenzhen search 秒批": {"out": [HIT.format(id=18, field="title", match="all") + ".*秒报秒批"]},
    "shenzhen search 區塊線 --lang zh-Hant": {
        # Traditional input finds the measure; its zh-Hant title is shown.
        "out": [HIT.format(id=10, field="title", match="all") + "劃定「區塊線」"]},
    "shenzhen search miaobao": {"out": [HIT.format(id=18, field="pinyin", match="all")]},
    "shenzhen search mbmp": {"out": [HIT.format(id=18, field="initials", match="all")]},
    # the pinyin of a keyword: shown as the keywords, the one spelled among them
    "shenzhen search gerenpochan": {
        "out": [HIT.format(id=15, field="pinyin", match="all"), r"个人破产制度"]},
    'shenzhen search 破产 "经济再生" --json --limit 3': {
        "out": [r'\A\{"query":"破产 经济再生",', r'"hits":\[\{"id":15,',
                r'\A(?!(.*"id":\d+,"title"){4})']},
    "shenzhen search moreshenzhen --mode all": {
        "out": [HIT.format(id=44, field="title", match="all"), r"The more Shenzhen"]},
    "shenzhen search bankruptcy --lang en": {
        "out": [HIT.format(id=15, field="summary", match="all") + "Promote the “economic"]},
    "echo 破产 | shenzhen search -": {"out": [HIT.format(id=15, field="body", match="all")]},
    # shenzhen(1)
    "shenzhen list --category 2 --lang en": {
        "out": [r"\A(\s*\d+  2  [^\n]+\n){10}\Z", r"(?m)^ 9  2  Promote “full-chain"]},
    "shenzhen show 1 2 -l zh-TW": {
        "out": [r"(?m)^Measure:\s+1\n", r"(?m)^Measure:\s+2\n",
                r"(?m)^Title:\s+率先形成基礎研究長期持續穩定投入機制$"]},
    "shenzhen list --format tsv --lang en >titles.tsv": {
        "file": ("titles.tsv", [r"\Aid\tcategory\ttitle\n", r"\A([^\n]*\n){48}\Z"])},
    "shenzhen list -c 3 --format jsonl | jq -r .id": {"out": [r"\A19\n(\d+\n){6}26\n\Z"]},
    "shenzhen search -j -n 0 科技 | jq '.hits | length'": {"out": [r"\A[1-9]\d*\n\Z"]},
    "shenzhen search \"知识产权\" --limit 3 --json | jq '.hits[].id'": {
        "out": [r"\A21\n(\d+\n){0,2}\Z"]},
    "echo 破产 | shenzhen search - --limit 1": {
        "out": [r"\A15\s+[01]\.\d\d\s+body\s+all\s+促进诚信市场主体“经济再生”\n    [^\n]+\n[^\n]*\n?\Z"]},
    "shenzhen search 破产 --color=always | less -R": {
        "out": [r"\A15\s", "\x1b\\[1;31m破产\x1b\\[0m"]},
    "if shenzhen search zscq >/dev/null; then echo found; fi": {"out": [r"\Afound\n\Z"]},
    "shenzhen json --pretty --ascii >catalogue.json": {
        "file": ("catalogue.json", [r"\A\{\n  ", r"\A[\x00-\x7f]*\Z", r"\\u"])},
    # shenzhen-json(5)
    "shenzhen json 18 | jq -r '.title.en'": {
        "out": [r"\AIntroduce integrated “instant filing, instant approval” smart approval\n\Z"]},
    "shenzhen json | jq -r '.categories[] | \"\\(.id) \\(.measures | length)\"'": {
        "out": [r"\A1 8\n2 10\n3 8\n4 9\n5 12\n\Z"]},
    "shenzhen json | jq -r '.topics[] | select(.key == \"healthcare\") | .measures'": {
        "out": [r"\A\[\n  27,\n  28,\n  42\n\]\n\Z"]},
    "shenzhen json 28 | jq -r '.related[] | \"\\(.id): \\(.reason.en)\"'": {
        "out": [r"\A27: Both shape the health system", r"\n42: Both rest on community health care",
                r"\n29: Both let strong institutions"]},
    # shenzhen-search(7)
    "shenzhen search 秒報 --lang zh-Hant": {
        "out": [HIT.format(id=18, field="title", match="all") + ".*秒報秒批一體化"]},
    # a high threshold: only the measure that holds the whole query, with its related ones
    "shenzhen search 知识产权保护 --min-relevance 0.5": {
        "out": [HIT.format(id=21, field="title", match="all") + "率先形成最严格的知识产权保护体系",
                r"\A(?![\s\S]*\n\d+\s+0\.[1-4]\d\s)"]},
}

# README.md lines that are not examples of the command, and what runs them.
ELSEWHERE = {
    ".ci/install-deps && cmake -S . -B build && cmake --build build -j2 "
    "&& ./build/shenzhen search 秒批":
        "the build itself (.ci/test); its search is the first row of EXAMPLES",
    "python3 -m venv --system-site-packages env && env/bin/pip install --no-build-isolation .":
        "pkg_python_pip",
    "env/bin/python -m shenzhen search 破产": "pkg_python_wheel and pkg_python_pip",
    "env/bin/python -m ipykernel install --sys-prefix": "pkg_python_wheel",
    "env/bin/python -m nbconvert --to notebook --execute examples/python/explore.ipynb":
        "pkg_python_wheel",
    ".ci/test": "CI",
    "ctest --test-dir build -j2 -LE 'alloc|pkg|slow'": "the quick loop: .ci/test runs all it runs",
    "luarocks --lua-version 5.4 --local make bindings/lua/shenzhen-1.17.0-1.rockspec":
        "pkg_luarocks",
    "eval \"$(luarocks --lua-version 5.4 --local path)\" && lua5.4 -e "
    "'print(require(\"shenzhen\").version)'": "pkg_luarocks",
    "cmake -S . -B build -DCMAKE_INSTALL_PREFIX=/usr/local && cmake --build build -j2":
        "the pkg_* tests (install, consumers)",
    "sudo cmake --install build": "the pkg_* tests (install, consumers)",
    "PYTHONPATH=build/bindings/python /usr/bin/python3 tests/bench/relevance_eval.py --markdown":
        "relevance_eval",
    "PYTHONPATH=build/bindings/python /usr/bin/python3 tests/bench/related_eval.py --markdown":
        "related_judged",
    "cmake --build build --target search_benches && cd build/tests/bench && ./search_bench":
        "the benchmarks (.ci/bench)",
    "PYTHONPATH=build/bindings/python /usr/bin/python3 tests/bench/python_bench.py":
        "the benchmarks (.ci/bench)",
}


def readme_lines() -> list:
    """README.md's ```sh lines, comments removed, `./build/shenzhen` read as `shenzhen`."""
    text = (SOURCE / "README.md").read_text(encoding="utf-8")
    lines = []
    for block in re.findall(r"^```sh\n(.*?)^```", text, flags=re.S | re.M):
        for line in block.splitlines():
            line = line.split("  #", 1)[0].strip()
            if line:
                lines.append(line)
    return lines


def claimed_in_comments() -> list:
    """Examples a README comment names: `(also initials: mbmp)` is `shenzhen search mbmp`."""
    text = (SOURCE / "README.md").read_text(encoding="utf-8")
    return [f"shenzhen search {q}" for q in re.findall(r"also initials: (\w+)", text)]


def man_examples() -> list:
    commands = []
    for page in PAGES:
        text = (MAN_DIR / page).read_text(encoding="utf-8")
        section = text.split("\n.SH EXAMPLES\n", 1)[1].split("\n.SH ", 1)[0]
        for block in re.findall(r"^\.EX\n(.*?)^\.EE$", section, flags=re.S | re.M):
            for line in block.splitlines():
                for roff, plain in ROFF:
                    line = line.replace(roff, plain)
                commands.append(line[2:] if line.startswith("$ ") else line)
    return commands


def examples() -> list:
    found = []
    for line in readme_lines():
        if line in ELSEWHERE:
            continue
        found.append(line.replace("./build/shenzhen", "shenzhen"))
    found += claimed_in_comments() + man_examples()
    return list(dict.fromkeys(found))


def test_every_readme_line_is_an_example_or_run_elsewhere() -> None:
    for line in readme_lines():
        if line not in ELSEWHERE:
            command = line.replace("./build/shenzhen", "shenzhen")
            assert command in EXAMPLES, f"README.md shows {line!r}: add its result to EXAMPLES"


def test_every_example_has_a_documented_result() -> None:
    missing = [c for c in examples() if c not in EXAMPLES]
    assert not missing, f"examples without a result in EXAMPLES: {missing}"


def test_no_row_is_stale() -> None:
    shown = set(examples())
    assert not [c for c in EXAMPLES if c not in shown], "rows that no page shows"
    lines = set(readme_lines())
    assert not [line for line in ELSEWHERE if line not in lines], "ELSEWHERE rows not in README"


@pytest.mark.parametrize("command", examples())
def test_example_gives_the_documented_result(command: str, tmp_path: Path) -> None:
    expected = EXAMPLES.get(command)
    if expected is None:
        pytest.fail(f"no documented result for {command!r}")
    env = dict(os.environ, PATH=f"{BINDIR}:{os.environ.get('PATH', '/usr/bin:/bin')}")
    env.pop("COLUMNS", None)
    env.pop("NO_COLOR", None)
    r = subprocess.run(["bash", "-o", "pipefail", "-c", command], capture_output=True,
                       cwd=tmp_path, env=env, timeout=60)
    assert (r.returncode, r.stderr.decode()) == (expected.get("status", 0), ""), command
    if "file" in expected:
        name, patterns = expected["file"]
        text = (tmp_path / name).read_text(encoding="utf-8")
    else:
        patterns, text = expected["out"], r.stdout.decode()
    for pattern in patterns:
        assert re.search(pattern, text, flags=re.M), \
            f"{command}: no match for {pattern!r} in\n{text}"


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-q", "-p", "no:cacheprovider"]))
