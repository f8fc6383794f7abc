"""Step 3: pull structured attributes out of free-text listings."""
import json

from openai import OpenAI

from .prompts import ATTRIBUTE_INSTRUCTIONS, build_description_prompt

client = OpenAI()


def extract_attributes(listing_text: str) -> dict:
    response = client.responses.create(
        model="gpt-4.1-mini",
        instructions=ATTRIBUTE_INSTRUCTIONS,
        input=f"Listing:\n{listing_text}",
        text={"format": {"type": "json_object"}},
        max_output_tokens=300,
    )
    return json.loads(response.output_text)


def write_description(product: dict) -> str:
    response = client.responses.create(
        model="gpt-4.1",
        input=build_description_prompt(product, tone="friendly"),
    )
    return response.output_text
