"""Tool calls: let the model call a Python function, send back the result, print the final answer.

CACHEAI_BASE_URL=http://127.0.0.1:8765/v1 python examples/tool_calls.py
"""

import json
import os

from cacheai import CacheAI as OpenAI

MODEL = os.environ.get("CACHEAI_MODEL", "gpt-4o-mini")


def get_weather(city: str) -> str:
    """The local function the model may call (a real one would ask a weather service)."""
    return json.dumps({"city": city, "forecast": "sunny", "celsius": 22})


TOOLS = [
    {
        "type": "function",
        "function": {
            "name": "get_weather",
            "description": "Get today's weather for a city.",
            "parameters": {
                "type": "object",
                "properties": {"city": {"type": "string", "description": "the city name"}},
                "required": ["city"],
            },
        },
    }
]

with OpenAI() as client:
    messages = [{"role": "user", "content": "What's the weather in Paris?"}]
    first = client.chat.completions.create(model=MODEL, messages=messages, tools=TOOLS)
    message = first.choices[0].message
    if not message.tool_calls:
        print(f"The model answered directly: {message.content}")
    else:
        messages.append(message.to_dict())
        for call in message.tool_calls:
            arguments = json.loads(call.function.arguments)
            print(f"The model calls {call.function.name}({arguments})")
            result = get_weather(**arguments)
            messages.append({"role": "tool", "tool_call_id": call.id, "content": result})
        final = client.chat.completions.create(model=MODEL, messages=messages, tools=TOOLS)
        print(f"Final answer: {final.choices[0].message.content}")
