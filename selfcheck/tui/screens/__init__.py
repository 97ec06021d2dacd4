"""Screens of the two apps: the practitioner's, the supervisor's, and the ones both use."""
