"""Loading documents: files, archives, and the prose view rules scan."""
