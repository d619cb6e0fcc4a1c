"""OpenAPI import and export (spec control-plane-2 §16–§17): the `x-amazon-apigateway-*` mapping and AWS's texts.

Contract:
- `document.read(body)` parses an OpenAPI 3.0/3.1 or Swagger 2.0 document (JSON, or YAML through PyYAML's
  `safe_load`, imported on first use) into a `Document`, or raises AWS's BadRequest.
- `importer.build(document, backend, options, into=...)` builds a whole new `ApiGraph` aside (a fresh one for
  ImportRestApi and PutRestApi overwrite, a fork of the live graph for merge), checking every node with the rule
  functions CreateX/PutX use, and returns it with its warnings; the caller swaps it in, so an import either fully
  succeeds or changes nothing (atomic, where AWS is not [DOC → §17.1 mock choice]).
- `exporter.export(deployed, ...)` writes the document of a stage's deployment snapshot (`DeployedApi`), and
  `exporter.render(document, accepts)` its bytes (JSON or YAML).
- `extensions` owns the mapping of each `x-amazon-apigateway-*` extension both ways; `texts` AWS's error and
  warning texts (all [UNK] unless marked: the spec records none of them).

openapi-pydantic / openapi-spec-validator are test oracles only: their errors are not AWS's.
"""
