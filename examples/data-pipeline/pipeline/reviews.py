"""Step 2: summarize customer reviews with Gemini."""
from google import genai
from google.genai import types

from .prompts import REVIEW_SUMMARY_TEMPLATE

client = genai.Client()


def summarize_reviews(product_name: str, reviews: list[str]) -> str:
    prompt = REVIEW_SUMMARY_TEMPLATE.format(product_name=product_name, reviews="\n".join(reviews[:50]))
    response = client.models.generate_content(
        model="gemini-2.5-flash",
        contents=prompt,
        config=types.GenerateContentConfig(
            system_instruction="You write neutral, factual summaries for an online shop. Never invent details.",
            max_output_tokens=200,
            temperature=0.2,
        ),
    )
    return response.text
