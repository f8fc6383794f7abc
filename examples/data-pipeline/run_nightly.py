"""Entry point for the nightly enrichment job (scheduled by cron at 02:00 UTC)."""
import csv
import sys

from pipeline.attributes import extract_attributes
from pipeline.classify import classify_products
from pipeline.reviews import summarize_reviews


def main(path: str) -> None:
    with open(path, newline="") as f:
        items = list(csv.DictReader(f))
    categories = classify_products(items)
    for item in items:
        item["category"] = categories[item["sku"]]
        item["attributes"] = extract_attributes(item["description"])
        item["review_summary"] = summarize_reviews(item["name"], item.get("reviews", "").split("|"))
    print(f"enriched {len(items)} products", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
