"""What the official OpenAI Python client makes of an answer Tollgate holds for human review.

Usage: openai_review_check.py BASE_URL API_KEY TEXT   (BASE_URL like http://127.0.0.1:8080/v1)

Sends TEXT as a reasoning task once plain and once streamed, with the client's default retries, for an application
whose answers to it are held for a reviewer. Prints one JSON line: for each call the exception the client raised,
its status (plain only), code and message, and the X-Tollgate-Review-Id header (plain only). Exits non-zero when a
call gives an answer instead of raising.
"""
import json
import sys

import openai
from openai import OpenAI

HEADERS = {"X-Tollgate-Task-Type": "reasoning", "X-Tollgate-Subject-Country": "DE"}


def plain(client, messages):
    try:
        client.chat.completions.create(model="tollgate", messages=messages, max_tokens=32, extra_headers=HEADERS)
    except openai.APIStatusError as e:
        return {"exception": type(e).__name__, "status": e.status_code, "code": e.code, "message": e.message,
                "review_id_header": e.response.headers.get("x-tollgate-review-id")}
    raise SystemExit("a held answer was given")


def streamed(client, messages):
    stream = client.chat.completions.create(model="tollgate", messages=messages, max_tokens=32, stream=True,
                                            extra_headers=HEADERS)
    texts = []
    try:
        for chunk in stream:
            texts.extend(choice.delta.content for choice in chunk.choices if choice.delta.content)
    except openai.APIError as e:
        return {"exception": type(e).__name__, "code": e.code, "message": e.message, "texts": texts}
    raise SystemExit("a held answer was streamed")


def main():
    base_url, api_key, text = sys.argv[1], sys.argv[2], sys.argv[3]
    client = OpenAI(base_url=base_url, api_key=api_key, timeout=60)
    messages = [{"role": "user", "content": text}]
    print(json.dumps({"plain": plain(client, messages), "stream": streamed(client, messages)}))


if __name__ == "__main__":
    main()
