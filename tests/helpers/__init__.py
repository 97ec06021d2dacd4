"""Helpers the tests share: sample check-ins, terminals, other users, encryption and charts."""
