"""Charts for the terminal-free deliverables (matplotlib, imported only when a chart is drawn)."""
