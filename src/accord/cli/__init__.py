"""The command-line interface: parses input, calls services, renders output."""
