"""GetAccount and UpdateAccount: the settings of the caller's account in the client's region (spec
control-plane-2 §13); the node is `backend.account`, replaced by each update."""

from __future__ import annotations

from apigw_mock.control.registry import operation
from apigw_mock.domain.account import Account
from apigw_mock.domain.backend import ApiGatewayBackend
from apigw_mock.patch import PatchOperations, apply_patch


@operation("GetAccount")
def get_account(backend: ApiGatewayBackend) -> Account:
    return backend.account


@operation("UpdateAccount")
def update_account(backend: ApiGatewayBackend, *, patch_operations: PatchOperations = ()) -> Account:
    backend.account = apply_patch(backend.account, patch_operations)
    return backend.account
