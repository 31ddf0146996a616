MODULE_DOCS = {}
PKG_DOCS = {
    "openai.types": "Response and parameter types, laid out like ``openai.types`` so imports translate one to one.",
    "openai.types.chat": "Chat completion types (responses, stream chunks and request parameters).",
    "openai.types.responses": "Responses API types: the response object, output items, inputs and stream events.",
    "openai.types.shared": "Models shared by several endpoints.",
    "openai.types.shared_params": "Request parameter shapes shared by several endpoints.",
}
PKG_EXTRA = {}
DOCS = {
    ("chat_completion", "ChatCompletion"): "A chat completion returned by `POST /chat/completions`.",
    ("chat_completion", "Choice"): "One generated alternative of a chat completion.",
    ("chat_completion", "ChoiceLogprobs"): "Token log probabilities of a choice's content and refusal.",
    ("chat_completion_chunk", "ChatCompletionChunk"): "One server-sent event of a streamed chat completion.",
    ("chat_completion_chunk", "ChoiceDelta"): "The part of the message that this chunk adds.",
    ("chat_completion_chunk", "ChoiceDeltaToolCall"): "A fragment of a tool call; fragments sharing an `index` belong together.",
    ("chat_completion_message", "ChatCompletionMessage"): "The assistant message of a chat completion choice.",
    ("chat_completion_message_function_tool_call", "ChatCompletionMessageFunctionToolCall"):
        "A call to a function tool made by the model.",
    ("chat_completion_message_custom_tool_call", "ChatCompletionMessageCustomToolCall"):
        "A call to a custom (free-form input) tool made by the model.",
    ("chat_completion_token_logprob", "ChatCompletionTokenLogprob"): "The log probability of one output token.",
    ("chat_completion_audio", "ChatCompletionAudio"): "Audio output of a chat completion (base64 data and transcript).",
    ("chat_completion_deleted", "ChatCompletionDeleted"): "The result of deleting a stored chat completion.",
    ("chat_completion_store_message", "ChatCompletionStoreMessage"): "A message of a stored chat completion.",
    ("completion_usage", "CompletionUsage"): "Token counts of a completion request.",
    ("completion", "Completion"): "A legacy text completion returned by `POST /completions`.",
    ("completion_choice", "CompletionChoice"): "One generated alternative of a legacy text completion.",
    ("model", "Model"): "A model the server offers (`GET /models`).",
    ("model_deleted", "ModelDeleted"): "The result of deleting a fine-tuned model.",
    ("create_embedding_response", "CreateEmbeddingResponse"): "The result of `POST /embeddings`.",
    ("embedding", "Embedding"): "One embedding vector and the index of its input.",
    ("file_object", "FileObject"): "A file uploaded to the server.",
    ("file_deleted", "FileDeleted"): "The result of deleting a file.",
    ("batch", "Batch"): "A batch job of the Batch API.",
    ("response", "Response"): "A model response of the Responses API (`POST /responses`).",
    ("response_usage", "ResponseUsage"): "Token counts of a Responses API call.",
    ("response_output_message", "ResponseOutputMessage"): "An assistant message among a response's output items.",
    ("response_output_text", "ResponseOutputText"): "A text part of an output message.",
    ("response_error_event", "ResponseErrorEvent"): "A stream event reporting an error.",
    ("input_token_count_response", "InputTokenCountResponse"): "The result of counting a request's input tokens.",
}
EXTRA_BODY = {
    "Response": '''
    @property
    def output_text(self) -> str:
        """The text of every `output_text` part of every message output item, joined (empty if none)."""
        texts: list[str] = []
        for item in self.output:
            if item.type == "message":
                for part in item.content or ():
                    if part.type == "output_text" and isinstance(part.text, str):
                        texts.append(part.text)
        return "".join(texts)''',
}
PKG_EXTRA = {
    "openai.types.chat": [
        ("parsed_chat_completion", ["ParsedChatCompletion", "ParsedChatCompletionMessage", "ParsedChoice"]),
        ("parsed_function_tool_call", ["ParsedFunction", "ParsedFunctionToolCall"]),
    ],
    "openai.types.responses": [
        ("parsed_response", ["ParsedResponse", "ParsedResponseFunctionToolCall", "ParsedResponseOutputMessage",
                             "ParsedResponseOutputText"]),
        ("response_stream_event_parsing", ["ResponseUnknownEvent", "parse_response_stream_event"]),
    ],
}

LAZY_TAIL = """

__getattr__, __dir__ = lazy_exports(__name__, _MODULE_OF, _SUBPACKAGES)"""
