"""Prints which library's client class it got: differs between the two runs by design."""

import openai

print(type(openai.OpenAI()).__module__.split(".")[0])
