"""Operation handlers, one module per family. Importing this package registers none of them: an operation's first
dispatch imports the one module that owns it (`owners.OWNERS`), and `registry.handlers()` imports them all."""
