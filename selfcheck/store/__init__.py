"""A person's data on disk: the data folder, private atomic writes, config, rubrics, drafts."""
