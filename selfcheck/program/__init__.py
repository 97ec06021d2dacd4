"""Program sharing: anonymous exports, reading them, aggregation and disclosure control."""
