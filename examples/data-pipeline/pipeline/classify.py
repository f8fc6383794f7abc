"""Step 1: put every new product in a category."""
import logging

from openai import OpenAI

from .prompts import CATEGORY_PROMPT

log = logging.getLogger(__name__)
client = OpenAI()


def classify_products(items: list[dict]) -> dict[str, str]:
    categories: dict[str, str] = {}
    for item in items:
        response = client.chat.completions.create(
            model="gpt-4o",
            messages=[
                {"role": "system", "content": CATEGORY_PROMPT},
                {"role": "user", "content": f"{item['name']}\n{item['description']}"},
            ],
            max_tokens=10,
        )
        categories[item["sku"]] = response.choices[0].message.content.strip().lower()
    log.info("classified %d products", len(categories))
    return categories
