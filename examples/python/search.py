"""search.py [query]: hits best first, the match in each snippet [bracketed]."""
import sys

import shenzhen


def main(argv: list[str]) -> int:
    query = argv[1] if len(argv) > 1 else "科技"
    try:
        hits = shenzhen.search(query, limit=10)
    except shenzhen.Error as exc:
        print(f"search {query}: {exc}", file=sys.stderr)
        return 1
    print(f"{len(hits)} hits for {query}")
    for hit in hits:
        start, end = hit.snippet_match
        s = hit.snippet
        print(f"{hit.measure.id:2}  {hit.field:<8} {s[:start]}[{s[start:end]}]{s[end:]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
