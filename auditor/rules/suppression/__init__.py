"""Rules about the auditor's own suppression comments."""
