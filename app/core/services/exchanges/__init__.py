"""The Exchanges register: materials, samples and apparatus passing between the sides."""
