"""`python -m apigw_mock serve ...`: the same as the `apigw-mock` console command."""

from apigw_mock.server.cli import main

raise SystemExit(main())
