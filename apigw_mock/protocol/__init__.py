"""The wire: rest-json requests parsed and responses serialised from the botocore service model alone."""
