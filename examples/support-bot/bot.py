"""The chat endpoint behind the help widget in the Brightside app."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field

from openai import OpenAI

from prompts import LANGUAGE_DETECTION_PROMPT, SUPPORT_SYSTEM_PROMPT

logger = logging.getLogger("support-bot")

SUPPORT_MODEL = "gpt-4o"


@dataclass
class Conversation:
    customer_id: str
    history: list[dict] = field(default_factory=lambda: [{"role": "system", "content": SUPPORT_SYSTEM_PROMPT}])

    def add(self, role: str, content: str) -> None:
        self.history.append({"role": role, "content": content})


class SupportBot:
    def __init__(self, client: OpenAI | None = None):
        self.client = client or OpenAI()

    def reply(self, conversation: Conversation, message: str) -> str:
        conversation.add("user", message)
        # The whole conversation goes to the model on every turn.
        response = self.client.chat.completions.create(
            model=SUPPORT_MODEL,
            messages=conversation.history,
            temperature=0.3,
        )
        answer = response.choices[0].message.content
        conversation.add("assistant", answer)
        logger.info("customer=%s turns=%d", conversation.customer_id, len(conversation.history))
        return answer

    def detect_language(self, message: str) -> str:
        response = self.client.chat.completions.create(
            model="gpt-4o-mini",
            messages=[
                {"role": "system", "content": LANGUAGE_DETECTION_PROMPT},
                {"role": "user", "content": message},
            ],
            max_tokens=5,
        )
        return response.choices[0].message.content.strip().lower()

    def suggest_replies(self, conversation: Conversation) -> list[str]:
        last_answer = conversation.history[-1]["content"]
        response = self.client.chat.completions.create(
            model="gpt-4o",
            messages=[
                {
                    "role": "user",
                    "content": f"The support bot just said:\n\n{last_answer}\n\n"
                    "Suggest three short replies the customer might tap next, one per line, "
                    "each under six words.",
                }
            ],
        )
        return [line.strip("- ").strip() for line in response.choices[0].message.content.splitlines() if line.strip()]
