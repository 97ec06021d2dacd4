"""The practitioner's screens: home, one check-in item by item, its review, details and summary."""
