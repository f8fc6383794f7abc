"""Escalation to a human agent: Claude writes the handoff note."""
import anthropic

from bot import Conversation
from prompts import HANDOFF_SYSTEM_PROMPT

claude = anthropic.Anthropic()


def transcript(conversation: Conversation) -> str:
    return "\n".join(f"{m['role']}: {m['content']}" for m in conversation.history if m["role"] != "system")


def handoff_note(conversation: Conversation) -> str:
    message = claude.messages.create(
        model="claude-sonnet-4-20250514",
        max_tokens=600,
        system=HANDOFF_SYSTEM_PROMPT,
        messages=[{"role": "user", "content": f"Conversation transcript:\n\n{transcript(conversation)}"}],
    )
    return message.content[0].text
