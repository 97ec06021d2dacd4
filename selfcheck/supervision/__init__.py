"""The supervision core: shares, the caseload, responses, the learning plan, hours (no Textual)."""
