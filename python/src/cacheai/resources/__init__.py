"""API resources, one module per API path (imported lazily by the client)."""
