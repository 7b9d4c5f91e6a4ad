"""The Agenda register: sessions and delegations, agenda items, the programme, deadlines and the memorandum."""
