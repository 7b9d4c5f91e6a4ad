"""The liaison log: letters and notes between the liaison agencies of the two sides between sessions."""
