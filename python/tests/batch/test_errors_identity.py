"""One ValidationError: the batch package's is the package's own, so one `except` catches both."""

import cacheai
import cacheai.batch


def test_batch_validation_error_is_cacheai_validation_error() -> None:
    assert cacheai.batch.ValidationError is cacheai.ValidationError
    assert issubclass(cacheai.ValidationError, ValueError)
