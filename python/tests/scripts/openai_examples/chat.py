"""A chat completion, printed (what openai-python's demo.py does first)."""

from openai import OpenAI

client = OpenAI()
completion = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "Say hi"}])
print(completion.id, completion.created)
print(completion.choices[0].message.content)
