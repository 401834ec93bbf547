"""Every command that shenzhen(1) shows in EXAMPLES runs, as written, with the
built command first on PATH: status 0 (pipefail), nothing on stderr, and
output unless it is redirected to a file.

Arguments: the built man page (roff) and the directory of the built command.
"""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

PAGE = Path(os.environ["SHZ_MAN_PAGE"])
BINDIR = os.environ["SHZ_CLI_DIR"]

ROFF = [("\\-", "-"), ("\\(dq", '"'), ("\\(aq", "'"), ("\\e", "\\"), ("\\&", "")]


def examples() -> list:
    text = PAGE.read_text(encoding="utf-8")
    section = text.split("\n.SH EXAMPLES\n", 1)[1].split("\n.SH ", 1)[0]
    commands = []
    for block in re.findall(r"^\.EX\n(.*?)^\.EE$", section, flags=re.S | re.M):
        for line in block.splitlines():
            if line.startswith("$ "):
                for roff, plain in ROFF:
                    line = line.replace(roff, plain)
                commands.append(line[2:])
    return commands


def test_the_page_has_examples() -> None:
    assert len(examples()) >= 5


@pytest.mark.parametrize("command", examples())
def test_example_runs(command: str, tmp_path: Path) -> None:
    env = dict(os.environ, PATH=f"{BINDIR}:{os.environ.get('PATH', '/usr/bin:/bin')}")
    env.pop("COLUMNS", None)
    r = subprocess.run(["bash", "-o", "pipefail", "-c", command], capture_output=True,
                       cwd=tmp_path, env=env, timeout=60)
    assert (r.returncode, r.stderr.decode()) == (0, ""), command
    if re.search(r">\s*(?!/dev/null)\S", command):
        written = [p for p in tmp_path.iterdir() if p.stat().st_size > 0]
        assert written, f"{command}: wrote no file"
    else:
        assert r.stdout.strip(), f"{command}: printed nothing"


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-q", "-p", "no:cacheprovider"]))
