"""list_category.py [id]: the measures of one category (default 1)."""
import sys

import shenzhen


def main(argv: list[str]) -> int:
    try:
        category = shenzhen.category(int(argv[1]) if len(argv) > 1 else 1)
    except (ValueError, LookupError) as exc:
        print(f"category: {exc}", file=sys.stderr)
        return 1
    print(f"{category.id}. {category.title}")
    for m in category.measures:
        print(f"  {m.id:2}  {m.title}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
