"""search.py [query]: hits best first with their relevance, the match in each snippet
[bracketed] ("related" for a closely related measure of the first hit, listed after the
matches), then why the first hit has its relevance, term by term."""
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
        field = "related" if "related" in hit.match else hit.field
        shown = s if start == end else f"{s[:start]}[{s[start:end]}]{s[end:]}"
        print(f"{hit.measure.id:2}  {hit.relevance:.2f}  {field:<8} {shown}")
    if hits:
        print(f"why {hits[0].measure.id}:")
        for e in hits[0].explain():
            print(f"    {e.term}  {e.field or '-'}  {e.how}  weight {e.weight:.3f}  "
                  f"contribution {e.contribution:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
