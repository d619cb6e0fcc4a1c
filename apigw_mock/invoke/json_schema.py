"""Request bodies against an API's models: JSON Schema draft 4, compiled once per deployment (spec §5.3).

Contract: `models_of(deployed)` is the deployment's `ModelSchemas` (an LRU of the last 64 deployments, keyed by
the frozen snapshot itself, `per_deployment`); `problems(model_name, body)` is None when the body text is
valid JSON satisfying the model's schema, else the detail `$context.error.validationErrorString` shows:
`[<message>, <message>]` (the validator's messages, by position in the document [UNK text, spec §5.3]). An empty
or unparseable body fails as invalid JSON ([UNK] §5.3). Each model's validator is built on first use, with the
`jsonschema` library (the `invoke` extra, imported here only): draft 4 whatever `$schema` says (so the boolean
`exclusiveMinimum`), `format` not checked ([INF] §5.3). `$ref`s to
`https://apigateway.amazonaws.com/restapis/{api}/models/{name}` resolve to the API's model of that name, whatever
the api id ([UNK] §5.3). A model whose schema is not a valid draft-4 schema checks nothing [INF].
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from apigw_mock.invoke.per_deployment import PerDeployment

if TYPE_CHECKING:
    from apigw_mock.domain.snapshot import DeployedApi

_MODELS_PATH = "/models/"


class ModelSchemas:
    """The models of one deployment as validators, each built on first use (building one twice is harmless)."""

    def __init__(self, deployed: DeployedApi) -> None:
        self._deployed = deployed
        self._schemas: dict[str, Any] = {}
        self._validators: dict[str, Any] = {}

    def problems(self, model_name: str, body: str) -> str | None:
        validator = self._validator(model_name)
        if validator is None:
            return None
        try:
            instance = json.loads(body)
        except ValueError as error:
            return f"[{error}]"
        from referencing.exceptions import Unresolvable

        try:
            found = sorted(validator.iter_errors(instance), key=lambda error: (_where(error), error.message))
        except Unresolvable as error:
            return f"[Unresolvable reference: {error}]"  # [UNK]: AWS refuses such a model up front
        return f"[{', '.join(error.message for error in found)}]" if found else None

    def _validator(self, model_name: str) -> Any:
        if model_name in self._validators:
            return self._validators[model_name]
        from jsonschema import Draft4Validator
        from jsonschema.exceptions import SchemaError
        from referencing import Registry

        schema = self._schema(model_name)
        validator = None
        if isinstance(schema, dict):
            try:
                Draft4Validator.check_schema(schema)
                validator = Draft4Validator(schema, registry=Registry(retrieve=self._retrieve))  # type: ignore[call-arg]
            except SchemaError:
                validator = None
        self._validators[model_name] = validator
        return validator

    def _schema(self, model_name: str) -> Any:
        if model_name not in self._schemas:
            model = self._deployed.models.get(model_name)
            try:
                self._schemas[model_name] = json.loads(model.schema_ or "") if model is not None else None
            except ValueError:
                self._schemas[model_name] = None
        return self._schemas[model_name]

    def _retrieve(self, uri: str) -> Any:
        from referencing.exceptions import NoSuchResource
        from referencing.jsonschema import DRAFT4

        prefix, found, name = uri.rstrip("/").rpartition(_MODELS_PATH)
        schema = self._schema(name) if found and "/restapis/" in prefix else None
        if not isinstance(schema, dict):
            raise NoSuchResource(uri)
        return DRAFT4.create_resource(schema)


def _where(error: Any) -> str:
    return "/".join(str(part) for part in error.absolute_path)


_models = PerDeployment(ModelSchemas)


def models_of(deployed: DeployedApi) -> ModelSchemas:
    """The deployment's compiled models (see the module contract)."""
    return _models.get(deployed)
