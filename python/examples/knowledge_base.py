"""A searchable knowledge base: upload documents, index them in a vector store, search it with filters, and
fine-tune a model on a large training file sent in parts (the Uploads API).

Run against OpenAI (costs apply), or with no server at all against the fake one:
    cacheai serve-fake --port 8765 &
    CACHEAI_BASE_URL=http://127.0.0.1:8765/v1 python examples/knowledge_base.py
"""

import json
import os
import time

from cacheai import CacheAI as OpenAI  # the only line that changes

MODEL = os.environ.get("CACHEAI_FINE_TUNE_MODEL", "gpt-4o-mini-2024-07-18")
DOCUMENTS = {
    "refunds.md": ("Refunds are paid within 30 days of a return.", {"topic": "billing", "year": 2024}),
    "shipping.md": ("Orders ship within five days; tracking is emailed.", {"topic": "delivery", "year": 2024}),
    "old-refunds.md": ("Refunds took 60 days before 2023.", {"topic": "billing", "year": 2022}),
}

client = OpenAI()
# A local server (the fake one moves a job one step per retrieval) needs no wait; OpenAI takes minutes.
POLL_SECONDS = 0 if client.base_url.startswith(("http://127.0.0.1", "http://localhost")) else 30

# 1. Index the documents (each upload is processed before the call returns).
store = client.vector_stores.create(name="support knowledge base")
for name, (text, attributes) in DOCUMENTS.items():
    attached = client.vector_stores.files.upload_and_poll(vector_store_id=store.id, file=(name, text.encode()))
    client.vector_stores.files.update(attached.id, vector_store_id=store.id, attributes=attributes)
print(f"Indexed {client.vector_stores.retrieve(store.id).file_counts.completed} documents")

# 2. Search, keeping only this year's billing documents.
results = client.vector_stores.search(
    store.id,
    query="How long do refunds take?",
    filters={
        "type": "and",
        "filters": [{"type": "eq", "key": "topic", "value": "billing"}, {"type": "gte", "key": "year", "value": 2024}],
    },
    max_num_results=3,
)
for result in results:
    print(f"Best match: {result.filename} ({result.score:.2f}): {result.content[0].text}")

# 3. Fine-tune on examples built from the documents, sent in parts as a large file would be.
lines = [
    json.dumps(
        {"messages": [{"role": "user", "content": f"What does {name} say?"}, {"role": "assistant", "content": text}]}
    )
    for name, (text, _) in DOCUMENTS.items()
]
training = "\n".join(lines).encode() + b"\n"
upload = client.uploads.upload_file_chunked(
    file=training,
    filename="training.jsonl",
    bytes=len(training),
    mime_type="application/jsonl",
    purpose="fine-tune",
    part_size=128,
)
assert upload.file is not None
print(f"Uploaded {upload.file.bytes} bytes in parts as {upload.file.filename}")
job = client.fine_tuning.jobs.create(model=MODEL, training_file=upload.file.id, suffix="support")
while job.status not in ("succeeded", "failed", "cancelled"):
    time.sleep(POLL_SECONDS)
    job = client.fine_tuning.jobs.retrieve(job.id)
print(f"Fine-tuning {job.status}: {job.fine_tuned_model}")
for event in client.fine_tuning.jobs.list_events(job.id, limit=3):
    print("  event:", event.message)

client.vector_stores.delete(store.id)
client.close()
