"""The calendar: working days, the plan of the six phases, iCalendar export."""
