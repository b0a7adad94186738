"""Short builders for StreamField values in demo content."""

from wagtail.rich_text import RichText


def p(*paragraphs: str) -> tuple:
    return ("paragraph", RichText("".join(f"<p>{text}</p>" for text in paragraphs)))


def h2(text: str) -> tuple:
    return ("heading", {"text": text, "level": "h2"})


def faq(question: str, answer: str) -> tuple:
    return ("faq", {"question": question, "answer": RichText(f"<p>{answer}</p>")})


def ul(*items: str) -> tuple:
    return ("paragraph", RichText("<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"))
