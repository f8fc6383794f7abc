"""Answers from the public FAQ, used before the full bot for simple questions."""
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_openai import ChatOpenAI

FAQ_PROMPT = ChatPromptTemplate.from_messages(
    [
        (
            "system",
            "You answer questions using only the Brightside Bank FAQ entries below. "
            "Quote the relevant entry's title in bold, then answer in at most three sentences. "
            "If no entry answers the question, reply exactly: NO_FAQ_MATCH\n\nFAQ entries:\n{faq_entries}",
        ),
        ("human", "{question}"),
    ]
)

llm = ChatOpenAI(model="gpt-4o-mini", max_tokens=300, temperature=0)

faq_chain = FAQ_PROMPT | llm | StrOutputParser()


def answer_from_faq(question: str, faq_entries: str) -> str | None:
    answer = faq_chain.invoke({"question": question, "faq_entries": faq_entries})
    return None if answer.strip() == "NO_FAQ_MATCH" else answer
