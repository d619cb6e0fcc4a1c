"""AWS's texts for import and export. The spec records none of them: each is the recommended choice of §18.12
(BadRequest for invalid documents, `warnings` for what is ignored), worded as AWS's import errors are commonly seen
("Errors found during import:" followed by one tab-indented line per error) [UNK]."""

from __future__ import annotations

INVALID_BODY = "Invalid OpenAPI input."  # not JSON nor YAML, or not a mapping [UNK]
NO_VERSION = "Invalid OpenAPI input. The document must declare 'openapi: 3.0.x' or 'swagger: \"2.0\"'."  # [UNK]
UNSUPPORTED_VERSION = "Unsupported OpenAPI version: {version}"  # [UNK]
BODY_TOO_LARGE = "Request body is too large. The maximum size is 6 MB."  # §17.1 DOC limit, [UNK] text
ERRORS = "Errors found during import:\n\t{errors}"  # [UNK], recalled layout
WARNINGS_FAIL = "Warnings found during import:\n\t{warnings}"  # failonwarnings=true [UNK]
INVALID_BASEPATH = "Invalid basepath option specified. Valid options are ignore,prepend,split"  # [UNK]

# Error lines ("Unable to ...: <the rule's own AWS text>") [UNK].
RESOURCE = "Unable to create resource at path '{path}': {reason}"
METHOD = "Unable to put method '{verb}' on resource at path '{path}': {reason}"
INTEGRATION = "Unable to put integration on '{verb}' for resource at path '{path}': {reason}"
INTEGRATION_RESPONSE = "Unable to put integration response on '{verb}' for resource at path '{path}': {reason}"
METHOD_RESPONSE = "Unable to put method response on '{verb}' for resource at path '{path}': {reason}"
MODEL = "Unable to create model for '{name}': {reason}"
MODEL_NAME = "Invalid model name specified: {name}. Model names must be alphanumeric."  # §17.3 DOC rule
AUTHORIZER = "Unable to create authorizer '{name}': {reason}"
AUTHORIZER_TYPE = "Invalid authorizer type: {type}. Valid options are token,request,cognito_user_pools"
VALIDATOR_MISSING = "Invalid request validator '{name}' on method '{verb} {path}'"
GATEWAY_RESPONSE = "Unable to put gateway response of type '{type}': {reason}"
GATEWAY_RESPONSE_TYPE = "Invalid gateway response type: {type}"
MALFORMED_INTEGRATION = "Unable to parse API definition because of a malformed integration at path {path}."  # [FIELD]
INTEGRATION_TYPE = "Invalid integration type specified: {type}"
MALFORMED = "Invalid OpenAPI input: {error}"  # a construct of the wrong JSON type [UNK]
API_KEY_SOURCE = "Invalid API Key source specified. Valid options are HEADER,AUTHORIZER"  # UpdateRestApi's text

# Warnings [UNK]: what AWS ignores, said once per construct.
W_NO_PATHS = "No paths found in the definition."
W_MISSING_MODEL = "Ignoring model reference '{ref}' on '{verb} {path}': no model of that name in the definition."
W_INLINE_SCHEMA = "Ignoring inline schema for '{media}' on '{verb} {path}': only named models are imported."
W_STATUS_CODE = "Ignoring response '{code}' on '{verb} {path}': status codes must match [1-5]\\d\\d."
W_UNKNOWN_SCHEME = "Ignoring security requirement '{name}' on '{verb} {path}': no security scheme of that name."
W_COOKIE = "Ignoring cookie parameter '{name}' on '{verb} {path}'."
W_HTTP_API_ONLY = "Ignoring {extension}: supported by HTTP APIs only."

# Export [UNK] beyond the recorded prefix.
EXPORT_TYPE = "Invalid export type specified. Valid options are oas30,swagger"  # §16 [UNK → BadRequest]
ACCEPTS = "Invalid accept type specified. Valid options are application/json,application/yaml"  # [UNK]
EXTENSIONS = "Invalid extensions specified. Valid options are integrations,apigateway,authorizers,postman"  # [UNK]
NON_JSON_MODELS = "Only found non-JSON body models for method: {verb} {path}"  # §16 DOC prefix
