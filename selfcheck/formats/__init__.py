"""The public file formats as pydantic models, defensive TOML reading, and the project's errors."""
