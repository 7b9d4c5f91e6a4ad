"""The minutes: bilingual segments, editing, checks, glossary, signing and transfer."""
