"""The Experts register: assignments and their procedure, quotas, alerts, history."""
