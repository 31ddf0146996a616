"""Write the integration tests' tiny random-weights llama model (GGUF) with the ``gguf`` package from PyPI.

The model has the llama architecture with 2 layers, 64-dim embeddings, 4 heads, a 128-wide feed-forward, a
512-token context, a small SentencePiece-style vocabulary (special tokens, the 256 byte-fallback tokens, single
characters, common English words and their prefixes) and a ChatML chat template. Its weights are random (a
fixed seed, so the file is the same on every run): its text is gibberish with control characters and
byte-fallback sequences, which is what the llama.cpp tests want to stress a client's text handling with.

Usage: python make_tiny_model.py OUTPUT.gguf   (needs ``pip install gguf``, which brings numpy)
"""

from __future__ import annotations

import string
import sys
from pathlib import Path

import gguf
import numpy as np

SEED = 11  # chosen so that the tests' answers hold control characters and multi-byte characters from byte tokens
CONTEXT = 512
EMBEDDING = 64
LAYERS = 2
HEADS = 4
FEED_FORWARD = 128
BYTE_OUTPUT_GAIN = 2.0
CHAT_TEMPLATE = (
    "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>'"
    " + '\\n' }}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
)
_WORD_TEXT = (
    "the of and to in is you that it he was for on are as with his they at be this have from or one had by word"
    " but not what all were when your can said there use each which she do how their if will up other about out"
    " many then them these so some her would make like him into time has look two more write go see number way"
    " could people my than first water been call who oil its now find long down day did get come made may part"
    " hello world once upon story model token cache server stream chat reply test tiny llama random answer question"
)
WORDS = _WORD_TEXT.split()

# token types (llama.cpp's enum): 1 normal, 2 unknown, 3 control, 6 byte
NORMAL, UNKNOWN, CONTROL, BYTE = 1, 2, 3, 6


def vocabulary() -> tuple[list[str], list[float], list[int]]:
    """Tokens, scores and types: specials, bytes, characters, then every prefix of ``▁word`` (longer scores higher)."""
    tokens = ["<unk>", "<s>", "</s>", "<|im_start|>", "<|im_end|>"]
    types = [UNKNOWN, CONTROL, CONTROL, CONTROL, CONTROL]
    tokens += [f"<0x{byte:02X}>" for byte in range(256)]
    types += [BYTE] * 256
    pieces = ["\u2581", *string.ascii_letters, *string.digits, *string.punctuation]
    for word in WORDS:
        pieces += [f"\u2581{word[:end]}" for end in range(1, len(word) + 1)]
    for piece in dict.fromkeys(pieces):  # first occurrence order, no duplicates
        if piece not in tokens:
            tokens.append(piece)
            types.append(NORMAL)
    scores = [
        0.0 if kind != NORMAL else -1000.0 + 10 * len(token) - 0.001 * index
        for index, (token, kind) in enumerate(zip(tokens, types, strict=True))
    ]
    return tokens, scores, types


def write_model(path: Path, seed: int = SEED) -> None:
    tokens, scores, types = vocabulary()
    rng = np.random.default_rng(seed)

    def weights(*shape: int, scale: float = 0.02) -> np.ndarray:
        return (rng.standard_normal(shape) * scale).astype(np.float32)

    writer = gguf.GGUFWriter(str(path), "llama")
    writer.add_name("cacheai-tiny-llama-random")
    writer.add_context_length(CONTEXT)
    writer.add_embedding_length(EMBEDDING)
    writer.add_block_count(LAYERS)
    writer.add_feed_forward_length(FEED_FORWARD)
    writer.add_head_count(HEADS)
    writer.add_head_count_kv(HEADS)
    writer.add_rope_dimension_count(EMBEDDING // HEADS)
    writer.add_rope_freq_base(10000.0)
    writer.add_layer_norm_rms_eps(1e-5)
    writer.add_vocab_size(len(tokens))
    writer.add_file_type(gguf.LlamaFileType.ALL_F32)
    writer.add_tokenizer_model("llama")
    writer.add_token_list(tokens)
    writer.add_token_scores(scores)
    writer.add_token_types(types)
    writer.add_unk_token_id(0)
    writer.add_bos_token_id(1)
    writer.add_eos_token_id(2)
    writer.add_eot_token_id(4)
    writer.add_add_bos_token(True)
    writer.add_add_eos_token(False)
    writer.add_chat_template(CHAT_TEMPLATE)

    # numpy shapes are (rows, columns) = the reverse of GGUF's dimension order
    writer.add_tensor("token_embd.weight", weights(len(tokens), EMBEDDING, scale=0.5))
    for layer in range(LAYERS):
        prefix = f"blk.{layer}"
        writer.add_tensor(f"{prefix}.attn_norm.weight", np.ones(EMBEDDING, dtype=np.float32))
        for name in ("attn_q", "attn_k", "attn_v", "attn_output"):
            writer.add_tensor(f"{prefix}.{name}.weight", weights(EMBEDDING, EMBEDDING))
        writer.add_tensor(f"{prefix}.ffn_norm.weight", np.ones(EMBEDDING, dtype=np.float32))
        writer.add_tensor(f"{prefix}.ffn_gate.weight", weights(FEED_FORWARD, EMBEDDING))
        writer.add_tensor(f"{prefix}.ffn_up.weight", weights(FEED_FORWARD, EMBEDDING))
        writer.add_tensor(f"{prefix}.ffn_down.weight", weights(EMBEDDING, FEED_FORWARD))
    writer.add_tensor("output_norm.weight", np.ones(EMBEDDING, dtype=np.float32))
    output = weights(len(tokens), EMBEDDING, scale=0.5)
    output[[kind == BYTE for kind in types]] *= (
        BYTE_OUTPUT_GAIN  # byte-fallback tokens (control, broken UTF-8) win often
    )
    writer.add_tensor("output.weight", output)

    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(f"usage: {argv[0]} OUTPUT.gguf", file=sys.stderr)
        return 2
    path = Path(argv[1])
    path.parent.mkdir(parents=True, exist_ok=True)
    write_model(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
