"""The CLI's subcommands, one module per area; each exposes `register(subparsers)`."""
