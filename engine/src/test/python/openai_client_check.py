"""Drives Tollgate's OpenAI-compatible endpoint with the official OpenAI Python client.

Usage: openai_client_check.py BASE_URL API_KEY   (BASE_URL like http://127.0.0.1:8080/v1)

Makes one plain and one streamed chat completion (with include_usage), reading the X-Tollgate-Decision-Id header
from the raw responses, lists the models, and sends a request Tollgate refuses (n=2) to see which exception the
client raises. Prints one JSON summary line; exits non-zero when any call fails or an answer is incomplete.
"""
import json
import sys

import openai
from openai import OpenAI

MESSAGES = [
    {"role": "developer", "content": "Answer in one sentence."},
    {"role": "user", "content": [{"type": "text", "text": "When does the office open?"}]},
]
TOLLGATE_HEADERS = {"X-Tollgate-Task-Type": "faq"}


def plain(client):
    raw = client.chat.completions.with_raw_response.create(
        model="tollgate", messages=MESSAGES, max_tokens=64, extra_headers=TOLLGATE_HEADERS)
    completion = raw.parse()
    choice = completion.choices[0]
    return {
        "id": completion.id,
        "object": completion.object,
        "model": completion.model,
        "role": choice.message.role,
        "content": choice.message.content,
        "finish_reason": choice.finish_reason,
        "usage": completion.usage.model_dump() if completion.usage else None,
        "tollgate": (completion.model_extra or {}).get("tollgate"),
        "decision_id_header": raw.headers.get("x-tollgate-decision-id"),
    }


def streamed(client):
    raw = client.chat.completions.with_raw_response.create(
        model="tollgate", messages=MESSAGES, max_tokens=64, stream=True,
        stream_options={"include_usage": True}, extra_headers=TOLLGATE_HEADERS)
    roles, deltas, finish_reasons, ids, usage = [], [], [], set(), None
    for chunk in raw.parse():
        ids.add(chunk.id)
        if chunk.usage is not None:
            usage = chunk.usage.model_dump()
        for choice in chunk.choices:
            if choice.delta.role:
                roles.append(choice.delta.role)
            if choice.delta.content:
                deltas.append(choice.delta.content)
            if choice.finish_reason:
                finish_reasons.append(choice.finish_reason)
    return {
        "ids": sorted(ids),
        "roles": roles,
        "deltas": deltas,
        "content": "".join(deltas),
        "finish_reasons": finish_reasons,
        "usage": usage,
        "decision_id_header": raw.headers.get("x-tollgate-decision-id"),
    }


def refused(client):
    try:
        client.chat.completions.create(model="tollgate", messages=MESSAGES, n=2)
    except openai.APIStatusError as e:
        return {"exception": type(e).__name__, "status": e.status_code, "code": e.code, "param": e.param}
    raise SystemExit("a request with n=2 was not refused")


def main():
    base_url, api_key = sys.argv[1], sys.argv[2]
    client = OpenAI(base_url=base_url, api_key=api_key, max_retries=0, timeout=60)
    summary = {
        "completion": plain(client),
        "stream": streamed(client),
        "models": [model.id for model in client.models.list()],
        "refused": refused(client),
    }
    problems = [name for name, ok in [
        ("completion content", bool(summary["completion"]["content"])),
        ("completion usage", summary["completion"]["usage"] is not None),
        ("completion decision id header", bool(summary["completion"]["decision_id_header"])),
        ("streamed content", bool(summary["stream"]["content"])),
        ("streamed usage", summary["stream"]["usage"] is not None),
        ("streamed decision id header", bool(summary["stream"]["decision_id_header"])),
    ] if not ok]
    print(json.dumps(summary, sort_keys=True))
    if problems:
        raise SystemExit("missing: " + ", ".join(problems))


if __name__ == "__main__":
    main()
