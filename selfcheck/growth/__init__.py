"""Growth across check-ins: pure numbers, terminal tables, CSV and JSON, charts and the packet."""
