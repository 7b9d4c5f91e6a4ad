"""The decisions register: decisions of every session tracked until carried out, their follow-up
notes, decisions taken between sessions, and the report on implementation for the next session."""
