"""The ways requests come in from a client library: the botocore hook (control plane), SigV4 reading.

The only code that knows botocore's request objects and SigV4 headers. Nothing below imports it.
"""
