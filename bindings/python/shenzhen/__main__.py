"""python3 -m shenzhen: the subcommands of the ``shenzhen`` command, in Python.

Same subcommands, options and exit status as the C command (``shenzhen --help``):
0 success, 1 not found (unknown id or category, no hits), 2 bad usage or bad
query, 3 the output could not be written. Errors are one line on stderr and
nothing is written to stdout when a command fails: output is built first and
written at the end. ``json`` prints exactly what the C library exports.
"""

import argparse
import os
import shutil
import sys
import unicodedata

import shenzhen
from shenzhen import _shenzhen_c as _c

EXIT_NOT_FOUND, EXIT_USAGE, EXIT_OUTPUT = 1, 2, 3


class _Usage(Exception):
    """A usage error: one line on stderr, exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> "NoReturn":  # type: ignore[name-defined]  # noqa: F821
        raise _Usage(message)


def _width(text: str) -> int:
    """Terminal columns: East Asian wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _wrap(text: str, columns: int, indent: str = "") -> list:
    """Breaks text into lines of at most ``columns``; CJK may break anywhere, but no
    line starts with closing punctuation."""
    closing = "，。、；：！？”’）》」】〕…"
    lines, line, used = [], indent, _width(indent)
    for ch in text:
        w = _width(ch)
        if used + w > columns and line.strip() and ch not in closing:
            lines.append(line.rstrip())
            line, used = indent, _width(indent)
        line += ch
        used += w
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _columns() -> int:
    if sys.stdout.isatty():
        return shutil.get_terminal_size().columns
    try:
        return max(20, int(os.environ.get("COLUMNS", "80")))
    except ValueError:
        return 80


def _parse_id(text: str, what: str) -> int:
    if not text.lstrip("-").isdigit() or not text.isascii():
        raise _Usage(f"{what} must be a number: {text!r}")
    return int(text)


def _lang(args: argparse.Namespace) -> str:
    return args.lang or "zh-Hans"


def _title(m: "shenzhen.Measure", lang: str) -> str:
    return {"zh-Hans": m.title, "zh-Hant": m.title_hant, "en": m.title_en}[lang]


def _category_title(c: "shenzhen.Category", lang: str) -> str:
    return {"zh-Hans": c.title, "zh-Hant": c.title_hant, "en": c.title_en}[lang]


def cmd_list(args: argparse.Namespace, out: list) -> int:
    lang = _lang(args)
    items = shenzhen.measures()
    if args.category is not None:
        cid = _parse_id(args.category, "category")
        try:
            items = tuple(m for m in items if m.category == shenzhen.category(cid))
        except shenzhen.NotFoundError:
            raise LookupError(f"no category with id {cid}") from None
    for m in items:
        out.append(f"{m.id:>2}  {m.category.id}  {_title(m, lang)}")
    return 0


def cmd_show(args: argparse.Namespace, out: list) -> int:
    lang = _lang(args)
    mid = _parse_id(args.id, "measure id")
    try:
        m = shenzhen.get(mid)
    except shenzhen.NotFoundError:
        raise LookupError(f"no measure with id {mid} (ids are 1-47)") from None
    cols = _columns()
    body = m.body_hant if lang == "zh-Hant" else m.body
    out.append(f"{m.id}. {_title(m, lang)}")
    out.append(f"Category {m.category.id}: {_category_title(m.category, lang)}")
    out.append("")
    out.extend(_wrap(body, cols))
    out.append("")
    out.extend(_wrap("Summary: " + m.summary_en, cols))
    out.append(f"Pinyin: {m.pinyin} ({m.initials})")
    out.append("Keywords: " + "、".join(m.keywords))
    if m.cites:
        out.append("Cites: " + "".join(f"《{c}》" for c in m.cites))
    return 0


def cmd_categories(args: argparse.Namespace, out: list) -> int:
    lang = _lang(args)
    for c in shenzhen.categories():
        ids = [m.id for m in shenzhen.measures() if m.category == c]
        out.append(f"{c.id}  {len(ids):>2}  {ids[0]:>2}-{ids[-1]:<2}  {_category_title(c, lang)}")
    return 0


def cmd_search(args: argparse.Namespace, out: list) -> int:
    query = " ".join(args.query)
    if args.lang == "en":
        raise _Usage("search --lang takes zh-Hans or zh-Hant")
    limit = None
    if args.limit is not None:
        if not args.limit.isdigit() or int(args.limit) == 0:
            raise _Usage(f"--limit must be a positive number: {args.limit!r}")
        limit = int(args.limit)
    try:
        hits = shenzhen.search(query, limit=limit, lang=_lang(args))
    except shenzhen.Error as exc:
        raise _Usage(f"search: {exc}") from None
    if not hits:
        raise LookupError(f"no measure matches {query!r}")
    if args.json:
        import json

        records = [
            {
                "id": h.measure.id,
                "score": h.score,
                "field": h.field,
                "spans": [{"field": s.field, "start": s.start, "end": s.end} for s in h.spans],
                "snippet": h.snippet,
            }
            for h in hits
        ]
        out.append(json.dumps({"query": query, "hits": records}, ensure_ascii=False))
        return 0
    for h in hits:
        out.append(f"{h.measure.id:>2}  {h.score:>11}  {h.field:<8} {_title(h.measure, _lang(args))}")
        out.append(f"    {h.snippet}")
    return 0


def cmd_json(args: argparse.Namespace, out: list) -> int:
    flags = (_c.SHZ_JSON_PRETTY if args.pretty else 0) | (_c.SHZ_JSON_ASCII if args.ascii else 0)
    if args.id is None:
        out.append(_c.shz_json_catalogue(flags))
        return 0
    mid = _parse_id(args.id, "measure id")
    try:
        m = shenzhen.get(mid)
    except shenzhen.NotFoundError:
        raise LookupError(f"no measure with id {mid} (ids are 1-47)") from None
    out.append(_c.shz_json_measure(m._handle, flags))
    return 0


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python3 -m shenzhen", description=__doc__.split("\n")[0])
    p.add_argument("--version", action="store_true", help="library and data edition")
    sub = p.add_subparsers(dest="command")
    for name, func, help_text in (
        ("list", cmd_list, "one line per measure"),
        ("show", cmd_show, "one measure in full"),
        ("categories", cmd_categories, "the five categories"),
        ("search", cmd_search, "ranked hits with snippets"),
        ("json", cmd_json, "the catalogue or one measure as JSON"),
    ):
        s = sub.add_parser(name, help=help_text)
        s.set_defaults(func=func)
        if name in ("list", "show", "categories", "search"):
            s.add_argument("--lang", choices=shenzhen.LANGUAGES)
        if name == "list":
            s.add_argument("--category")
        if name == "show":
            s.add_argument("id")
        if name == "search":
            s.add_argument("query", nargs="+")
            s.add_argument("--json", action="store_true")
            s.add_argument("--limit")
        if name == "json":
            s.add_argument("id", nargs="?")
            s.add_argument("--pretty", action="store_true")
            s.add_argument("--ascii", action="store_true")
    return p


def main(argv: "list | None" = None) -> int:
    parser = _parser()
    out: list = []
    try:
        args = parser.parse_args(argv)
        if args.version:
            out.append(
                f"shenzhen {shenzhen.__version__} (Python), data edition "
                f"{shenzhen.data_version}, sha256 {shenzhen.data_sha256}, "
                f"{shenzhen.errata_count} corrections"
            )
        elif args.command is None:
            raise _Usage("missing command (list, show, categories, search, json; see --help)")
        else:
            args.func(args, out)
    except _Usage as exc:
        print(f"shenzhen: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except LookupError as exc:
        print(f"shenzhen: {exc.args[0]}", file=sys.stderr)
        return EXIT_NOT_FOUND
    if sys.stdout is None:  # started with stdout closed
        print("shenzhen: cannot write the output: stdout is closed", file=sys.stderr)
        return EXIT_OUTPUT
    try:
        sys.stdout.write("\n".join(out) + "\n")
        sys.stdout.flush()
    except (BrokenPipeError, OSError) as exc:
        # Keep Python from printing a second error while closing the broken stdout.
        sys.stdout = open(os.devnull, "w")
        print(f"shenzhen: cannot write the output: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_OUTPUT
    return 0


if __name__ == "__main__":
    sys.exit(main())
