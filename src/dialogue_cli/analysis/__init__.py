"""Phase 4: feedback reading, scoring against the analysis grid, the stakeholder map, exports."""
