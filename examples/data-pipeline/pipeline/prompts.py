"""Prompt templates for the nightly product-catalogue enrichment job."""
import textwrap

CATEGORY_PROMPT = (
    "Classify the product into exactly one of these categories: "
    "electronics, home, garden, fashion, beauty, toys, sports, grocery, other. "
    "Reply with the category name only."
)

REVIEW_SUMMARY_TEMPLATE = textwrap.dedent(
    """\
    Summarize the customer reviews of "{product_name}" for the product page.
    Write two sentences: what customers like most, then the most common complaint.
    Do not quote reviewers by name. Reviews:
    {reviews}
    """
)

ATTRIBUTE_INSTRUCTIONS = """You extract structured attributes from product listings for an online marketplace.
Return a JSON object with these keys: brand, colour, material, size, weight_kg, pack_quantity.
Use null for any attribute the listing does not state; never guess a value from the product photo alone.
Normalize units: sizes in centimetres, weights in kilograms, colours as simple English names."""


def build_description_prompt(product: dict, tone: str = "helpful", max_words: int = 80) -> str:
    bullet_points = "\n".join(f"- {feature}" for feature in product.get("features", []))
    return (
        f"Write a {tone} product description of at most {max_words} words for {product['name']}.\n"
        f"Key features:\n{bullet_points}\n"
        "Mention who the product is for. Do not use superlatives such as 'best' or 'perfect'."
    )
