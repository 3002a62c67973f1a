"""The offer: quote computation, catalogs, procurement rules and price documents."""
