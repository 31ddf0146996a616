"""Response and parameter types, laid out like ``openai.types`` so imports translate one to one.

Names are imported from their modules on first use, so importing the package is cheap.
"""

from typing import TYPE_CHECKING

from cacheai._lazy import lazy_exports

if TYPE_CHECKING:
    from .audio_model import AudioModel
    from .audio_response_format import AudioResponseFormat
    from .auto_file_chunking_strategy_param import AutoFileChunkingStrategyParam
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
    from .file_chunking_strategy import FileChunkingStrategy
    from .file_chunking_strategy_param import FileChunkingStrategyParam
    from .file_content import FileContent
    from .file_deleted import FileDeleted
    from .file_object import FileObject
    from .file_purpose import FilePurpose
    from .image import Image
    from .image_create_variation_params import ImageCreateVariationParams
    from .image_edit_completed_event import ImageEditCompletedEvent
    from .image_edit_params import ImageEditParams
    from .image_edit_partial_image_event import ImageEditPartialImageEvent
    from .image_edit_stream_event import ImageEditStreamEvent
    from .image_gen_completed_event import ImageGenCompletedEvent
    from .image_gen_partial_image_event import ImageGenPartialImageEvent
    from .image_gen_stream_event import ImageGenStreamEvent
    from .image_generate_params import ImageGenerateParams
    from .image_model import ImageModel
    from .images_response import ImagesResponse
    from .model import Model
    from .model_deleted import ModelDeleted
    from .moderation import Moderation
    from .moderation_create_params import ModerationCreateParams
    from .moderation_create_response import ModerationCreateResponse
    from .moderation_image_url_input_param import ModerationImageURLInputParam
    from .moderation_model import ModerationModel
    from .moderation_multi_modal_input_param import ModerationMultiModalInputParam
    from .moderation_text_input_param import ModerationTextInputParam
    from .other_file_chunking_strategy_object import OtherFileChunkingStrategyObject
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
    from .static_file_chunking_strategy import StaticFileChunkingStrategy
    from .static_file_chunking_strategy_object import StaticFileChunkingStrategyObject
    from .static_file_chunking_strategy_object_param import StaticFileChunkingStrategyObjectParam
    from .static_file_chunking_strategy_param import StaticFileChunkingStrategyParam
    from .upload import Upload
    from .upload_complete_params import UploadCompleteParams
    from .upload_create_params import UploadCreateParams
    from .vector_store import VectorStore
    from .vector_store_create_params import VectorStoreCreateParams
    from .vector_store_deleted import VectorStoreDeleted
    from .vector_store_list_params import VectorStoreListParams
    from .vector_store_search_params import VectorStoreSearchParams
    from .vector_store_search_response import VectorStoreSearchResponse
    from .vector_store_update_params import VectorStoreUpdateParams

__all__ = [
    "AllModels",
    "AudioModel",
    "AudioResponseFormat",
    "AutoFileChunkingStrategyParam",
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
    "FileChunkingStrategy",
    "FileChunkingStrategyParam",
    "FileContent",
    "FileDeleted",
    "FileObject",
    "FilePurpose",
    "FunctionDefinition",
    "FunctionParameters",
    "Image",
    "ImageCreateVariationParams",
    "ImageEditCompletedEvent",
    "ImageEditParams",
    "ImageEditPartialImageEvent",
    "ImageEditStreamEvent",
    "ImageGenCompletedEvent",
    "ImageGenPartialImageEvent",
    "ImageGenStreamEvent",
    "ImageGenerateParams",
    "ImageModel",
    "ImagesResponse",
    "Metadata",
    "Model",
    "ModelDeleted",
    "Moderation",
    "ModerationCreateParams",
    "ModerationCreateResponse",
    "ModerationImageURLInputParam",
    "ModerationModel",
    "ModerationMultiModalInputParam",
    "ModerationTextInputParam",
    "OAuthErrorCode",
    "OtherFileChunkingStrategyObject",
    "Reasoning",
    "ReasoningEffort",
    "ResponseFormatJSONObject",
    "ResponseFormatJSONSchema",
    "ResponseFormatText",
    "ResponseFormatTextGrammar",
    "ResponseFormatTextPython",
    "ResponsesModel",
    "StaticFileChunkingStrategy",
    "StaticFileChunkingStrategyObject",
    "StaticFileChunkingStrategyObjectParam",
    "StaticFileChunkingStrategyParam",
    "Upload",
    "UploadCompleteParams",
    "UploadCreateParams",
    "VectorStore",
    "VectorStoreCreateParams",
    "VectorStoreDeleted",
    "VectorStoreListParams",
    "VectorStoreSearchParams",
    "VectorStoreSearchResponse",
    "VectorStoreUpdateParams",
]

_MODULE_OF: dict[str, str] = {
    "AllModels": ".shared",
    "AudioModel": ".audio_model",
    "AudioResponseFormat": ".audio_response_format",
    "AutoFileChunkingStrategyParam": ".auto_file_chunking_strategy_param",
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
    "FileChunkingStrategy": ".file_chunking_strategy",
    "FileChunkingStrategyParam": ".file_chunking_strategy_param",
    "FileContent": ".file_content",
    "FileDeleted": ".file_deleted",
    "FileObject": ".file_object",
    "FilePurpose": ".file_purpose",
    "FunctionDefinition": ".shared",
    "FunctionParameters": ".shared",
    "Image": ".image",
    "ImageCreateVariationParams": ".image_create_variation_params",
    "ImageEditCompletedEvent": ".image_edit_completed_event",
    "ImageEditParams": ".image_edit_params",
    "ImageEditPartialImageEvent": ".image_edit_partial_image_event",
    "ImageEditStreamEvent": ".image_edit_stream_event",
    "ImageGenCompletedEvent": ".image_gen_completed_event",
    "ImageGenPartialImageEvent": ".image_gen_partial_image_event",
    "ImageGenStreamEvent": ".image_gen_stream_event",
    "ImageGenerateParams": ".image_generate_params",
    "ImageModel": ".image_model",
    "ImagesResponse": ".images_response",
    "Metadata": ".shared",
    "Model": ".model",
    "ModelDeleted": ".model_deleted",
    "Moderation": ".moderation",
    "ModerationCreateParams": ".moderation_create_params",
    "ModerationCreateResponse": ".moderation_create_response",
    "ModerationImageURLInputParam": ".moderation_image_url_input_param",
    "ModerationModel": ".moderation_model",
    "ModerationMultiModalInputParam": ".moderation_multi_modal_input_param",
    "ModerationTextInputParam": ".moderation_text_input_param",
    "OAuthErrorCode": ".shared",
    "OtherFileChunkingStrategyObject": ".other_file_chunking_strategy_object",
    "Reasoning": ".shared",
    "ReasoningEffort": ".shared",
    "ResponseFormatJSONObject": ".shared",
    "ResponseFormatJSONSchema": ".shared",
    "ResponseFormatText": ".shared",
    "ResponseFormatTextGrammar": ".shared",
    "ResponseFormatTextPython": ".shared",
    "ResponsesModel": ".shared",
    "StaticFileChunkingStrategy": ".static_file_chunking_strategy",
    "StaticFileChunkingStrategyObject": ".static_file_chunking_strategy_object",
    "StaticFileChunkingStrategyObjectParam": ".static_file_chunking_strategy_object_param",
    "StaticFileChunkingStrategyParam": ".static_file_chunking_strategy_param",
    "Upload": ".upload",
    "UploadCompleteParams": ".upload_complete_params",
    "UploadCreateParams": ".upload_create_params",
    "VectorStore": ".vector_store",
    "VectorStoreCreateParams": ".vector_store_create_params",
    "VectorStoreDeleted": ".vector_store_deleted",
    "VectorStoreListParams": ".vector_store_list_params",
    "VectorStoreSearchParams": ".vector_store_search_params",
    "VectorStoreSearchResponse": ".vector_store_search_response",
    "VectorStoreUpdateParams": ".vector_store_update_params",
}
# Subpackages reachable as attributes (`cacheai.types.chat`), as openai's are.
_SUBPACKAGES: tuple[str, ...] = (
    "audio",
    "chat",
    "fine_tuning",
    "graders",
    "responses",
    "shared",
    "shared_params",
    "uploads",
    "vector_stores",
    "webhooks",
)


__getattr__, __dir__ = lazy_exports(__name__, _MODULE_OF, _SUBPACKAGES)
