"""Reply drafts for the support agents: every draft goes through one helper, `draft()`."""
from openai import OpenAI

client = OpenAI()

DRAFT_SYSTEM_PROMPT = (
    "You draft replies for Acme Cloud support agents. Keep Acme's friendly, plain tone, address the "
    "customer by first name, and never promise refunds or delivery dates."
)


def draft(instruction: str, model: str = "gpt-4o") -> str:
    response = client.chat.completions.create(
        model=model,
        max_tokens=250,
        messages=[
            {"role": "system", "content": DRAFT_SYSTEM_PROMPT},
            {"role": "user", "content": instruction},
        ],
    )
    return response.choices[0].message.content


def late_delivery(first_name: str, order_id: str) -> str:
    return draft(
        f"Write a short apology to {first_name} for the late delivery of order {order_id}, explain that the "
        "carrier had delays, and offer free express shipping on the next order."
    )


def password_reset(first_name: str) -> str:
    return draft(f"Explain to {first_name} in three steps how to reset a password from the account page.", model="gpt-4o-mini")
