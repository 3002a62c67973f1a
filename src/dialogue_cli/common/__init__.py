"""Helpers every domain shares: errors, value formatting, labels, spreadsheet safety."""
