"""Response and parameter types, laid out like ``openai.types`` so imports translate one to one.

Names are imported from their modules on first use, so importing the package is cheap.
"""

from typing import TYPE_CHECKING

from cacheai._lazy import lazy_exports

if TYPE_CHECKING:
    from .batch import Batch
    from .batch_error import BatchError
    from .batch_request_counts import BatchRequestCounts
    from .batch_usage import BatchUsage
    from .completion import Completion
    from .completion_choice import CompletionChoice
    from .completion_create_params import CompletionCreateParams
    from .completion_usage import CompletionUsage
    from .create_embedding_response import CreateEmbeddingResponse
    from .embedding import Embedding
    from .embedding_create_params import EmbeddingCreateParams
    from .embedding_model import EmbeddingModel
    from .file_deleted import FileDeleted
    from .file_object import FileObject
    from .file_purpose import FilePurpose
    from .model import Model
    from .model_deleted import ModelDeleted
    from .shared import (
        AllModels,
        ChatModel,
        ComparisonFilter,
        CompoundFilter,
        CustomToolInputFormat,
        DecisionInputJSON,
        DecisionQuestionInputImage,
        DecisionQuestionInputPart,
        DecisionQuestionInputText,
        ErrorObject,
        FunctionDefinition,
        FunctionParameters,
        Metadata,
        OAuthErrorCode,
        Reasoning,
        ReasoningEffort,
        ResponseFormatJSONObject,
        ResponseFormatJSONSchema,
        ResponseFormatText,
        ResponseFormatTextGrammar,
        ResponseFormatTextPython,
        ResponsesModel,
    )

__all__ = [
    "AllModels",
    "Batch",
    "BatchError",
    "BatchRequestCounts",
    "BatchUsage",
    "ChatModel",
    "ComparisonFilter",
    "Completion",
    "CompletionChoice",
    "CompletionCreateParams",
    "CompletionUsage",
    "CompoundFilter",
    "CreateEmbeddingResponse",
    "CustomToolInputFormat",
    "DecisionInputJSON",
    "DecisionQuestionInputImage",
    "DecisionQuestionInputPart",
    "DecisionQuestionInputText",
    "Embedding",
    "EmbeddingCreateParams",
    "EmbeddingModel",
    "ErrorObject",
    "FileDeleted",
    "FileObject",
    "FilePurpose",
    "FunctionDefinition",
    "FunctionParameters",
    "Metadata",
    "Model",
    "ModelDeleted",
    "OAuthErrorCode",
    "Reasoning",
    "ReasoningEffort",
    "ResponseFormatJSONObject",
    "ResponseFormatJSONSchema",
    "ResponseFormatText",
    "ResponseFormatTextGrammar",
    "ResponseFormatTextPython",
    "ResponsesModel",
]

_MODULE_OF: dict[str, str] = {
    "AllModels": ".shared",
    "Batch": ".batch",
    "BatchError": ".batch_error",
    "BatchRequestCounts": ".batch_request_counts",
    "BatchUsage": ".batch_usage",
    "ChatModel": ".shared",
    "ComparisonFilter": ".shared",
    "Completion": ".completion",
    "CompletionChoice": ".completion_choice",
    "CompletionCreateParams": ".completion_create_params",
    "CompletionUsage": ".completion_usage",
    "CompoundFilter": ".shared",
    "CreateEmbeddingResponse": ".create_embedding_response",
    "CustomToolInputFormat": ".shared",
    "DecisionInputJSON": ".shared",
    "DecisionQuestionInputImage": ".shared",
    "DecisionQuestionInputPart": ".shared",
    "DecisionQuestionInputText": ".shared",
    "Embedding": ".embedding",
    "EmbeddingCreateParams": ".embedding_create_params",
    "EmbeddingModel": ".embedding_model",
    "ErrorObject": ".shared",
    "FileDeleted": ".file_deleted",
    "FileObject": ".file_object",
    "FilePurpose": ".file_purpose",
    "FunctionDefinition": ".shared",
    "FunctionParameters": ".shared",
    "Metadata": ".shared",
    "Model": ".model",
    "ModelDeleted": ".model_deleted",
    "OAuthErrorCode": ".shared",
    "Reasoning": ".shared",
    "ReasoningEffort": ".shared",
    "ResponseFormatJSONObject": ".shared",
    "ResponseFormatJSONSchema": ".shared",
    "ResponseFormatText": ".shared",
    "ResponseFormatTextGrammar": ".shared",
    "ResponseFormatTextPython": ".shared",
    "ResponsesModel": ".shared",
}
# Subpackages reachable as attributes (`cacheai.types.chat`), as openai's are.
_SUBPACKAGES: tuple[str, ...] = (
    "chat",
    "responses",
    "shared",
    "shared_params",
)


__getattr__, __dir__ = lazy_exports(__name__, _MODULE_OF, _SUBPACKAGES)
