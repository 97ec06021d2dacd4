"""A person's data on disk: the data folder, atomic private writes, locks, encryption, config."""
