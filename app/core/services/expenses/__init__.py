"""The Expenses register: who pays what under the commission's rule, budgets, rates, statements."""
