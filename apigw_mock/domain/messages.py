"""AWS's texts that several operations of one family share, written once (spec §2 for the not-found family,
core spec §4.1 for the patch families). Texts that belong to one rule live beside that rule instead."""

from __future__ import annotations

# ---- not found, below the API (spec §2) ---------------------------------------------------------------------
INVALID_RESOURCE = "Invalid Resource identifier specified"
INVALID_METHOD = "Invalid Method identifier specified"
INVALID_INTEGRATION = "Invalid Integration identifier specified"
INVALID_STATUS_CODE = "Invalid Response status code specified"

# ---- a map key that replace/remove names but the map lacks (core spec §4.1) ---------------------------------
INVALID_PARAMETER = "Invalid parameter name specified"
CONTENT_TYPE_NOT_FOUND = "Content-Type specified was not found"


def null_value(map_name: str) -> str:
    """A null (or empty) value on add/replace of a map entry (core spec §4.1: recorded for gateway responses)."""
    return f"Invalid null or empty value in {map_name}"


# ---- an API named in a request body rather than the URI (core spec §2, recorded) --------------------------------
INVALID_REST_API = "Invalid REST API identifier specified"

# ---- a stage that an API lacks (control-plane-2 §2: BadRequest or NotFound by operation) ----------------------
INVALID_STAGE = "Invalid stage identifier specified"

# ---- references from a method to API-level objects (core spec §3.3) -----------------------------------------
INVALID_REQUEST_VALIDATOR = "Invalid Request Validator identifier specified"


def invalid_model(name: str | None) -> str:
    """A method request/response naming a model the API lacks (`null` for a missing value, as Java prints it)."""
    return f"Invalid model identifier specified: {'null' if name is None else name}"
