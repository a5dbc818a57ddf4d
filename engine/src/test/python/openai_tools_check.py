"""Runs a tool-calling conversation through Tollgate with the official OpenAI Python client.

Usage: openai_tools_check.py BASE_URL API_KEY USER_TEXT TOOL_RESULT

Offers one tool (lookup_order). First the model is asked, plainly and then streamed, and must answer with a call
of the tool; then the conversation goes on with the call and the tool's result in the history, plainly and
streamed, and the model answers in text. Prints one JSON summary line of what the client parsed; exits non-zero
when an answer is not what the step expects.
"""
import json
import sys

from openai import OpenAI

TOOLS = [{
    "type": "function",
    "function": {
        "name": "lookup_order",
        "description": "Finds a customer's order by e-mail address.",
        "parameters": {"type": "object", "properties": {"email": {"type": "string"}}, "required": ["email"]},
    },
}]
HEADERS = {"X-Tollgate-Task-Type": "reasoning", "X-Tollgate-Subject-Country": "DE"}


def ask(client, messages, stream):
    request = dict(model="tollgate", messages=messages, tools=TOOLS, tool_choice="auto", max_tokens=64,
                   extra_headers=HEADERS)
    if not stream:
        choice = client.chat.completions.create(**request).choices[0]
        calls = [{"id": c.id, "name": c.function.name, "arguments": c.function.arguments}
                 for c in choice.message.tool_calls or []]
        return {"content": choice.message.content, "tool_calls": calls, "finish_reason": choice.finish_reason}
    content, calls, finish_reason = "", {}, None
    for chunk in client.chat.completions.create(stream=True, **request):
        for choice in chunk.choices:
            content += choice.delta.content or ""
            for call in choice.delta.tool_calls or []:
                entry = calls.setdefault(call.index, {"id": None, "name": "", "arguments": ""})
                entry["id"] = call.id or entry["id"]
                entry["name"] += call.function.name or ""
                entry["arguments"] += call.function.arguments or ""
            finish_reason = choice.finish_reason or finish_reason
    return {"content": content, "tool_calls": [calls[i] for i in sorted(calls)], "finish_reason": finish_reason}


def conversation(user_text, call, tool_result):
    return [
        {"role": "user", "content": user_text},
        {"role": "assistant", "content": None, "tool_calls": [{
            "id": call["id"], "type": "function",
            "function": {"name": call["name"], "arguments": call["arguments"]}}]},
        {"role": "tool", "tool_call_id": call["id"], "content": tool_result},
    ]


def main():
    base_url, api_key, user_text, tool_result = sys.argv[1:5]
    client = OpenAI(base_url=base_url, api_key=api_key, max_retries=0, timeout=60)
    first = [{"role": "user", "content": user_text}]
    summary = {"plain_call": ask(client, first, False), "stream_call": ask(client, first, True)}
    for name in ("plain_call", "stream_call"):
        if len(summary[name]["tool_calls"]) != 1:
            raise SystemExit(name + ": no single tool call: " + json.dumps(summary[name]))
    summary["plain_answer"] = ask(client, conversation(user_text, summary["plain_call"]["tool_calls"][0],
                                                       tool_result), False)
    summary["stream_answer"] = ask(client, conversation(user_text, summary["stream_call"]["tool_calls"][0],
                                                        tool_result), True)
    print(json.dumps(summary, sort_keys=True))


if __name__ == "__main__":
    main()
