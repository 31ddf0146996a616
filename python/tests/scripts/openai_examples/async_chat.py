"""Uses the async client: skipped (cacheai is synchronous)."""

import asyncio

from openai import AsyncOpenAI


async def main() -> None:
    print(await AsyncOpenAI().models.list())


asyncio.run(main())
