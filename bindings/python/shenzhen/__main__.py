"""python3 -m shenzhen: runs the ``shenzhen`` command (``shenzhen --help``).

There is one implementation of the command, in C; this module only finds the
executable and replaces the Python process with it, passing the arguments
unchanged, so that output, errors and exit status are the command's own.

Where the command is looked for, first match wins:

1. ``$SHZ_COMMAND``, when set and not empty (and nowhere else then);
2. beside the package: in the CMake build tree the package was built in
   (the first parent directory holding ``CMakeCache.txt``), or in ``bin/`` of
   the prefix the package is installed in (``<prefix>/bin/shenzhen`` for
   ``<prefix>/lib/python3/dist-packages/shenzhen``);
3. ``shenzhen`` on ``$PATH``.

When none is found it prints one line on stderr and exits with status 127,
as a shell does for a command it cannot find (126 when the file exists but
cannot be run); the command's own statuses are 0 to 3.
"""

import os
import shutil
import sys
from pathlib import Path
from typing import List, Optional

COMMAND = "shenzhen"
ENV_VAR = "SHZ_COMMAND"
EXIT_NOT_FOUND = 127
EXIT_CANNOT_RUN = 126


def _runnable(path: Path) -> bool:
    return path.is_file() and os.access(path, os.X_OK)


def _beside_package() -> Optional[Path]:
    """The command built or installed together with this package, if any."""
    package = Path(__file__).resolve().parent
    for parent in package.parents:
        if (parent / "CMakeCache.txt").is_file():
            candidate = parent / COMMAND
            return candidate if _runnable(candidate) else None
        candidate = parent / "bin" / COMMAND
        if _runnable(candidate):
            return candidate
    return None


def find_command() -> "tuple[Optional[str], str]":
    """The path of the command to run, or None and why it was not found."""
    chosen = os.environ.get(ENV_VAR, "")
    if chosen:
        return chosen, f"${ENV_VAR}"
    beside = _beside_package()
    if beside is not None:
        return str(beside), "the package's build tree or prefix"
    on_path = shutil.which(COMMAND)
    if on_path is not None:
        return on_path, "$PATH"
    return None, ""


def main(argv: Optional[List[str]] = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    path, where = find_command()
    if path is None:
        print(
            f"shenzhen: the shenzhen command is not installed (not beside the Python "
            f"package nor on $PATH; set ${ENV_VAR} to its path)",
            file=sys.stderr,
        )
        return EXIT_NOT_FOUND
    try:
        os.execv(path, [COMMAND, *args])
    except FileNotFoundError:
        print(f"shenzhen: cannot run {path} (from {where}): no such file", file=sys.stderr)
        return EXIT_NOT_FOUND
    except OSError as exc:
        print(f"shenzhen: cannot run {path} (from {where}): {exc.strerror}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    return EXIT_CANNOT_RUN  # not reached: execv does not return


if __name__ == "__main__":
    sys.exit(main())
