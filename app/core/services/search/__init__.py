"""Search everything: one query over the registers, the minutes, the decisions and the letters."""
