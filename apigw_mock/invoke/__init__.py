"""The data plane's pure engines: what happens when a client calls a deployed stage (spec: data plane).

Each module is one engine over plain data (no HTTP, no boto3, no global state), named for its job: `routing`
(resource and method), `content` (template choice, passthrough, binary handling), `mapping` (parameter
expressions), `templates` (VTL), `selection` (integration response), `errors` and `gateway_responses`.
Nothing here imports the control plane, the wire protocol or the state; optional libraries (airspeed-ext,
jsonpath-ng) are imported on first use.
"""
