"""The supervisor's screens: the caseload, one supervisee's check-ins, and the response."""
